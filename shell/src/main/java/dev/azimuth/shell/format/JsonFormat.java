package dev.azimuth.shell.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * JSON Lines: one object per row, keys are column labels in column order. Numbers and booleans
 * are JSON numbers and booleans, vectors arrays of numbers, NULL is {@code null}, everything else
 * (dates, timestamps, text) the driver's string form. Streams rows as they arrive; statements
 * without a result set print nothing.
 */
final class JsonFormat implements OutputFormat {
  static final String NAME = "json";

  private final JsonFactory factory = new JsonFactoryBuilder()
      // The generator must not close stdout; BigDecimals print as written, not as 1E+3.
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      // Rows end with a newline of their own; the default separator would indent later rows.
      .rootValueSeparator("")
      .build();

  @Override public String name() {
    return NAME;
  }

  @Override public void writeRows(ResultSet rows, PrintWriter out) throws SQLException {
    List<Column> columns = Column.describe(rows.getMetaData());
    try (JsonGenerator json = factory.createGenerator(out)) {
      while (rows.next()) {
        json.writeStartObject();
        for (int c = 0; c < columns.size(); c++) {
          json.writeFieldName(columns.get(c).label());
          writeValue(json, rows, c + 1, columns.get(c).kind());
        }
        json.writeEndObject();
        json.writeRaw('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JSON", e);
    }
  }

  private static void writeValue(JsonGenerator json, ResultSet rows, int column, ColumnKind kind)
      throws SQLException, IOException {
    Object value = rows.getObject(column);
    if (value == null) {
      json.writeNull();
      return;
    }
    switch (kind) {
      case INTEGER -> json.writeNumber(rows.getLong(column));
      case REAL -> json.writeNumber(rows.getFloat(column));
      case DOUBLE -> json.writeNumber(rows.getDouble(column));
      case DECIMAL -> json.writeNumber(rows.getBigDecimal(column));
      case BOOLEAN -> json.writeBoolean(rows.getBoolean(column));
      case VECTOR -> {
        if (value instanceof float[] vector) {
          writeVector(json, vector);
        } else {
          // Another driver may hand vectors over as text; keep the value rather than fail.
          json.writeString(rows.getString(column));
        }
      }
      case TEXT -> json.writeString(rows.getString(column));
    }
  }

  private static void writeVector(JsonGenerator json, float[] vector) throws IOException {
    json.writeStartArray(vector, vector.length);
    for (float component : vector) {
      json.writeNumber(component);
    }
    json.writeEndArray();
  }
}

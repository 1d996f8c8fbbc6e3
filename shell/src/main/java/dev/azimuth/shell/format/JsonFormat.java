package dev.azimuth.shell.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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

  @Override public void writeRows(Rows rows, PrintWriter out, Display display)
      throws SQLException {
    List<Column> columns = rows.columns();
    try (JsonGenerator json = factory.createGenerator(out)) {
      while (rows.next()) {
        json.writeStartObject();
        for (int c = 0; c < columns.size(); c++) {
          json.writeFieldName(columns.get(c).label());
          writeValue(json, rows.value(c));
        }
        json.writeEndObject();
        json.writeRaw('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JSON", e);
    }
  }

  /** Writes a value of one of the types {@link ColumnKind} names. */
  private static void writeValue(JsonGenerator json, Object value) throws IOException {
    switch (value) {
      case null -> json.writeNull();
      case Long number -> json.writeNumber(number);
      case Integer number -> json.writeNumber(number);
      case Float number -> json.writeNumber(number);
      case Double number -> json.writeNumber(number);
      case java.math.BigDecimal number -> json.writeNumber(number);
      case Boolean flag -> json.writeBoolean(flag);
      case float[] vector -> writeVector(json, vector);
      default -> json.writeString(value.toString());
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

package dev.azimuth.planner.copy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.azimuth.planner.ResultColumn;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * JSON lines output (Jackson): one object per row, keyed by column label. Numbers stay numbers
 * (floats in their shortest exact form), vectors are arrays, DATE and TIMESTAMP are text, NULL
 * is null; a NaN or infinite double is written as a string, JSON having no such number.
 */
final class JsonLinesSink implements RowSink {
  private static final JsonFactory JSON = new JsonFactory();

  private final JsonGenerator out;
  private final List<ResultColumn> columns;

  JsonLinesSink(Path file, List<ResultColumn> columns) throws IOException {
    this.columns = columns;
    this.out = JSON.createGenerator(new BufferedOutputStream(Files.newOutputStream(file),
        1 << 16));
    out.setRootValueSeparator(null);
  }

  @Override public void write(Object[] row) throws IOException {
    out.writeStartObject();
    for (int i = 0; i < columns.size(); i++) {
      out.writeFieldName(columns.get(i).label());
      value(columns.get(i), row[i]);
    }
    out.writeEndObject();
    out.writeRaw('\n');
  }

  private void value(ResultColumn column, Object v) throws IOException {
    SqlTypeName type = column.type().getSqlTypeName();
    if (v != null && (type == SqlTypeName.DATE || type == SqlTypeName.TIMESTAMP)) {
      out.writeString(RowSink.text(column, v));
      return;
    }
    switch (v) {
      case null -> out.writeNull();
      case float[] vector -> {
        out.writeStartArray();
        for (float f : vector) {
          out.writeNumber(f);
        }
        out.writeEndArray();
      }
      case Boolean b -> out.writeBoolean(b);
      case Integer n -> out.writeNumber(n);
      case Long n -> out.writeNumber(n);
      case Float f when Float.isFinite(f) -> out.writeNumber(f);
      case Double d when Double.isFinite(d) -> out.writeNumber(d);
      case BigDecimal d -> out.writeNumber(d);
      case Short n -> out.writeNumber(n);
      case Byte n -> out.writeNumber(n);
      default -> out.writeString(RowSink.text(column, v));
    }
  }

  @Override public void finish() throws IOException {
    out.flush();
  }

  @Override public void close() throws IOException {
    out.close();
  }
}

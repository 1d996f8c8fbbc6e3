package dev.azimuth.shell.copy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.azimuth.common.VectorText;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * JSON lines as COPY TO writes them (Jackson): one object per row keyed by column label,
 * numbers as numbers, vectors as arrays, booleans as booleans, NULL as null, other values
 * (DATE, TIMESTAMP, text) as strings; a NaN or infinite double as a string.
 */
final class JsonLinesRowWriter implements RowWriter {
  private static final JsonFactory JSON = new JsonFactory();

  private final JsonGenerator out;
  private final String[] labels;
  private final int[] types;
  private final boolean[] vectors;

  JsonLinesRowWriter(Path file, ResultSetMetaData columns) throws IOException, SQLException {
    int n = columns.getColumnCount();
    this.labels = new String[n];
    this.types = new int[n];
    this.vectors = new boolean[n];
    for (int i = 0; i < n; i++) {
      labels[i] = columns.getColumnLabel(i + 1);
      types[i] = columns.getColumnType(i + 1);
      vectors[i] = TargetColumn.of(labels[i], types[i], columns.getColumnTypeName(i + 1), true,
          0).isVector();
    }
    this.out = JSON.createGenerator(new BufferedOutputStream(Files.newOutputStream(file),
        1 << 16));
    out.setRootValueSeparator(null);
  }

  @Override public void write(ResultSet row) throws IOException, SQLException {
    out.writeStartObject();
    for (int i = 0; i < labels.length; i++) {
      out.writeFieldName(labels[i]);
      value(row, i);
    }
    out.writeEndObject();
    out.writeRaw('\n');
  }

  private void value(ResultSet row, int i) throws IOException, SQLException {
    int c = i + 1;
    if (vectors[i]) {
      Object v = row.getObject(c);
      if (v == null) {
        out.writeNull();
        return;
      }
      float[] f = v instanceof float[] a ? a : VectorText.parse(v.toString());
      out.writeStartArray();
      for (float x : f) {
        out.writeNumber(x);
      }
      out.writeEndArray();
      return;
    }
    switch (types[i]) {
      case Types.INTEGER, Types.SMALLINT, Types.TINYINT, Types.BIGINT -> {
        long v = row.getLong(c);
        if (row.wasNull()) {
          out.writeNull();
        } else {
          out.writeNumber(v);
        }
      }
      case Types.REAL, Types.FLOAT -> {
        float v = row.getFloat(c);
        if (row.wasNull()) {
          out.writeNull();
        } else if (Float.isFinite(v)) {
          out.writeNumber(v);
        } else {
          out.writeString(Float.toString(v));
        }
      }
      case Types.DOUBLE -> {
        double v = row.getDouble(c);
        if (row.wasNull()) {
          out.writeNull();
        } else if (Double.isFinite(v)) {
          out.writeNumber(v);
        } else {
          out.writeString(Double.toString(v));
        }
      }
      case Types.DECIMAL, Types.NUMERIC -> {
        BigDecimal v = row.getBigDecimal(c);
        if (v == null) {
          out.writeNull();
        } else {
          out.writeNumber(v);
        }
      }
      case Types.BOOLEAN, Types.BIT -> {
        boolean v = row.getBoolean(c);
        if (row.wasNull()) {
          out.writeNull();
        } else {
          out.writeBoolean(v);
        }
      }
      default -> {
        String v = row.getString(c);
        if (v == null) {
          out.writeNull();
        } else {
          out.writeString(v);
        }
      }
    }
  }

  @Override public void finish() throws IOException {
    out.flush();
  }

  @Override public void close() throws IOException {
    out.close();
  }
}

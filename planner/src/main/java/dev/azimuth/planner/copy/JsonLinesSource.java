package dev.azimuth.planner.copy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.azimuth.common.ErrorCode;
import dev.azimuth.common.io.TextLines;
import dev.azimuth.planner.PlanningException;
import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.ColumnType;
import dev.azimuth.storage.TableDef;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * JSON lines: one object per line, each key naming a column (case-insensitively). A key the
 * table lacks is an error unless a column list was given, which then picks the keys loaded.
 * Missing keys are NULL. Vectors are arrays of numbers or their text form. Parsed with
 * Jackson's streaming parser, one line at a time.
 */
final class JsonLinesSource implements RowSource {
  private static final JsonFactory JSON = new JsonFactory();

  private final TextLines lines;
  private final TableDef table;
  private final Map<String, Integer> columns = new HashMap<>();
  private final boolean listed;

  JsonLinesSource(Path file, TableDef table, int[] listedColumns) throws IOException {
    this.table = table;
    this.lines = TextLines.open(file);
    this.listed = listedColumns != null;
    for (int c : listedColumns != null ? listedColumns : CsvSource.allColumns(table)) {
      columns.put(table.columns().get(c).name().toUpperCase(Locale.ROOT), c);
    }
  }

  @Override public boolean next(Object[] row) throws IOException {
    String text = lines.next();
    if (text == null) {
      return false;
    }
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw bad("the line is not a JSON object");
      }
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        String name = p.currentName();
        Integer c = columns.get(name.toUpperCase(Locale.ROOT));
        p.nextToken();
        if (c == null) {
          if (listed) {
            p.skipChildren();
            continue;
          }
          CopyColumns.find(table, name);
          throw bad("key \"" + name + "\" is given but not loaded");
        }
        row[c] = value(table.columns().get(c), p);
      }
      if (p.nextToken() != null) {
        throw bad("the line has more after its JSON object");
      }
    } catch (JsonParseException e) {
      throw bad("malformed JSON: " + e.getOriginalMessage());
    }
    return true;
  }

  private static Object value(ColumnDef column, JsonParser p) throws IOException {
    return switch (p.currentToken()) {
      case VALUE_NULL -> null;
      case VALUE_STRING -> ValueConverter.fromText(column, p.getText());
      case VALUE_TRUE, VALUE_FALSE -> ValueConverter.fromObject(column, p.getBooleanValue());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> ValueConverter.fromObject(column,
          column.type() == ColumnType.DECIMAL ? p.getDecimalValue() : p.getNumberValue());
      case START_ARRAY -> column.type() == ColumnType.VECTOR ? floats(column, p)
          : ValueConverter.fromObject(column, java.util.List.of());
      default -> throw new PlanningException(ErrorCode.DATATYPE_MISMATCH, "column "
          + column.name() + " is " + column.sqlType() + " but the line gives it a JSON "
          + p.currentToken().asString());
    };
  }

  private static float[] floats(ColumnDef column, JsonParser p) throws IOException {
    float[] v = new float[column.dimension()];
    int n = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
        throw new PlanningException(ErrorCode.INVALID_TEXT_REPRESENTATION, "column "
            + column.name() + ": vector component " + (n + 1) + " is not a number");
      }
      if (n == v.length) {
        v = Arrays.copyOf(v, v.length * 2 + 1);
      }
      v[n++] = p.getFloatValue();
    }
    return n == v.length ? v : Arrays.copyOf(v, n);
  }

  private static PlanningException bad(String message) {
    return new PlanningException(ErrorCode.BAD_COPY_FILE_FORMAT, message);
  }

  @Override public long skip(long n) throws IOException {
    return lines.skip(n);
  }

  @Override public String where() {
    return "line " + lines.line();
  }

  @Override public long bytesRead() {
    return lines.bytesRead();
  }

  @Override public long bytesTotal() {
    return lines.size();
  }

  @Override public void close() throws IOException {
    lines.close();
  }
}

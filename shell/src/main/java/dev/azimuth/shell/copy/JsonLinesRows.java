package dev.azimuth.shell.copy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.azimuth.common.io.TextLines;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * JSON lines, read as COPY reads them (Jackson's streaming parser, a line at a time): one
 * object per line, keys naming columns case-insensitively, missing keys NULL, vectors as arrays
 * of numbers or their text. A key the table lacks is an error unless a column list picks the
 * keys to load.
 */
final class JsonLinesRows implements RowReader {
  private static final JsonFactory JSON = new JsonFactory();

  private final TextLines lines;
  private final TargetTable table;
  private final int[] targets;
  private final Map<String, Integer> slots = new HashMap<>();
  private final boolean listed;

  JsonLinesRows(Path file, TargetTable table, int[] listed) throws IOException {
    this.table = table;
    this.lines = TextLines.open(file);
    this.listed = listed != null;
    this.targets = listed != null ? listed : table.all();
    for (int i = 0; i < targets.length; i++) {
      slots.put(table.columns().get(targets[i]).name().toUpperCase(Locale.ROOT), i);
    }
  }

  @Override public int[] targets() {
    return targets;
  }

  @Override public boolean next(Object[] values) throws IOException, BadRowException {
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
        Integer slot = slots.get(name.toUpperCase(Locale.ROOT));
        p.nextToken();
        if (slot == null) {
          if (listed) {
            p.skipChildren();
            continue;
          }
          table.find(name);
          throw bad("key \"" + name + "\" is given but not loaded");
        }
        values[slot] = value(p);
      }
      if (p.nextToken() != null) {
        throw bad("the line has more after its JSON object");
      }
    } catch (JsonParseException e) {
      throw bad("malformed JSON: " + e.getOriginalMessage());
    }
    return true;
  }

  private static Object value(JsonParser p) throws IOException, BadRowException {
    return switch (p.currentToken()) {
      case VALUE_NULL -> null;
      case VALUE_STRING -> p.getText();
      case VALUE_TRUE, VALUE_FALSE -> p.getBooleanValue();
      case VALUE_NUMBER_INT -> p.getNumberValue();
      case VALUE_NUMBER_FLOAT -> p.getDecimalValue();
      case START_ARRAY -> floats(p);
      default -> throw bad("a JSON " + p.currentToken().asString() + " is no column value");
    };
  }

  private static float[] floats(JsonParser p) throws IOException, BadRowException {
    float[] v = new float[16];
    int n = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
        throw new BadRowException("22P02", "vector component " + (n + 1) + " is not a number");
      }
      if (n == v.length) {
        v = Arrays.copyOf(v, v.length * 2);
      }
      v[n++] = p.getFloatValue();
    }
    return Arrays.copyOf(v, n);
  }

  private static BadRowException bad(String message) {
    return new BadRowException("22P04", message);
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

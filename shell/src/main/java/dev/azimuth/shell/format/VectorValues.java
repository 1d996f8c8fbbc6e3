package dev.azimuth.shell.format;

import java.sql.Array;
import java.sql.SQLException;
import java.util.List;

/**
 * Vector values as drivers hand them over, turned into {@code float[]}: the embedded driver
 * gives {@code float[]}, but a driver across a wire may give numbers in a list or array, or the
 * text form {@code [1.0,2.0]}.
 */
final class VectorValues {
  private VectorValues() {}

  /** {@code value} as floats; a value that is no vector is returned as it is. */
  static Object toFloats(Object value) throws SQLException {
    if (value instanceof Array array) {
      value = array.getArray();
    }
    if (value instanceof double[] doubles) {
      float[] floats = new float[doubles.length];
      for (int i = 0; i < doubles.length; i++) {
        floats[i] = (float) doubles[i];
      }
      return floats;
    }
    if (value instanceof Object[] boxed) {
      value = List.of(boxed);
    }
    if (value instanceof List<?> list && list.stream().allMatch(Number.class::isInstance)) {
      float[] floats = new float[list.size()];
      for (int i = 0; i < floats.length; i++) {
        floats[i] = ((Number) list.get(i)).floatValue();
      }
      return floats;
    }
    if (value instanceof String text) {
      return parse(text);
    }
    return value;
  }

  /** {@code [1.0,2.0]}, the form drivers print vectors in. */
  static String text(float[] vector) {
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < vector.length; i++) {
      text.append(i == 0 ? "" : ",").append(vector[i]);
    }
    return text.append(']').toString();
  }

  /** The vector written as {@code text}, or the text itself if it is not a vector. */
  private static Object parse(String text) {
    String body = text.strip();
    if (body.length() < 2 || body.charAt(0) != '[' || body.charAt(body.length() - 1) != ']') {
      return text;
    }
    body = body.substring(1, body.length() - 1).strip();
    if (body.isEmpty()) {
      return new float[0];
    }
    String[] parts = body.split(",");
    float[] floats = new float[parts.length];
    try {
      for (int i = 0; i < parts.length; i++) {
        floats[i] = Float.parseFloat(parts[i].strip());
      }
    } catch (NumberFormatException e) {
      return text;
    }
    return floats;
  }
}

package dev.azimuth.common;

/**
 * The text form of a vector, {@code [1.0,2.5,-3.0]}, as pgvector writes it.
 *
 * <p>Parsing accepts what people type: whitespace anywhere, integers, exponents, and an
 * empty {@code []}. It rejects NaN and infinities, because no distance is defined on them.
 * Stateless and thread-safe.
 */
public final class VectorText {
  private VectorText() {}

  /**
   * Parses a vector literal.
   *
   * @throws AzimuthException with {@link ErrorCode#INVALID_TEXT_REPRESENTATION} when the text
   *     is not a bracketed list of numbers, or {@link ErrorCode#DATA_EXCEPTION} when a
   *     component is not finite
   */
  public static float[] parse(String text) {
    String s = text.strip();
    if (s.length() < 2 || s.charAt(0) != '[' || s.charAt(s.length() - 1) != ']') {
      throw malformed(text, "a vector is written as [x1, x2, ...]");
    }
    String body = s.substring(1, s.length() - 1).strip();
    if (body.isEmpty()) {
      return new float[0];
    }
    String[] parts = body.split(",", -1);
    float[] v = new float[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i].strip();
      if (p.isEmpty() || !looksNumeric(p)) {
        throw malformed(text, "component " + (i + 1) + " ('" + p + "') is not a number");
      }
      float f;
      try {
        f = Float.parseFloat(p);
      } catch (NumberFormatException e) {
        throw malformed(text, "component " + (i + 1) + " ('" + p + "') is not a number");
      }
      if (!Float.isFinite(f)) {
        throw new AzimuthException(ErrorCode.DATA_EXCEPTION,
            "vector component " + (i + 1) + " ('" + p + "') is not a finite float32 value");
      }
      v[i] = f;
    }
    return v;
  }

  /** Formats a vector the way {@link #parse} reads it back: {@code [1.0,2.5,-3.0]}. */
  public static String format(float[] v) {
    StringBuilder b = new StringBuilder(v.length * 8 + 2).append('[');
    for (int i = 0; i < v.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(v[i]);
    }
    return b.append(']').toString();
  }

  /**
   * Checks that every component is finite.
   *
   * @throws AzimuthException with {@link ErrorCode#DATA_EXCEPTION} naming the first bad one
   */
  public static void requireFinite(float[] v, String what) {
    for (int i = 0; i < v.length; i++) {
      if (!Float.isFinite(v[i])) {
        throw new AzimuthException(ErrorCode.DATA_EXCEPTION,
            what + ": component " + (i + 1) + " is " + v[i]
                + "; vectors must hold finite numbers");
      }
    }
  }

  // Float.parseFloat also takes "NaN", "Infinity", hex floats and a trailing 'f'/'d';
  // none of them belongs in a vector literal.
  private static boolean looksNumeric(String p) {
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e'
          || c == 'E';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static AzimuthException malformed(String text, String why) {
    String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
    return new AzimuthException(ErrorCode.INVALID_TEXT_REPRESENTATION,
        "malformed vector literal '" + shown + "': " + why);
  }
}

package dev.azimuth.storage.rocks;

import dev.azimuth.storage.ColumnType;
import java.nio.charset.StandardCharsets;

/**
 * Primary keys as bytes whose unsigned order is the key order: integers big-endian with the sign
 * bit flipped, strings as UTF-8 (whose byte order is code-point order). Stateless.
 */
final class KeyCodec {
  private KeyCodec() {}

  static byte[] encode(ColumnType type, Object key) {
    return switch (type) {
      case BIGINT -> {
        long v = (Long) key ^ Long.MIN_VALUE;
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
          b[i] = (byte) v;
          v >>>= 8;
        }
        yield b;
      }
      case INTEGER -> {
        int v = (Integer) key ^ Integer.MIN_VALUE;
        yield new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
      }
      case VARCHAR -> {
        String text = (String) key;
        // Java would write an unpaired surrogate as '?', so two keys would meet. Such text is
        // never stored (RowValidator refuses it); looked up, it gets bytes no UTF-8 key has.
        yield dev.azimuth.storage.RowValidator.unpairedSurrogate(text) < 0
            ? text.getBytes(StandardCharsets.UTF_8)
            : ("\uFFFF" + text).getBytes(StandardCharsets.UTF_16BE);
      }
      default -> throw new IllegalArgumentException(type + " cannot be a key");
    };
  }

  static Object decode(ColumnType type, byte[] b, int offset, int length) {
    return switch (type) {
      case BIGINT -> {
        long v = 0;
        for (int i = 0; i < 8; i++) {
          v = (v << 8) | (b[offset + i] & 0xFF);
        }
        yield v ^ Long.MIN_VALUE;
      }
      case INTEGER -> {
        int v = 0;
        for (int i = 0; i < 4; i++) {
          v = (v << 8) | (b[offset + i] & 0xFF);
        }
        yield v ^ Integer.MIN_VALUE;
      }
      case VARCHAR -> new String(b, offset, length, StandardCharsets.UTF_8);
      default -> throw new IllegalArgumentException(type + " cannot be a key");
    };
  }
}

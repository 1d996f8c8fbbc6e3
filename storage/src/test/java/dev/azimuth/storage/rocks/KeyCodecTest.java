package dev.azimuth.storage.rocks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.azimuth.storage.ColumnType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyCodecTest {
  @Test
  void longKeysSortLikeTheirValues() {
    List<Long> values = List.of(Long.MIN_VALUE, -1000L, -1L, 0L, 1L, 255L, 256L, Long.MAX_VALUE);
    assertOrderPreserved(ColumnType.BIGINT, values);
  }

  @Test
  void intKeysSortLikeTheirValues() {
    assertOrderPreserved(ColumnType.INTEGER,
        List.of(Integer.MIN_VALUE, -5, 0, 7, 65536, Integer.MAX_VALUE));
  }

  @Test
  void stringKeysSortByCodePoint() {
    assertOrderPreserved(ColumnType.VARCHAR, List.of("", "A", "AB", "B", "a", "é", "中"));
  }

  private static void assertOrderPreserved(ColumnType type, List<?> sortedValues) {
    for (int i = 0; i < sortedValues.size(); i++) {
      byte[] a = KeyCodec.encode(type, sortedValues.get(i));
      assertEquals(sortedValues.get(i), KeyCodec.decode(type, a, 0, a.length));
      for (int j = i + 1; j < sortedValues.size(); j++) {
        byte[] b = KeyCodec.encode(type, sortedValues.get(j));
        assertEquals(-1, Integer.signum(Arrays.compareUnsigned(a, b)),
            sortedValues.get(i) + " < " + sortedValues.get(j));
      }
    }
  }
}

package dev.azimuth.index.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import org.junit.jupiter.api.Test;

class NeighborsTest {
  @Test
  void comparesContentsNotArrays() {
    Neighbors a = new Neighbors(new long[] {1, 2}, new float[] {0.5f, Float.NaN});
    Neighbors b = new Neighbors(new long[] {1, 2}, new float[] {0.5f, Float.NaN});
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, new Neighbors(new long[] {2, 1}, new float[] {0.5f, Float.NaN}));
    assertEquals("Neighbors[1=0.5, 2=NaN]", a.toString());
    assertEquals(2, a.size());
    assertEquals(2, a.id(1));
    assertEquals(0.5f, a.distance(0));
  }

  @Test
  void rejectsUnpairedArrays() {
    AzimuthException e = assertThrows(AzimuthException.class,
        () -> new Neighbors(new long[] {1}, new float[0]));
    assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
  }
}

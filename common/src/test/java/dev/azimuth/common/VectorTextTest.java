package dev.azimuth.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VectorTextTest {
  @Test
  void parsesWhatPeopleType() {
    assertArrayEquals(new float[] {1f, 2.5f, -3f}, VectorText.parse(" [1, 2.5 ,-3] "));
    assertArrayEquals(new float[] {1e-3f, 2E2f}, VectorText.parse("[1e-3,+2E2]"));
    assertArrayEquals(new float[0], VectorText.parse("[ ]"));
  }

  @Test
  void formatRoundTrips() {
    float[] v = {0.1f, -2f, 3.25f, Float.MIN_VALUE};
    assertEquals("[0.1,-2.0,3.25,1.4E-45]", VectorText.format(v));
    assertArrayEquals(v, VectorText.parse(VectorText.format(v)));
  }

  @Test
  void rejectsMalformedText() {
    for (String bad : new String[] {"1,2", "[1,,2]", "[1,2", "[a]", "[0x10]", "[1f]", "", "[1 2]"}) {
      AzimuthException e = assertThrows(AzimuthException.class, () -> VectorText.parse(bad), bad);
      assertEquals(ErrorCode.INVALID_TEXT_REPRESENTATION, e.code(), bad);
      assertTrue(e.getMessage().startsWith("malformed vector literal"), e.getMessage());
    }
  }

  @Test
  void rejectsNonFiniteComponents() {
    assertEquals(ErrorCode.INVALID_TEXT_REPRESENTATION,
        assertThrows(AzimuthException.class, () -> VectorText.parse("[NaN]")).code());
    AzimuthException overflow =
        assertThrows(AzimuthException.class, () -> VectorText.parse("[1, 1e60]"));
    assertEquals(ErrorCode.DATA_EXCEPTION, overflow.code());
    assertTrue(overflow.getMessage().contains("component 2"), overflow.getMessage());
    AzimuthException nan = assertThrows(AzimuthException.class,
        () -> VectorText.requireFinite(new float[] {1f, Float.NaN}, "column V"));
    assertTrue(nan.getMessage().contains("column V: component 2 is NaN"), nan.getMessage());
  }
}

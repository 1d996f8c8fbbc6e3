package dev.azimuth.shell.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class VectorValuesTest {
  @Test void driversFormsBecomeFloats() throws SQLException {
    float[] expected = {1, -2.5f, 3};
    assertArrayEquals(expected, (float[]) VectorValues.toFloats(expected));
    assertArrayEquals(expected, (float[]) VectorValues.toFloats(new double[] {1, -2.5, 3}));
    assertArrayEquals(expected, (float[]) VectorValues.toFloats(List.of(1, -2.5, 3L)));
    assertArrayEquals(expected, (float[]) VectorValues.toFloats(new Object[] {1f, -2.5, 3}));
    assertArrayEquals(expected, (float[]) VectorValues.toFloats(" [1.0, -2.5,3] "));
    assertArrayEquals(new float[0], (float[]) VectorValues.toFloats("[]"));
  }

  @Test void whatIsNoVectorStaysAsItIs() throws SQLException {
    assertEquals("[1, x]", VectorValues.toFloats("[1, x]"));
    assertEquals("abc", VectorValues.toFloats("abc"));
    assertEquals(7, VectorValues.toFloats(7));
  }

  @Test void textIsTheDriversForm() {
    assertEquals("[1.0,-2.5]", VectorValues.text(new float[] {1, -2.5f}));
  }
}

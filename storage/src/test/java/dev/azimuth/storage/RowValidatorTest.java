package dev.azimuth.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowValidatorTest {
  static final TableDef TABLE = new TableDef(1, "DOCS", List.of(
      new ColumnDef(1, "ID", ColumnType.BIGINT, -1, -1, false),
      new ColumnDef(2, "TITLE", ColumnType.VARCHAR, 5, -1, true),
      new ColumnDef(3, "PRICE", ColumnType.DECIMAL, 5, 2, true),
      new ColumnDef(4, "EMBEDDING", ColumnType.VECTOR, 3, -1, false)), 0);

  @Test
  void acceptsAndNormalisesAGoodRow() {
    Object[] out = RowValidator.validate(TABLE,
        new Object[] {1L, "abc", new BigDecimal("1.5"), new float[] {1, 2, 3}});
    assertEquals(new BigDecimal("1.50"), out[2]);
  }

  @Test
  void namesTheColumnOfEachBrokenRule() {
    assertFails(ErrorCode.NOT_NULL_VIOLATION, "EMBEDDING",
        new Object[] {1L, null, null, null});
    assertFails(ErrorCode.NOT_NULL_VIOLATION, "ID",
        new Object[] {null, null, null, new float[3]});
    assertFails(ErrorCode.STRING_DATA_RIGHT_TRUNCATION, "TITLE",
        new Object[] {1L, "toolong", null, new float[3]});
    assertFails(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "PRICE",
        new Object[] {1L, null, new BigDecimal("1234.5"), new float[3]});
    AzimuthException dims = assertFails(ErrorCode.DATA_EXCEPTION, "EMBEDDING",
        new Object[] {1L, null, null, new float[2]});
    assertTrue(dims.getMessage().contains("expects 3 dimensions, not 2"), dims.getMessage());
    assertFails(ErrorCode.DATA_EXCEPTION, "EMBEDDING",
        new Object[] {1L, null, null, new float[] {1, Float.NaN, 3}});
    assertFails(ErrorCode.DATATYPE_MISMATCH, "ID",
        new Object[] {"1", null, null, new float[3]});
  }

  private static AzimuthException assertFails(ErrorCode code, String column, Object[] row) {
    AzimuthException e =
        assertThrows(AzimuthException.class, () -> RowValidator.validate(TABLE, row));
    assertEquals(code, e.code(), e.getMessage());
    assertTrue(e.getMessage().contains(column), e.getMessage());
    return e;
  }
}

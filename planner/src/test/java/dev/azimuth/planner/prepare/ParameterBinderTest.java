package dev.azimuth.planner.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import dev.azimuth.sql.type.AzimuthTypeFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

class ParameterBinderTest {
  private final AzimuthTypeFactory types = new AzimuthTypeFactory();

  private Object bind(RelDataType type, Object value) {
    return ParameterBinder.bind(List.of(type), new Object[] {value})[0];
  }

  private RelDataType sql(SqlTypeName name) {
    return types.createSqlType(name);
  }

  @Test
  void vectorsFromEveryAcceptedForm() {
    RelDataType v3 = types.createVectorType(3);
    float[] expected = {1, 2, 3};
    assertArrayEquals(expected, (float[]) bind(v3, new float[] {1, 2, 3}));
    assertArrayEquals(expected, (float[]) bind(v3, new double[] {1, 2, 3}));
    assertArrayEquals(expected, (float[]) bind(v3, "[1, 2, 3]"));
    assertArrayEquals(expected, (float[]) bind(v3, List.of(1, 2.0, 3L)));
    assertArrayEquals(expected, (float[]) bind(v3, new Object[] {1, 2, 3}));
    float[] caller = {1, 2, 3};
    float[] bound = (float[]) bind(v3, caller);
    caller[0] = 99;
    assertEquals(1f, bound[0], "the bound vector is a copy");
    assertNull(bind(v3, null));
  }

  @Test
  void vectorErrorsNameTheParameter() {
    RelDataType v3 = types.createVectorType(3);
    AzimuthException dims = assertThrows(AzimuthException.class,
        () -> bind(v3, new float[] {1, 2}));
    assertEquals(ErrorCode.DATA_EXCEPTION, dims.code());
    assertTrue(dims.getMessage().startsWith("parameter 1: expected 3 dimensions, not 2"),
        dims.getMessage());
    assertEquals(ErrorCode.DATA_EXCEPTION, assertThrows(AzimuthException.class,
        () -> bind(v3, new float[] {1, Float.NaN, 3})).code());
    assertEquals(ErrorCode.INVALID_TEXT_REPRESENTATION, assertThrows(AzimuthException.class,
        () -> bind(v3, "[1,2")).code());
    assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, assertThrows(AzimuthException.class,
        () -> bind(v3, 42)).code());
  }

  @Test
  void numbersConvertExactlyOrFail() {
    assertEquals(7, bind(sql(SqlTypeName.INTEGER), 7L));
    assertEquals(7L, bind(sql(SqlTypeName.BIGINT), "7"));
    assertEquals(7L, bind(sql(SqlTypeName.BIGINT), new BigDecimal("7.0")));
    assertEquals(1.5, bind(sql(SqlTypeName.DOUBLE), 1.5f));
    assertEquals(new BigDecimal("2.50"), bind(sql(SqlTypeName.DECIMAL), new BigDecimal("2.50")));
    assertEquals(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, assertThrows(AzimuthException.class,
        () -> bind(sql(SqlTypeName.INTEGER), 1L << 40)).code());
    assertEquals(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, assertThrows(AzimuthException.class,
        () -> bind(sql(SqlTypeName.BIGINT), 1.5)).code());
    assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, assertThrows(AzimuthException.class,
        () -> bind(sql(SqlTypeName.BIGINT), "seven")).code());
  }

  @Test
  void datesAndTimestampsBecomeCalciteInternalForms() {
    assertEquals(19783, bind(sql(SqlTypeName.DATE), LocalDate.of(2024, 3, 1)));
    assertEquals(19783, bind(sql(SqlTypeName.DATE), java.sql.Date.valueOf("2024-03-01")));
    assertEquals(19783, bind(sql(SqlTypeName.DATE), "2024-03-01"));
    long millis = 19783L * 86_400_000 + 3_600_000;
    assertEquals(millis, bind(sql(SqlTypeName.TIMESTAMP), LocalDateTime.of(2024, 3, 1, 1, 0)));
    assertEquals(millis, bind(sql(SqlTypeName.TIMESTAMP), "2024-03-01 01:00:00"));
    assertEquals(true, bind(sql(SqlTypeName.BOOLEAN), "yes"));
    assertEquals("[1.0,2.0]", bind(sql(SqlTypeName.VARCHAR), new float[] {1, 2}));
  }

  @Test
  void wrongNumberOfValuesIsAnError() {
    AzimuthException e = assertThrows(AzimuthException.class,
        () -> ParameterBinder.bind(List.of(sql(SqlTypeName.INTEGER)), new Object[0]));
    assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.code());
  }
}

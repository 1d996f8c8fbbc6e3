package dev.azimuth.planner.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.validate.SqlValidatorException;
import org.junit.jupiter.api.Test;

class ErrorTranslatorTest {
  private static AzimuthException validation(String message) {
    CalciteContextException e = new CalciteContextException("From line 1, column 15 to line 1,"
        + " column 18: " + message, new SqlValidatorException(message, null), 1, 15, 1, 18);
    return ErrorTranslator.translate(new RuntimeException("wrapped", e));
  }

  @Test
  void validatorMessagesBecomeConditions() {
    AzimuthException table = validation("Object 'NOPE' not found");
    assertEquals(ErrorCode.UNDEFINED_TABLE, table.code());
    assertEquals("table NOPE does not exist (at line 1, column 15)", table.getMessage());
    assertEquals(ErrorCode.UNDEFINED_COLUMN,
        validation("Column 'X' not found in any table").code());
    assertEquals(ErrorCode.UNDEFINED_FUNCTION,
        validation("No match found for function signature FOO(<NUMERIC>)").code());
    assertEquals(ErrorCode.DATATYPE_MISMATCH, validation("Cannot assign to target field 'A' of "
        + "type INTEGER from source field 'B' of type BOOLEAN").code());
    assertEquals(ErrorCode.NOT_NULL_VIOLATION,
        validation("Column 'T' has no default value and does not allow NULLs").code());
    assertEquals(ErrorCode.INVALID_STATEMENT, validation("Something else entirely").code());
  }

  @Test
  void ourOwnExceptionsPassThrough() {
    AzimuthException ours = new AzimuthException(ErrorCode.UNIQUE_VIOLATION, "dup");
    assertSame(ours, ErrorTranslator.translate(new IllegalStateException("x", ours)));
  }

  @Test
  void runtimeFailuresHaveConditions() {
    assertEquals(ErrorCode.DIVISION_BY_ZERO,
        ErrorTranslator.translate(new ArithmeticException("/ by zero")).code());
    assertEquals(ErrorCode.INVALID_TEXT_REPRESENTATION, ErrorTranslator.translate(
        new ExceptionInInitializerError(new NumberFormatException("For input string: \"x\""))).code());
    AzimuthException bug = ErrorTranslator.translate(new NullPointerException("oops"));
    assertEquals(ErrorCode.INTERNAL_ERROR, bug.code());
    assertEquals("internal error: NullPointerException: oops", bug.getMessage());
  }
}

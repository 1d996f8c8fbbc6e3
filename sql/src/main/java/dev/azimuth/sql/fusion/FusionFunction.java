package dev.azimuth.sql.fusion;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.sql.SqlValidationException;
import dev.azimuth.sql.type.VectorSqlType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlTableFunction;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

/**
 * The hybrid search table functions {@code RRF(...)} and {@code WEIGHTED_FUSION(...)}, used as
 * {@code TABLE(RRF(CURSOR(q1), CURSOR(q2), ..., k))}: each {@code CURSOR} is a ranked query
 * (ORDER BY ... LIMIT n) whose first column is the key the inputs are joined on. The result has
 * the key (named as the first input's key), {@code SCORE}, and each input's rank
 * {@code RANK_1 .. RANK_n}, NULL where an input does not list the key.
 *
 * <p>Validation checks the arguments ({@link FusionArguments}), makes every input select the
 * value it is ordered by ({@link RankedInput#prepare}), requires the inputs' keys to be of one
 * type, and, for weighted fusion, every input to be ordered best first by a vector distance or
 * BM25, whose scores it knows how to normalise. Planning and execution are the planner's.
 * Immutable.
 */
public final class FusionFunction extends SqlFunction implements SqlTableFunction {
  /** How the inputs' ranks or scores are combined. */
  public enum Method {
    /** Reciprocal Rank Fusion: the sum over inputs of {@code 1 / (k + rank)}. */
    RRF,
    /** The weighted sum over inputs of each input's normalised score. */
    WEIGHTED
  }

  /** {@code RRF(CURSOR(...), CURSOR(...), ... [, k])}. */
  public static final FusionFunction RRF = new FusionFunction("RRF", Method.RRF);
  /** {@code WEIGHTED_FUSION(CURSOR(...), CURSOR(...), ..., ARRAY[w1, w2, ...])}. */
  public static final FusionFunction WEIGHTED_FUSION =
      new FusionFunction("WEIGHTED_FUSION", Method.WEIGHTED);

  /** The name of the fused score column. */
  public static final String SCORE = "SCORE";
  /** The prefix of the rank columns, numbered from 1 in input order. */
  public static final String RANK = "RANK_";

  private final Method method;

  private FusionFunction(String name, Method method) {
    super(name, SqlKind.OTHER_FUNCTION, ReturnTypes.CURSOR, null, new Arguments(),
        SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
    this.method = method;
  }

  /** Both functions, for the operator table. */
  public static List<SqlOperator> all() {
    return List.of(RRF, WEIGHTED_FUSION);
  }

  public Method method() {
    return method;
  }

  // Runs before validation: a malformed call fails here, with its position, and each input is
  // made to select its ORDER BY key before its scopes are built.
  @Override public SqlNode rewriteCall(SqlValidator validator, SqlCall call) {
    for (SqlSelect input : FusionArguments.of(this, call).inputs()) {
      RankedInput.prepare(validator, input);
    }
    return call;
  }

  /** The arguments of a validated call to this function. */
  public FusionArguments arguments(SqlCall call) {
    return FusionArguments.of(this, call);
  }

  /** What each input of a validated call ranks by, in input order. */
  public List<RankedInput> inputs(SqlValidator validator, SqlCall call) {
    List<RankedInput> inputs = new ArrayList<>();
    for (SqlSelect select : arguments(call).inputs()) {
      inputs.add(RankedInput.of(validator, select, validator.getValidatedNodeType(select)));
    }
    return inputs;
  }

  @Override public SqlReturnTypeInference getRowTypeInference() {
    return this::rowType;
  }

  private RelDataType rowType(SqlOperatorBinding binding) {
    RelDataTypeFactory types = binding.getTypeFactory();
    List<RelDataType> rows = cursorRows(binding);
    List<RelDataType> keys = new ArrayList<>();
    for (RelDataType row : rows) {
      keys.add(row.getFieldList().get(0).getType());
    }
    RelDataType key = types.leastRestrictive(keys);
    List<String> names = new ArrayList<>();
    List<RelDataType> fieldTypes = new ArrayList<>();
    names.add(rows.get(0).getFieldList().get(0).getName());
    fieldTypes.add(types.createTypeWithNullability(key == null ? keys.get(0) : key, false));
    names.add(SCORE);
    fieldTypes.add(types.createSqlType(SqlTypeName.DOUBLE));
    for (int i = 1; i <= rows.size(); i++) {
      names.add(RANK + i);
      fieldTypes.add(types.createTypeWithNullability(types.createSqlType(SqlTypeName.INTEGER),
          true));
    }
    return types.createStructType(fieldTypes,
        SqlValidatorUtil.uniquify(names, SqlValidatorUtil.EXPR_SUGGESTER, false));
  }

  private static List<RelDataType> cursorRows(SqlOperatorBinding binding) {
    List<RelDataType> rows = new ArrayList<>();
    for (int i = 0; i < binding.getOperandCount(); i++) {
      RelDataType row = binding.getCursorOperand(i);
      if (row == null) {
        break;
      }
      rows.add(row);
    }
    return rows;
  }

  /** Checks what needs the validated inputs: one key type, and scores weighted fusion knows. */
  private static final class Arguments implements SqlOperandTypeChecker {
    @Override public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
      FusionFunction function = (FusionFunction) binding.getOperator();
      List<RelDataType> rows = cursorRows(binding);
      RelDataType first = rows.get(0).getFieldList().get(0).getType();
      for (int i = 0; i < rows.size(); i++) {
        RelDataType key = rows.get(i).getFieldList().get(0).getType();
        SqlNode at = binding.operand(i);
        if (!isKeyType(key)) {
          throw new SqlValidationException(ErrorCode.DATATYPE_MISMATCH, "the key of input "
              + (i + 1) + " of " + function.getName() + " (its first column) is " + key
              + ", which cannot identify rows", at.getParserPosition());
        }
        if (!sameKind(first, key)) {
          throw new SqlValidationException(ErrorCode.DATATYPE_MISMATCH, "the inputs of "
              + function.getName() + " must have keys of one type, but input 1's key is "
              + first.getSqlTypeName() + " and input " + (i + 1) + "'s is "
              + key.getSqlTypeName() + "; CAST one of them", at.getParserPosition());
        }
      }
      if (function.method() == Method.WEIGHTED) {
        checkWeighable(binding, function);
      }
      return true;
    }

    private static void checkWeighable(SqlCallBinding binding, FusionFunction function) {
      List<RankedInput> inputs = function.inputs(binding.getValidator(), binding.getCall());
      for (int i = 0; i < inputs.size(); i++) {
        RankedInput input = inputs.get(i);
        SqlNode at = binding.operand(i);
        if (input.rankedBy() == null) {
          throw new SqlValidationException(ErrorCode.DATATYPE_MISMATCH, function.getName()
              + " cannot normalise the scores of input " + (i + 1) + ": it must be ordered by "
              + "a vector distance (<->, <=>, <#>, <+> or their functions) or by BM25",
              at.getParserPosition());
        }
        if (!input.bestFirst()) {
          throw new SqlValidationException(ErrorCode.INVALID_PARAMETER_VALUE, "input "
              + (i + 1) + " of " + function.getName() + " lists its worst rows first ("
              + input.rankedBy() + (input.descending() ? " DESC" : " ASC") + "); order "
              + "distances ascending and INNER_PRODUCT and BM25 descending",
              at.getParserPosition());
        }
      }
    }

    private static boolean isKeyType(RelDataType type) {
      return !(type instanceof VectorSqlType) && !type.isStruct()
          && type.getComponentType() == null
          && SqlTypeUtil.isComparable(type, type);
    }

    private static boolean sameKind(RelDataType a, RelDataType b) {
      return SqlTypeUtil.isCharacter(a) && SqlTypeUtil.isCharacter(b)
          || a.getSqlTypeName() == b.getSqlTypeName();
    }

    @Override public SqlOperandCountRange getOperandCountRange() {
      // FusionArguments says what is wrong with the count, more clearly than "no match".
      return SqlOperandCountRanges.any();
    }

    @Override public String getAllowedSignatures(SqlOperator op, String opName) {
      return op == RRF ? "RRF(CURSOR, CURSOR, ... [, k])"
          : opName + "(CURSOR, CURSOR, ..., ARRAY[weights])";
    }
  }
}

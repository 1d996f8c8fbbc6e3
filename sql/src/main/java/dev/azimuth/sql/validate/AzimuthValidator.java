package dev.azimuth.sql.validate;

import dev.azimuth.sql.fun.VectorOperators;
import dev.azimuth.sql.type.SqlVectorTypeNameSpec;
import dev.azimuth.sql.type.VectorSqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.apache.calcite.sql.validate.SqlValidatorTable;
import org.checkerframework.checker.nullness.qual.PolyNull;

/**
 * Calcite's validator with two rewrites for vectors: {@code CAST(x AS VECTOR(n))} becomes
 * {@code TO_VECTOR(x, n)}, since Calcite's CAST knows no vector type, and values written into
 * vector columns by INSERT ... VALUES are wrapped likewise. Not thread-safe; use one per
 * statement, as with any Calcite validator.
 */
public final class AzimuthValidator extends SqlValidatorImpl {
  /** Inside UPDATE and DELETE, whose own source selects need every column, the row id too. */
  private int internalSelect;

  @Override public void validateUpdate(org.apache.calcite.sql.SqlUpdate call) {
    internalSelect++;
    try {
      super.validateUpdate(call);
    } finally {
      internalSelect--;
    }
  }

  @Override public void validateDelete(org.apache.calcite.sql.SqlDelete call) {
    internalSelect++;
    try {
      super.validateDelete(call);
    } finally {
      internalSelect--;
    }
  }

  /**
   * The hidden row id of a table without a declared key ({@code "$ROWID"}) is left out of
   * {@code SELECT *}, as PostgreSQL leaves out ctid; naming it (quoted, as its name needs) still
   * reads it. A star's columns come here as unquoted identifiers made by the validator.
   */
  @Override protected void addToSelectList(List<SqlNode> list, java.util.Set<String> aliases,
      List<java.util.Map.Entry<String, org.apache.calcite.rel.type.RelDataType>> fieldList,
      SqlNode exp, org.apache.calcite.sql.validate.SelectScope scope,
      boolean includeSystemVars) {
    if (internalSelect == 0 && exp instanceof org.apache.calcite.sql.SqlIdentifier id
        && !id.isStar()
        && id.names.get(id.names.size() - 1).equals("$ROWID")
        && !id.isComponentQuoted(id.names.size() - 1)) {
      return;
    }
    super.addToSelectList(list, aliases, fieldList, exp, scope, includeSystemVars);
  }

  public AzimuthValidator(SqlOperatorTable opTab, SqlValidatorCatalogReader catalogReader,
      RelDataTypeFactory typeFactory, Config config) {
    super(opTab, catalogReader, typeFactory, config);
  }

  /**
   * Makes the values an {@code INSERT ... VALUES} writes into vector columns into vectors,
   * before Calcite checks that the rows agree in type (a text literal in one row and an ARRAY or
   * NULL in another have no common type). When every such value is a text literal or NULL
   * (and there is no {@code ?}), the statement becomes {@code INSERT ... SELECT .., TO_VECTOR(c, n), .. FROM
   * (VALUES ...)}: the rows stay literals, which Calcite keeps as one compact table of constants
   * (with a call in every row it builds a union of one-row queries, which for a thousand rows
   * generates more code than the compiler takes). Otherwise each value is wrapped where it is.
   */
  private void prepareVectorValues(SqlInsert insert) {
    if (insert.getSource().getKind() != SqlKind.VALUES
        || !(insert.getTargetTable() instanceof SqlIdentifier name)) {
      return;
    }
    SqlValidatorTable table = getCatalogReader().getTable(name.names);
    if (table == null) {
      return;
    }
    RelDataType rowType = table.getRowType();
    List<RelDataTypeField> targets = new ArrayList<>();
    SqlNodeList columns = insert.getTargetColumnList();
    if (columns == null) {
      targets.addAll(rowType.getFieldList());
    } else {
      for (SqlNode column : columns) {
        targets.add(rowType.getField(((SqlIdentifier) column).getSimple(), false, false));
      }
    }
    SqlCall values = (SqlCall) insert.getSource();
    int width = Integer.MAX_VALUE;
    boolean allText = true;
    boolean anyVector = false;
    for (SqlNode node : values.getOperandList()) {
      SqlCall row = (SqlCall) node;
      width = Math.min(width, row.operandCount());
      for (int i = 0; i < Math.min(row.operandCount(), targets.size()); i++) {
        RelDataTypeField target = targets.get(i);
        if (target != null && target.getType() instanceof VectorSqlType vector) {
          anyVector = true;
          SqlNode value = row.operand(i);
          VectorLiterals.checkDimension(target.getName(), vector, value);
          allText &= value instanceof SqlCharStringLiteral || SqlUtil.isNullLiteral(value, false);
        }
      }
      // A ? takes its type from the column it is inserted into, which only plain VALUES give.
      for (SqlNode value : row.getOperandList()) {
        allText &= !(value instanceof SqlDynamicParam);
      }
    }
    if (!anyVector || targets.contains(null)) {
      return;
    }
    if (allText && width == targets.size()) {
      selectFromValues(insert, values, targets);
      return;
    }
    for (SqlNode node : values.getOperandList()) {
      SqlCall row = (SqlCall) node;
      for (int i = 0; i < Math.min(row.operandCount(), targets.size()); i++) {
        RelDataTypeField target = targets.get(i);
        SqlNode value = row.operand(i);
        if (target != null && target.getType() instanceof VectorSqlType vector
            && !SqlUtil.isNullLiteral(value, false) && !(value instanceof SqlDynamicParam)) {
          row.setOperand(i, VectorLiterals.toVector(value, vector));
        }
      }
    }
  }

  /**
   * Rewrites the insert to {@code INSERT INTO t (c0, c1, ..) SELECT c0, TO_VECTOR(c1, n), ..
   * FROM (VALUES ...) AS v (c0, c1, ...)}. A column that is NULL in every row is left out of
   * both lists (the column gets its NULL from being omitted): in a derived table it would have
   * the type NULL, which Calcite cannot convert to the column's type.
   */
  private static void selectFromValues(SqlInsert insert, SqlCall values,
      List<RelDataTypeField> targets) {
    SqlParserPos pos = values.getParserPosition();
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      for (SqlNode row : values.getOperandList()) {
        if (!SqlUtil.isNullLiteral(((SqlCall) row).operand(i), false)) {
          kept.add(i);
          break;
        }
      }
    }
    List<SqlNode> rows = new ArrayList<>();
    for (SqlNode node : values.getOperandList()) {
      SqlCall row = (SqlCall) node;
      List<SqlNode> cells = new ArrayList<>();
      for (int i : kept) {
        cells.add(row.operand(i));
      }
      rows.add(SqlStdOperatorTable.ROW.createCall(row.getParserPosition(), cells));
    }
    SqlNode keptValues = SqlStdOperatorTable.VALUES.createCall(pos, rows);
    List<SqlNode> aliasOperands = new ArrayList<>();
    aliasOperands.add(keptValues);
    aliasOperands.add(new SqlIdentifier("V$", pos));
    SqlNodeList select = new SqlNodeList(pos);
    SqlNodeList columns = new SqlNodeList(pos);
    for (int n = 0; n < kept.size(); n++) {
      RelDataTypeField target = targets.get(kept.get(n));
      aliasOperands.add(new SqlIdentifier("C$" + n, pos));
      SqlIdentifier cell = new SqlIdentifier(List.of("V$", "C$" + n), pos);
      select.add(target.getType() instanceof VectorSqlType vector
          ? VectorLiterals.toVector(cell, vector) : cell);
      columns.add(new SqlIdentifier(target.getName(), pos));
    }
    insert.setOperand(3, columns);
    insert.setSource(new SqlSelect(pos, null, select,
        SqlStdOperatorTable.AS.createCall(pos, aliasOperands), null, null, null, null, null,
        null, null, null, null));
  }

  /**
   * The parameters' types by index. Calcite lists them in the order a depth-first walk of the
   * statement meets them, assuming that is their order in the text; a rewrite that moves an
   * expression (a fusion input's ORDER BY key into its select list) breaks that assumption,
   * while binding goes by index.
   */
  @Override public RelDataType getParameterRowType(SqlNode sqlQuery) {
    SortedMap<Integer, RelDataType> types = new TreeMap<>();
    sqlQuery.accept(new SqlShuttle() {
      @Override public SqlNode visit(SqlDynamicParam param) {
        types.putIfAbsent(param.getIndex(), getValidatedNodeType(param));
        return param;
      }
    });
    List<String> names = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      names.add("?" + i);
    }
    return getTypeFactory().createStructType(new ArrayList<>(types.values()), names);
  }

  // Runs before the validator registers scopes, so a statement's source may still be replaced.
  @Override protected @PolyNull SqlNode performUnconditionalRewrites(@PolyNull SqlNode node,
      boolean underFrom) {
    if (node instanceof SqlInsert insert) {
      prepareVectorValues(insert);
    }
    SqlNode rewritten = super.performUnconditionalRewrites(node, underFrom);
    if (rewritten instanceof SqlCall call && call.getKind() == SqlKind.CAST
        && call.operandCount() == 2 && call.operand(1) instanceof SqlDataTypeSpec spec
        && spec.getTypeNameSpec() instanceof SqlVectorTypeNameSpec vector) {
      SqlNode value = call.operand(0);
      if (vector.dimension() == VectorSqlType.ANY_DIMENSION) {
        return VectorOperators.TO_VECTOR.createCall(call.getParserPosition(), value);
      }
      return VectorOperators.TO_VECTOR.createCall(call.getParserPosition(), value,
          SqlLiteral.createExactNumeric(Integer.toString(vector.dimension()),
              spec.getParserPosition()));
    }
    return rewritten;
  }
}

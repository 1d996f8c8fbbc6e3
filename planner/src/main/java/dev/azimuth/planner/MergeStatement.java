package dev.azimuth.planner;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.storage.RowChange;
import dev.azimuth.storage.TableDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlMerge;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code MERGE INTO target USING source ON condition WHEN MATCHED THEN UPDATE SET ... WHEN NOT
 * MATCHED THEN INSERT ...}, run as PostgreSQL runs it: the source is joined to the target
 * (left join when there is an INSERT clause), and each joined row either updates the target row
 * it matched or inserts a new one. Calcite's own conversion of MERGE drops target columns when
 * the join needs a cast, so the plan here is a query built for the purpose:
 * {@code SELECT target.*, set expressions, insert values FROM source [LEFT] JOIN target ON ...},
 * and the changes are made from its rows. A target row matched by two source rows is an error
 * (21000), as in PostgreSQL.
 */
final class MergeStatement {
  /** Where each part of the query's row lies. */
  record Layout(TableDef table, int[] updateColumns, int[] insertColumns, boolean updates,
      boolean inserts) {
    int width() {
      return table.columns().size();
    }

    /** The first update value. */
    int updateStart() {
      return width();
    }

    /** The first insert value. */
    int insertStart() {
      return width() + updateColumns.length;
    }
  }

  private MergeStatement() {}

  /**
   * The query whose rows drive the merge, over the parsed (not yet validated) statement.
   *
   * @param table the target table's definition
   */
  static SqlSelect query(SqlMerge merge, TableDef table,
      java.util.function.IntFunction<org.apache.calcite.sql.SqlDataTypeSpec> columnType,
      Layout[] layout) {
    SqlParserPos pos = merge.getParserPosition();
    SqlIdentifier targetName = (SqlIdentifier) merge.getTargetTable();
    String alias = merge.getAlias() != null ? merge.getAlias().getSimple()
        : targetName.names.get(targetName.names.size() - 1);
    SqlNodeList select = new SqlNodeList(pos);
    for (var column : table.columns()) {
      select.add(new SqlIdentifier(List.of(alias, column.name()), pos));
    }
    SqlUpdate update = merge.getUpdateCall();
    int[] updateColumns = new int[0];
    if (update != null) {
      updateColumns = columns(table, update.getTargetColumnList());
      for (int i = 0; i < updateColumns.length; i++) {
        select.add(cast(update.getSourceExpressionList().get(i),
            columnType.apply(updateColumns[i])));
      }
    }
    SqlInsert insert = merge.getInsertCall();
    int[] insertColumns = new int[0];
    if (insert != null) {
      insertColumns = insert.getTargetColumnList() == null ? allColumns(table)
          : columns(table, insert.getTargetColumnList());
      List<SqlNode> values = insertValues(insert);
      if (values.size() != insertColumns.length) {
        throw new PlanningException(ErrorCode.INVALID_STATEMENT, "MERGE's INSERT names "
            + insertColumns.length + " columns but gives " + values.size() + " values");
      }
      for (int i = 0; i < insertColumns.length; i++) {
        select.add(cast(values.get(i), columnType.apply(insertColumns[i])));
      }
    }
    layout[0] = new Layout(table, updateColumns, insertColumns, update != null, insert != null);
    SqlNode target = merge.getAlias() == null ? targetName
        : SqlStdOperatorTable.AS.createCall(pos, targetName, merge.getAlias());
    SqlJoin join = new SqlJoin(pos, merge.getSourceTableRef(), SqlLiteral.createBoolean(false, pos),
        (insert != null ? JoinType.LEFT : JoinType.INNER).symbol(pos), target,
        JoinConditionType.ON.symbol(pos), merge.getCondition());
    return new SqlSelect(pos, null, select, join, null, null, null, null, null, null, null,
        null);
  }

  /** A value as the column stores it, as an INSERT or UPDATE assigns it. */
  private static SqlNode cast(SqlNode value, org.apache.calcite.sql.SqlDataTypeSpec type) {
    return SqlStdOperatorTable.CAST.createCall(value.getParserPosition(), value, type);
  }

  private static List<SqlNode> insertValues(SqlInsert insert) {
    SqlNode source = insert.getSource();
    if (source instanceof SqlBasicCall values && values.getKind() == SqlKind.VALUES
        && values.operandCount() == 1 && values.operand(0) instanceof SqlCall row
        && row.getKind() == SqlKind.ROW) {
      return row.getOperandList();
    }
    throw new PlanningException(ErrorCode.FEATURE_NOT_SUPPORTED,
        "MERGE's INSERT takes one VALUES row");
  }

  private static int[] allColumns(TableDef table) {
    int[] all = new int[table.columns().size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return all;
  }

  private static int[] columns(TableDef table, SqlNodeList names) {
    int[] out = new int[names.size()];
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < out.length; i++) {
      SqlIdentifier id = (SqlIdentifier) names.get(i);
      String name = id.names.get(id.names.size() - 1);
      int c = -1;
      for (int j = 0; j < table.columns().size(); j++) {
        if (table.columns().get(j).name().equalsIgnoreCase(name)) {
          c = j;
        }
      }
      if (c < 0) {
        throw new PlanningException(ErrorCode.UNDEFINED_COLUMN, "column " + name
            + " of table " + table.name() + " does not exist");
      }
      if (!seen.add(c)) {
        throw new PlanningException(ErrorCode.SYNTAX_ERROR, "column " + name
            + " is assigned more than once");
      }
      out[i] = c;
    }
    return out;
  }

  /** The changes the query's rows ask for. */
  static List<RowChange> changes(Layout layout, List<Object[]> rows) {
    TableDef table = layout.table();
    int key = table.primaryKey();
    List<RowChange> changes = new ArrayList<>(rows.size());
    Set<Object> matched = new HashSet<>();
    for (Object[] row : rows) {
      Object targetKey = row[key];
      if (targetKey != null) {
        if (!matched.add(targetKey)) {
          throw new PlanningException(ErrorCode.CARDINALITY_VIOLATION, "MERGE command cannot "
              + "affect row a second time: the row of " + table.name() + " with "
              + table.keyColumn().name() + " = " + targetKey + " matches more than one source "
              + "row");
        }
        if (layout.updates()) {
          Object[] updated = new Object[layout.width()];
          System.arraycopy(row, 0, updated, 0, updated.length);
          for (int i = 0; i < layout.updateColumns().length; i++) {
            updated[layout.updateColumns()[i]] = row[layout.updateStart() + i];
          }
          changes.add(new RowChange.Update(targetKey, updated));
        }
      } else if (layout.inserts()) {
        Object[] inserted = new Object[layout.width()];
        for (int i = 0; i < layout.insertColumns().length; i++) {
          inserted[layout.insertColumns()[i]] = row[layout.insertStart() + i];
        }
        changes.add(new RowChange.Insert(inserted));
      }
    }
    return changes;
  }
}

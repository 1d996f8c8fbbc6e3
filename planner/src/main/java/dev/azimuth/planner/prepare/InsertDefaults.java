package dev.azimuth.planner.prepare;

import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.TableDef;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

/**
 * Puts each column's DEFAULT in place of the keyword {@code DEFAULT} in an INSERT's VALUES rows
 * ({@code INSERT INTO t VALUES (1, DEFAULT)}), which Calcite would otherwise fill with NULL.
 * Columns left out of the column list get their DEFAULT from Calcite already. Stateless.
 */
public final class InsertDefaults {
  private InsertDefaults() {}

  /** Rewrites the statement's VALUES rows in place. */
  public static void fill(SqlInsert insert, TableDef table) {
    if (!(insert.getSource() instanceof SqlBasicCall values)
        || values.getKind() != SqlKind.VALUES) {
      return;
    }
    SqlNodeList names = insert.getTargetColumnList();
    for (SqlNode rowNode : values.getOperandList()) {
      if (!(rowNode instanceof SqlCall row) || row.getKind() != SqlKind.ROW) {
        continue;
      }
      List<SqlNode> operands = row.getOperandList();
      for (int i = 0; i < operands.size(); i++) {
        if (operands.get(i) == null || operands.get(i).getKind() != SqlKind.DEFAULT) {
          continue;
        }
        int column = names == null ? i
            : table.indexOf(((SqlIdentifier) names.get(i)).names.getLast());
        if (column >= 0 && column < table.columns().size()) {
          row.setOperand(i, literal(table.columns().get(column),
              operands.get(i).getParserPosition()));
        }
      }
    }
  }

  private static SqlNode literal(ColumnDef c, SqlParserPos pos) {
    Object v = c.defaultValue();
    if (v == null) {
      return SqlLiteral.createNull(pos);
    }
    SqlNode value = switch (c.type()) {
      case BOOLEAN -> SqlLiteral.createBoolean((Boolean) v, pos);
      case INTEGER, BIGINT, DECIMAL -> SqlLiteral.createExactNumeric(
          new BigDecimal(v.toString()).toPlainString(), pos);
      case REAL, DOUBLE -> SqlLiteral.createApproxNumeric(
          Double.toString(((Number) v).doubleValue()), pos);
      case VARCHAR -> SqlLiteral.createCharString((String) v, "UTF-8", pos);
      case DATE -> SqlLiteral.createDate(DateString.fromDaysSinceEpoch((Integer) v), pos);
      case TIMESTAMP -> SqlLiteral.createTimestamp(
          TimestampString.fromMillisSinceEpoch((Long) v), 3, pos);
      case VECTOR -> SqlLiteral.createNull(pos);
    };
    return value;
  }
}

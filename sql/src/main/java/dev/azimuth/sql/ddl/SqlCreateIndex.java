package dev.azimuth.sql.ddl;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code CREATE INDEX [IF NOT EXISTS] name ON table [USING method] (column, ...)
 * [WITH (k = v, ...)]}. Without USING the method is BTREE, as in PostgreSQL. The method,
 * columns and options are kept as written; the executor checks them.
 */
public final class SqlCreateIndex extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE INDEX", SqlKind.CREATE_INDEX);

  private final SqlIdentifier name;
  private final SqlIdentifier table;
  private final SqlIdentifier method;
  private final SqlNodeList columns;
  private final SqlNodeList options;

  /** @param options keys and values alternating: identifier, literal, identifier, ... */
  public SqlCreateIndex(SqlParserPos pos, boolean ifNotExists, SqlIdentifier name,
      SqlIdentifier table, SqlIdentifier method, SqlNodeList columns, SqlNodeList options) {
    super(OPERATOR, pos, false, ifNotExists);
    this.name = requireNonNull(name, "name");
    this.table = requireNonNull(table, "table");
    this.method = requireNonNull(method, "method");
    this.columns = requireNonNull(columns, "columns");
    this.options = requireNonNull(options, "options");
  }

  public SqlIdentifier name() {
    return name;
  }

  public SqlIdentifier table() {
    return table;
  }

  public SqlIdentifier method() {
    return method;
  }

  /** The first column. */
  public SqlIdentifier column() {
    return (SqlIdentifier) columns.get(0);
  }

  /** The columns in the order written. */
  public List<SqlIdentifier> columns() {
    return columns.stream().map(SqlIdentifier.class::cast).toList();
  }

  /**
   * The WITH options in order, keys lower-cased (option names are case-insensitive); values are
   * Java strings for character literals and {@link java.math.BigDecimal} for numbers.
   */
  public Map<String, Object> options() {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < options.size(); i += 2) {
      String key = ((SqlIdentifier) options.get(i)).getSimple().toLowerCase(java.util.Locale.ROOT);
      SqlLiteral value = (SqlLiteral) options.get(i + 1);
      Object v = value.getTypeName().getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.CHARACTER
          ? value.getValueAs(String.class) : value.getValue();
      map.put(key, v);
    }
    return map;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(name, table, method, columns, options);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE INDEX");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    writer.keyword("ON");
    table.unparse(writer, 0, 0);
    writer.keyword("USING");
    method.unparse(writer, 0, 0);
    SqlWriter.Frame list = writer.startList("(", ")");
    for (SqlNode c : columns) {
      writer.sep(",");
      c.unparse(writer, 0, 0);
    }
    writer.endList(list);
    if (!options.isEmpty()) {
      writer.keyword("WITH");
      SqlWriter.Frame frame = writer.startList("(", ")");
      for (int i = 0; i + 1 < options.size(); i += 2) {
        writer.sep(",");
        options.get(i).unparse(writer, 0, 0);
        writer.keyword("=");
        options.get(i + 1).unparse(writer, 0, 0);
      }
      writer.endList(frame);
    }
  }
}

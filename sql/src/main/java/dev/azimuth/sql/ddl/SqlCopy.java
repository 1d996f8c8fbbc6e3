package dev.azimuth.sql.ddl;

import static java.util.Objects.requireNonNull;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.sql.SqlValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What {@code COPY ... FROM} and {@code COPY ... TO} share: a server-side file path and the
 * {@code WITH (...)} options, kept as written; the executor checks them.
 */
public abstract class SqlCopy extends SqlCall {
  /** One {@code WITH} option: its name lower-cased, its value, and where it was written. */
  public record Option(String name, Object value, SqlParserPos pos) {
    public Option {
      requireNonNull(name, "name");
      requireNonNull(value, "value");
    }
  }

  private final @Nullable SqlIdentifier table;
  private final @Nullable SqlNodeList columns;
  private final SqlNode path;
  private final SqlNodeList options;

  SqlCopy(SqlParserPos pos, @Nullable SqlIdentifier table, @Nullable SqlNodeList columns,
      SqlNode path, SqlNodeList options) {
    super(pos);
    this.table = table;
    this.columns = columns;
    this.path = requireNonNull(path, "path");
    this.options = requireNonNull(options, "options");
  }

  /** The table named, or null for {@code COPY (query) TO}. */
  public @Nullable SqlIdentifier table() {
    return table;
  }

  /** The columns listed after the table, or null if none were. */
  public @Nullable SqlNodeList columns() {
    return columns;
  }

  /** The file path as written. */
  public String path() {
    return ((SqlLiteral) path).getValueAs(String.class);
  }

  public SqlParserPos pathPosition() {
    return path.getParserPosition();
  }

  /**
   * The WITH options in order. Values are Java strings for character literals and for words
   * ({@code FORMAT csv}), {@link java.math.BigDecimal} for numbers and {@link Boolean} for
   * TRUE/FALSE (and for a name written alone).
   *
   * @throws SqlValidationException (42601) for an option given twice or a NULL value
   */
  public List<Option> options() {
    List<Option> list = new ArrayList<>();
    for (int i = 0; i + 1 < options.size(); i += 2) {
      SqlIdentifier key = (SqlIdentifier) options.get(i);
      String name = key.getSimple().toLowerCase(Locale.ROOT);
      Object value = switch (options.get(i + 1)) {
        case SqlIdentifier word -> word.getSimple();
        case SqlLiteral literal when literal.getValue() == null -> throw new SqlValidationException(
            ErrorCode.SYNTAX_ERROR, "option " + name + " needs a value, not NULL",
            literal.getParserPosition());
        case SqlLiteral literal when literal.getTypeName().getFamily() == SqlTypeFamily.CHARACTER ->
            literal.getValueAs(String.class);
        case SqlLiteral literal -> literal.getValue();
        default -> throw new SqlValidationException(ErrorCode.SYNTAX_ERROR,
            "option " + name + " takes a literal value", options.get(i + 1).getParserPosition());
      };
      for (Option o : list) {
        if (o.name().equals(name)) {
          throw new SqlValidationException(ErrorCode.SYNTAX_ERROR,
              "option " + name + " is given twice", key.getParserPosition());
        }
      }
      list.add(new Option(name, value, key.getParserPosition()));
    }
    return list;
  }

  /** The column list, path and options as {@link #unparse} writes them after the target. */
  void unparseTail(SqlWriter writer, String direction) {
    writer.keyword(direction);
    path.unparse(writer, 0, 0);
    if (!options.isEmpty()) {
      writer.keyword("WITH");
      SqlWriter.Frame frame = writer.startList("(", ")");
      for (int i = 0; i + 1 < options.size(); i += 2) {
        writer.sep(",");
        options.get(i).unparse(writer, 0, 0);
        options.get(i + 1).unparse(writer, 0, 0);
      }
      writer.endList(frame);
    }
  }

  void unparseTable(SqlWriter writer) {
    if (table != null) {
      table.unparse(writer, 0, 0);
    }
    if (columns != null) {
      SqlWriter.Frame frame = writer.startList("(", ")");
      for (SqlNode c : columns) {
        writer.sep(",");
        c.unparse(writer, 0, 0);
      }
      writer.endList(frame);
    }
  }

  List<SqlNode> tailOperands() {
    List<SqlNode> operands = new ArrayList<>();
    operands.add(table);
    operands.add(columns);
    operands.add(path);
    operands.add(options);
    return operands;
  }
}

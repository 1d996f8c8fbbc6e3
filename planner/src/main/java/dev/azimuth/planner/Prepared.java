package dev.azimuth.planner;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A statement ready to run any number of times, with different parameters, from any thread:
 * parsing, validation, planning and code generation are done.
 */
public final class Prepared {
  /**
   * What a statement does, which decides how a client receives its result and whether a
   * read-only session may run it.
   */
  public enum Kind {
    QUERY(true), DML(false), DDL(false), EXPLAIN(true),
    /** {@code SET name = value}: changes only the session. */
    SET(true),
    /** BEGIN, COMMIT, ROLLBACK, SAVEPOINT and the like: act on the session's transaction. */
    TRANSACTION(true);

    private final boolean readOnly;

    Kind(boolean readOnly) {
      this.readOnly = readOnly;
    }

    /** Whether statements of this kind leave the database as it was. */
    public boolean readOnly() {
      return readOnly;
    }
  }

  /** Runs a prepared statement once. */
  @FunctionalInterface
  interface Executable {
    QueryResult run(Engine engine, Session session, Object[] parameters,
        java.util.concurrent.atomic.AtomicBoolean cancel);
  }

  private final String sql;
  private final Kind kind;
  private final List<ResultColumn> columns;
  private final List<RelDataType> parameterTypes;
  private final long catalogVersion;
  private final Executable executable;
  private final @Nullable String shape;

  Prepared(String sql, Kind kind, List<ResultColumn> columns, List<RelDataType> parameterTypes,
      long catalogVersion, Executable executable) {
    this(sql, kind, columns, parameterTypes, catalogVersion, null, executable);
  }

  /** @param shape the {@link ShapeCache} key of the plan this statement runs by, or null */
  Prepared(String sql, Kind kind, List<ResultColumn> columns, List<RelDataType> parameterTypes,
      long catalogVersion, @Nullable String shape, Executable executable) {
    this.shape = shape;
    this.sql = requireNonNull(sql, "sql");
    this.kind = requireNonNull(kind, "kind");
    this.columns = List.copyOf(columns);
    this.parameterTypes = List.copyOf(parameterTypes);
    this.catalogVersion = catalogVersion;
    this.executable = requireNonNull(executable, "executable");
  }

  public String sql() {
    return sql;
  }

  public Kind kind() {
    return kind;
  }

  /** Result columns; empty unless the statement returns rows. */
  public List<ResultColumn> columns() {
    return columns;
  }

  /** The type of each {@code ?}, in order. */
  public List<RelDataType> parameterTypes() {
    return parameterTypes;
  }

  long catalogVersion() {
    return catalogVersion;
  }

  /** The {@link ShapeCache} key of the plan this statement runs by, or null. */
  @Nullable String shape() {
    return shape;
  }

  Executable executable() {
    return executable;
  }
}

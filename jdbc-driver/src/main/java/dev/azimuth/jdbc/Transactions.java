package dev.azimuth.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDBC side of transactions, the same for both drivers: which isolation level a request
 * gets, and savepoints as the SQL statements {@code SAVEPOINT}, {@code ROLLBACK TO SAVEPOINT}
 * and {@code RELEASE SAVEPOINT}, so that they behave alike embedded and over a server.
 * Stateless but for the counter that names unnamed savepoints.
 */
public final class Transactions {
  /** The one level Azimuth runs transactions at: snapshot isolation. */
  public static final int ISOLATION = Connection.TRANSACTION_REPEATABLE_READ;

  private static final AtomicInteger UNNAMED = new AtomicInteger();

  private Transactions() {}

  /**
   * The level a {@code setTransactionIsolation(level)} gets: REPEATABLE READ (snapshot
   * isolation) for it and for the weaker levels, which JDBC lets a driver run at a stronger one.
   *
   * @throws SQLException for SERIALIZABLE, which would be weaker than asked (0A000), or a value
   *     that is not a level (22023)
   */
  public static int isolationFor(int level) throws SQLException {
    return switch (level) {
      case Connection.TRANSACTION_READ_UNCOMMITTED, Connection.TRANSACTION_READ_COMMITTED,
          Connection.TRANSACTION_REPEATABLE_READ -> ISOLATION;
      case Connection.TRANSACTION_SERIALIZABLE -> throw new SQLFeatureNotSupportedException(
          "isolation level SERIALIZABLE is not supported: transactions run with snapshot "
              + "isolation (TRANSACTION_REPEATABLE_READ), which READ COMMITTED and READ "
              + "UNCOMMITTED also get", "0A000");
      default -> throw new SQLException("not a transaction isolation level: " + level
          + " (TRANSACTION_NONE cannot be chosen: Azimuth has transactions)", "22023");
    };
  }

  /**
   * Sets a savepoint in the connection's transaction.
   *
   * @param name the savepoint's name, or null for an unnamed one (named here)
   * @throws SQLException 25P01 with auto-commit on
   */
  public static Savepoint set(Connection connection, String name) throws SQLException {
    requireTransaction(connection, "set a savepoint");
    if (name != null && name.isEmpty()) {
      throw new SQLException("a savepoint name cannot be empty", "42601");
    }
    JdbcSavepoint savepoint = name == null
        ? new JdbcSavepoint(connection, UNNAMED.incrementAndGet(), null)
        : new JdbcSavepoint(connection, 0, name);
    run(connection, "SAVEPOINT " + savepoint.sqlName());
    return savepoint;
  }

  /** Undoes what the transaction did after the savepoint; it stays set. */
  public static void rollback(Connection connection, Savepoint savepoint) throws SQLException {
    requireTransaction(connection, "roll back to a savepoint");
    run(connection, "ROLLBACK TO SAVEPOINT " + own(connection, savepoint).sqlName());
  }

  /** Forgets the savepoint (and later ones), keeping what the transaction did. */
  public static void release(Connection connection, Savepoint savepoint) throws SQLException {
    requireTransaction(connection, "release a savepoint");
    run(connection, "RELEASE SAVEPOINT " + own(connection, savepoint).sqlName());
  }

  private static void requireTransaction(Connection connection, String what)
      throws SQLException {
    if (connection.getAutoCommit()) {
      throw new SQLException("cannot " + what + " with auto-commit on: call "
          + "setAutoCommit(false) first", "25P01");
    }
  }

  private static JdbcSavepoint own(Connection connection, Savepoint savepoint)
      throws SQLException {
    if (!(savepoint instanceof JdbcSavepoint s) || s.connection() != connection) {
      throw new SQLException("the savepoint does not belong to this connection", "3B001");
    }
    return s;
  }

  private static void run(Connection connection, String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  /** A savepoint of one connection, named by the user or numbered here. */
  private record JdbcSavepoint(Connection connection, int id, String name) implements Savepoint {
    @Override public int getSavepointId() throws SQLException {
      if (name != null) {
        throw new SQLException("a named savepoint has no id", "3B001");
      }
      return id;
    }

    @Override public String getSavepointName() throws SQLException {
      if (name == null) {
        throw new SQLException("an unnamed savepoint has no name", "3B001");
      }
      return name;
    }

    /** The name as SQL writes it: quoted, so that it is taken exactly as given. */
    String sqlName() {
      String n = name != null ? name : "JDBC_SAVEPOINT_" + id;
      return '"' + n.replace("\"", "\"\"") + '"';
    }
  }
}

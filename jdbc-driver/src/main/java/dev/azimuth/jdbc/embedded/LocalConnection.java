package dev.azimuth.jdbc.embedded;

import dev.azimuth.jdbc.AzimuthUrl;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;

/**
 * An embedded connection driven through its Avatica {@link Meta} instead of JDBC objects: what
 * a server holds for each of its clients. Statements are created, run and closed through
 * {@link #meta()} with the client's own handles; the engine is shared with every other
 * connection to the same database in this JVM. Thread-safe as its Meta is (one thread per
 * statement), plus {@link #cancel} and {@link #cancelAll} from any thread.
 */
public final class LocalConnection implements AutoCloseable {
  private final AzimuthConnection connection;

  private LocalConnection(AzimuthConnection connection) {
    this.connection = connection;
  }

  /**
   * Opens a connection, as {@link java.sql.DriverManager} would for the URL.
   *
   * @param driver the driver that opens it (not registered; one per server is plenty)
   */
  public static LocalConnection open(EmbeddedDriver driver, AzimuthUrl url, String text)
      throws SQLException {
    return new LocalConnection((AzimuthConnection) driver.connect(url, text));
  }

  /** The Avatica Meta that prepares, executes and fetches on the engine. */
  public Meta meta() {
    return connection.meta();
  }

  /** Whether the session refuses DDL and DML. */
  public boolean readOnly() {
    return connection.session().readOnly();
  }

  /** Stops what the statement runs, if anything; it then fails with 57014. */
  public void cancel(int statementId) {
    ((AzimuthMeta) connection.meta()).cancel(statementId);
  }

  /** Stops every running statement of this connection. */
  public void cancelAll() {
    ((AzimuthMeta) connection.meta()).cancelAll();
  }

  /**
   * Closes a statement the Meta made for itself (metadata results open one), or one of the
   * client's.
   */
  public void closeStatement(Meta.StatementHandle h) throws SQLException {
    AvaticaStatement own = connection.statementMap.get(h.id);
    if (own != null) {
      own.close();
    } else {
      connection.meta().closeStatement(h);
    }
  }

  /** Closes every statement and result, and releases the engine (closed with its last user). */
  @Override public void close() throws SQLException {
    connection.close();
  }
}

package dev.azimuth.jdbc;

import dev.azimuth.jdbc.embedded.EmbeddedDriver;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens embedded connections, once it has checked that the engine is on the class path: the
 * thin client jar carries only the remote driver, and a {@code file:} URL there gets a clear
 * error instead of a {@link NoClassDefFoundError}. Only this class names the embedded driver,
 * so {@link Driver} loads without it.
 */
final class EmbeddedConnector {
  /** A class of the engine that the thin jar leaves out. */
  private static final String ENGINE_CLASS = "dev.azimuth.planner.Engine";

  private EmbeddedConnector() {}

  static Connection connect(AzimuthUrl url, String text) throws SQLException {
    if (!enginePresent()) {
      throw new SQLException("URL '" + text + "' runs the database inside this program, which "
          + "needs the full Azimuth driver (azimuth-jdbc-driver and its engine); this is the "
          + "thin client, which only connects to a server: jdbc:azimuth:remote:http://HOST:PORT",
          "08001");
    }
    return Holder.DRIVER.connect(url, text);
  }

  private static boolean enginePresent() {
    try {
      Class.forName(ENGINE_CLASS, false, EmbeddedConnector.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** The driver, made when the first embedded connection is opened. */
  private static final class Holder {
    static final EmbeddedDriver DRIVER = new EmbeddedDriver();
  }
}

package dev.azimuth.jdbc.embedded;

import dev.azimuth.jdbc.AzimuthUrl;
import dev.azimuth.jdbc.Version;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.UnregisteredDriver;

/**
 * Opens connections to engines in this JVM ({@code file:} and {@code mem:} URLs). It is not
 * registered with DriverManager itself; {@link dev.azimuth.jdbc.Driver} hands it URLs.
 * Thread-safe.
 */
public final class EmbeddedDriver extends UnregisteredDriver {
  @Override protected DriverVersion createDriverVersion() {
    return new DriverVersion("Azimuth JDBC Driver", Version.VERSION, "Azimuth", Version.VERSION,
        false, Version.MAJOR, Version.MINOR, Version.MAJOR, Version.MINOR);
  }

  @Override protected String getConnectStringPrefix() {
    return AzimuthUrl.PREFIX;
  }

  @Override protected AvaticaFactory createFactory() {
    return new AzimuthJdbcFactory();
  }

  @Override public Meta createMeta(AvaticaConnection connection) {
    return new AzimuthMeta((AzimuthConnection) connection);
  }

  /** Opens a connection; the URL was parsed by the caller. */
  public Connection connect(AzimuthUrl url, String text) throws SQLException {
    EngineRegistry.Lease lease;
    try {
      lease = EngineRegistry.acquire(url);
    } catch (IOException e) {
      throw new SQLException("cannot open database directory " + url.location() + ": "
          + e.getMessage(), "58030", e);
    } catch (RuntimeException e) {
      throw SqlErrors.translate(e);
    }
    try {
      AzimuthConnection connection = new AzimuthConnection(this, factory, text,
          url.properties(), lease, readOnly(url.properties().getProperty("read_only")));
      String efSearch = url.properties().getProperty("ef_search");
      if (efSearch != null) {
        connection.session().set("ef_search", efSearch);
      }
      handler.onConnectionInit(connection);
      return connection;
    } catch (SQLException e) {
      EngineRegistry.release(lease);
      throw e;
    } catch (RuntimeException e) {
      EngineRegistry.release(lease);
      throw SqlErrors.translate(e);
    }
  }

  private static boolean readOnly(String value) throws SQLException {
    if (value == null || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    throw new SQLException("read_only must be true or false, got '" + value + "'", "22023");
  }
}

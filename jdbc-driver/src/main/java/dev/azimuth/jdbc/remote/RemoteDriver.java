package dev.azimuth.jdbc.remote;

import dev.azimuth.jdbc.AzimuthUrl;
import dev.azimuth.jdbc.Version;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.remote.Service;

/**
 * Opens connections to an Azimuth server ({@code jdbc:azimuth:remote:http[s]://HOST:PORT}):
 * Avatica's remote driver with protobuf serialization, HTTP Basic credentials from the
 * {@code user} and {@code password} properties, and Azimuth's own JDBC objects. It is not
 * registered with DriverManager itself; {@link dev.azimuth.jdbc.Driver} hands it URLs.
 * Thread-safe.
 */
public final class RemoteDriver extends org.apache.calcite.avatica.remote.Driver {
  @Override protected DriverVersion createDriverVersion() {
    return new DriverVersion("Azimuth JDBC Driver", Version.VERSION, "Azimuth", Version.VERSION,
        false, Version.MAJOR, Version.MINOR, Version.MAJOR, Version.MINOR);
  }

  @Override protected String getConnectStringPrefix() {
    return AzimuthUrl.PREFIX + "remote:";
  }

  @Override protected AvaticaFactory createFactory() {
    return new RemoteJdbcFactory();
  }

  /**
   * Opens a connection: makes the client, then asks the server to open its side, which is where
   * a wrong password or an unreachable server shows.
   *
   * @throws SQLException 28P01 for rejected credentials, 08001 when the server cannot be reached
   */
  public Connection connect(AzimuthUrl url, String text) throws SQLException {
    AvaticaConnection connection;
    try {
      connection = factory.newConnection(this, factory, text, RemoteProperties.client(url));
    } catch (RuntimeException e) {
      throw RemoteErrors.translate(e, url.location());
    }
    try {
      connection.getService().apply(new Service.OpenConnectionRequest(connection.id,
          RemoteProperties.server(url.properties())));
      handler.onConnectionInit(connection);
      return connection;
    } catch (SQLException | RuntimeException e) {
      throw RemoteErrors.translate(e, url.location());
    }
  }
}

package dev.azimuth.jdbc.remote;

import dev.azimuth.jdbc.AzimuthUrl;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Turns a remote URL's connection properties into what Avatica's client reads, and picks the
 * few the server is told about. Passwords never reach the server's session: the server sees
 * the HTTP credentials only.
 */
final class RemoteProperties {
  /** Properties the server applies to the connection's session. */
  private static final List<String> FOR_SERVER = List.of("ef_search", "read_only");

  private RemoteProperties() {}

  /** Avatica client settings: protobuf to the URL, Basic credentials when a user is given. */
  static Properties client(AzimuthUrl url) {
    Properties given = url.properties();
    Properties p = new Properties();
    for (String name : given.stringPropertyNames()) {
      if (!name.equals("user") && !name.equals("password")) {
        // Avatica's own settings (truststore, hostname_verification, http_response_timeout...)
        p.setProperty(name, given.getProperty(name));
      }
    }
    p.setProperty("url", url.location());
    p.setProperty("serialization", "protobuf");
    p.setProperty("factory", AzimuthServiceFactory.class.getName());
    String user = given.getProperty("user");
    if (user != null && !user.isEmpty()) {
      p.setProperty("authentication", "BASIC");
      p.setProperty("avatica_user", user);
      p.setProperty("avatica_password", given.getProperty("password", ""));
    }
    return p;
  }

  /** What the server's side of the connection is opened with. */
  static Map<String, String> server(Properties given) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : FOR_SERVER) {
      String value = given.getProperty(name);
      if (value != null) {
        out.put(name, value);
      }
    }
    return out;
  }
}

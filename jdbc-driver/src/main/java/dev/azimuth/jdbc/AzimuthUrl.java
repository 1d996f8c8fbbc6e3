package dev.azimuth.jdbc;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/**
 * A parsed {@code jdbc:azimuth:} URL: {@code file:DIR}, {@code mem:[NAME]} or
 * {@code remote:http[s]://HOST:PORT}, each optionally followed by {@code ;key=value} properties,
 * which join (and override) the connection's properties.
 *
 * @param kind       where the database lives
 * @param location   the directory for FILE, the name for MEM (empty: a private database), the
 *                   server's address for REMOTE
 * @param properties URL properties merged over the caller's
 */
public record AzimuthUrl(Kind kind, String location, Properties properties) {
  /** The URL prefix every Azimuth URL starts with. */
  public static final String PREFIX = "jdbc:azimuth:";

  /** The kinds of database a URL can name. */
  public enum Kind {
    FILE, MEM,
    /** A server reached over HTTP(S), through the Avatica remote protocol. */
    REMOTE
  }

  public static boolean accepts(String url) {
    return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  /**
   * Parses a URL.
   *
   * @throws SQLException (08001) naming what is wrong with it
   */
  public static AzimuthUrl parse(String url, Properties info) throws SQLException {
    if (!accepts(url)) {
      throw invalid(url, "it must start with " + PREFIX);
    }
    String rest = url.substring(PREFIX.length());
    String[] parts = rest.split(";");
    Properties props = new Properties();
    if (info != null) {
      props.putAll(info);
    }
    for (int i = 1; i < parts.length; i++) {
      if (parts[i].isBlank()) {
        continue;
      }
      int eq = parts[i].indexOf('=');
      if (eq <= 0) {
        throw invalid(url, "property '" + parts[i] + "' is not key=value");
      }
      props.setProperty(parts[i].substring(0, eq).strip(), parts[i].substring(eq + 1).strip());
    }
    String target = parts[0];
    String lower = target.toLowerCase(Locale.ROOT);
    if (lower.startsWith("file:")) {
      String dir = target.substring("file:".length());
      if (dir.isBlank()) {
        throw invalid(url, "file: needs a directory, e.g. jdbc:azimuth:file:./azimuth-data");
      }
      return new AzimuthUrl(Kind.FILE, dir, props);
    }
    if (lower.startsWith("mem:")) {
      return new AzimuthUrl(Kind.MEM, target.substring("mem:".length()), props);
    }
    if (lower.startsWith("remote:")) {
      return new AzimuthUrl(Kind.REMOTE, server(url, target.substring("remote:".length())),
          props);
    }
    throw invalid(url, "use jdbc:azimuth:file:DIR, jdbc:azimuth:mem:[NAME] or "
        + "jdbc:azimuth:remote:http://HOST:PORT");
  }

  private static String server(String url, String address) throws SQLException {
    URI uri;
    try {
      uri = new URI(address);
    } catch (URISyntaxException e) {
      throw invalid(url, "the server address is not a URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw invalid(url, "remote: needs an http:// or https:// address, e.g. "
          + "jdbc:azimuth:remote:http://127.0.0.1:8765");
    }
    if (uri.getHost() == null || uri.getPort() == 0) {
      throw invalid(url, "remote: needs a host, e.g. jdbc:azimuth:remote:http://127.0.0.1:8765");
    }
    return address;
  }

  private static SQLException invalid(String url, String why) {
    return new SQLException("invalid Azimuth URL '" + url + "': " + why, "08001");
  }
}

package dev.azimuth.jdbc;

import java.sql.DriverPropertyInfo;

/**
 * The connection properties the driver understands, as {@code Driver.getPropertyInfo} reports
 * them to tools that build a connection dialog. Defaults are written out rather than read from
 * the engine so that this class loads without it (a test keeps the two in step).
 */
final class ConnectionProperties {
  private ConnectionProperties() {}

  static DriverPropertyInfo[] all() {
    return new DriverPropertyInfo[] {
        property("sync", "true", "fsync the write-ahead log before a write returns (file: "
            + "databases)", "true", "false"),
        property("ef_search", "40", "beam width of graph index searches for this connection "
            + "(1 to 10000); SET ef_search changes it"),
        property("seal_rows", "100000", "rows after which a table's growing segment is sealed "
            + "and indexed; read when the database is opened"),
        property("merge_factor", "10", "sealed segments of similar size merged into one; read "
            + "when the database is opened"),
        property("max_segment_rows", "1000000", "no merge makes a segment with more live rows; "
            + "read when the database is opened"),
        property("compact_deleted_fraction", "0.2", "a sealed segment with this fraction of "
            + "its rows deleted is rewritten without them; read when the database is opened"),
        property("import_dir", "", "the only directory whose files COPY reads and writes "
            + "(default: DIR/import for file: databases, none for mem:); read when the database "
            + "is opened"),
        readOnly(),
    };
  }

  /** What {@code jdbc:azimuth:remote:} connections understand. */
  static DriverPropertyInfo[] remote() {
    return new DriverPropertyInfo[] {
        property("user", "", "user name, when the server requires authentication"),
        property("password", "", "password, when the server requires authentication"),
        property("ef_search", "40", "beam width of graph index searches for this connection "
            + "(1 to 10000); SET ef_search changes it"),
        readOnly(),
        property("truststore", "", "https: a key store file holding the server's certificate "
            + "(or its issuer's), when the JDK's default trust store does not"),
        property("truststore_password", "", "https: the trust store's password"),
        property("hostname_verification", "STRICT", "https: whether the server's certificate "
            + "must name the host in the URL", "STRICT", "NONE"),
        property("http_response_timeout", "180000", "milliseconds to wait for a response "
            + "before giving up; a longer statement fails on the client"),
    };
  }

  // A new object per call: getPropertyInfo writes the caller's values into them.
  private static DriverPropertyInfo readOnly() {
    return property("read_only", "false", "true refuses DDL and DML on this connection (42501); "
        + "a server may force it per user", "true", "false");
  }

  private static DriverPropertyInfo property(String name, String value, String description,
      String... choices) {
    DriverPropertyInfo p = new DriverPropertyInfo(name, value);
    p.description = description;
    p.choices = choices.length == 0 ? null : choices;
    return p;
  }
}

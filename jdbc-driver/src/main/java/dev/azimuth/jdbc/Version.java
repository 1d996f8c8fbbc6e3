package dev.azimuth.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This build's version, from the properties Maven writes at build time. */
public final class Version {
  /** The full version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static final String VERSION;
  public static final int MAJOR;
  public static final int MINOR;

  static {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("azimuth.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
    VERSION = p.getProperty("version", "0.0.0");
    String[] parts = VERSION.split("[.-]");
    MAJOR = parts.length > 0 ? parse(parts[0]) : 0;
    MINOR = parts.length > 1 ? parse(parts[1]) : 0;
  }

  private Version() {}

  private static int parse(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}

package dev.azimuth.jdbc.thin;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Runs in a JVM whose class path is the thin jar (plus this class): prints what connecting to
 * an embedded URL and to an unreachable server gives, one {@code STATE message} line each.
 */
public final class ThinJarProbe {
  private ThinJarProbe() {}

  public static void main(String[] args) {
    for (String url : args) {
      try {
        DriverManager.getConnection(url).close();
        System.out.println("CONNECTED " + url);
      } catch (SQLException e) {
        System.out.println(e.getSQLState() + " " + e.getMessage());
      }
    }
  }
}

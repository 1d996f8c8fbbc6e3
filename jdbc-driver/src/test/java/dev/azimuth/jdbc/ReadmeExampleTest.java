package dev.azimuth.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "From Java" example of the top-level README, as written there. */
class ReadmeExampleTest {
  @TempDir
  Path dir;

  @Test
  void javaExampleRuns() throws SQLException {
    List<String> printed = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:azimuth:file:" + dir)) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS docs (id BIGINT PRIMARY KEY, title VARCHAR, "
            + "embedding VECTOR(3) NOT NULL)");
      }
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO docs VALUES (?, ?, ?)")) {
        insert.setLong(1, 1);
        insert.setString(2, "red");
        insert.setObject(3, new float[] {1, 0, 0});
        insert.executeUpdate();
      }
      try (PreparedStatement knn = c.prepareStatement(
          "SELECT id, title, embedding <-> ? AS distance FROM docs ORDER BY distance LIMIT 5")) {
        knn.setObject(1, new float[] {0.9f, 0.1f, 0});
        try (ResultSet rs = knn.executeQuery()) {
          while (rs.next()) {
            printed.add(rs.getLong("ID") + " " + rs.getString("TITLE") + " "
                + rs.getDouble("DISTANCE"));
          }
        }
      }
    }
    assertEquals(1, printed.size());
    String[] line = printed.get(0).split(" ");
    assertEquals("1 red", line[0] + " " + line[1]);
    assertEquals(Math.sqrt(0.02), Double.parseDouble(line[2]), 1e-6);
  }
}

package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.fails;
import static dev.azimuth.jdbc.Sql.text;
import static dev.azimuth.jdbc.Sql.update;
import static dev.azimuth.jdbc.Sql.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** UNIQUE constraints and primary keys of several columns, enforced and kept across restarts. */
class KeysAndUniqueTest {
  @TempDir Path dir;

  private Connection open() throws SQLException {
    return DriverManager.getConnection("jdbc:azimuth:file:" + dir + ";seal_rows=20");
  }

  @Test
  void uniqueColumnsRefuseDuplicatesButNotNulls() throws SQLException {
    try (Connection c = open()) {
      update(c, "CREATE TABLE u (id BIGINT PRIMARY KEY, email VARCHAR(40) UNIQUE, "
          + "a INTEGER, b INTEGER, CONSTRAINT u_ab UNIQUE (a, b))");
      update(c, "INSERT INTO u VALUES (1, 'x@y', 1, 1), (2, NULL, 1, 2), (3, NULL, 1, NULL), "
          + "(4, NULL, 1, NULL)");
      SQLException e = fails("23505", () -> update(c, "INSERT INTO u VALUES (5, 'x@y', 9, 9)"));
      assertTrue(e.getMessage().contains("U_EMAIL_KEY"), e.getMessage());
      assertTrue(fails("23505", () -> update(c, "INSERT INTO u VALUES (5, 'z', 1, 2)"))
          .getMessage().contains("U_AB"));
      fails("23505", () -> update(c, "INSERT INTO u VALUES (5, 'p', 7, 7), (6, 'p', 8, 8)"));
      fails("23505", () -> update(c, "UPDATE u SET email = 'x@y' WHERE id = 2"));
      assertEquals(4L, value(c, "SELECT COUNT(*) FROM u"), "nothing of the failed statements");
      update(c, "UPDATE u SET email = CASE id WHEN 1 THEN 'new' ELSE 'x@y' END WHERE id IN (1, 2)");
      assertEquals(List.of("1|new", "2|x@y"), text(c, "SELECT id, email FROM u WHERE id < 3 "
          + "ORDER BY id"), "values that trade places in one statement");
      update(c, "DELETE FROM u WHERE id = 2");
      update(c, "INSERT INTO u VALUES (7, 'x@y', 2, 2)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO u VALUES (?, ?, 5, ?)")) {
        for (int i = 10; i < 60; i++) {
          ps.setLong(1, i);
          ps.setString(2, "bulk" + i);
          ps.setInt(3, i);
          ps.addBatch();
        }
        ps.executeBatch();
        ps.setLong(1, 99);
        ps.setString(2, "bulk10");
        ps.setInt(3, 1000);
        ps.addBatch();
        fails("23505", ps::executeBatch);
      }
      c.setAutoCommit(false);
      update(c, "INSERT INTO u VALUES (100, 'tx', 0, 0)");
      try (Connection d = open()) {
        d.setAutoCommit(false);
        update(d, "INSERT INTO u VALUES (101, 'tx', 0, 1)");
        c.commit();
        fails("23505", d::commit);
      }
      c.setAutoCommit(true);
    }
    try (Connection c = open()) {
      fails("23505", () -> update(c, "INSERT INTO u VALUES (200, 'bulk30', 0, 9)"));
      assertEquals(List.of("U_AB|UNIQUE", "U_EMAIL_KEY|UNIQUE", "U_PKEY|PRIMARY KEY"),
          text(c, "SELECT constraint_name, constraint_type FROM information_schema"
              + ".table_constraints WHERE table_name = 'U' ORDER BY 1"));
      update(c, "ALTER TABLE u DROP COLUMN email");
      update(c, "INSERT INTO u VALUES (300, 9, 9)");
      fails("23505", () -> update(c, "INSERT INTO u VALUES (301, 9, 9)"));
    }
  }

  @Test
  void aPrimaryKeyOfSeveralColumns() throws SQLException {
    try (Connection c = open()) {
      update(c, "CREATE TABLE pairs (tenant VARCHAR(10), item BIGINT, label VARCHAR(10), "
          + "v VECTOR(2), PRIMARY KEY (tenant, item))");
      update(c, "INSERT INTO pairs VALUES ('a', 1, 'one', '[1,0]'), ('a', 2, 'two', '[2,0]'), "
          + "('b', 1, 'uno', '[3,0]')");
      fails("23505", () -> update(c, "INSERT INTO pairs VALUES ('a', 1, 'again', NULL)"));
      fails("23502", () -> update(c, "INSERT INTO pairs VALUES (NULL, 5, 'x', NULL)"));
      update(c, "UPSERT INTO pairs VALUES ('a', 1, 'replaced', '[1,1]')");
      assertEquals(List.of("a|1|replaced", "a|2|two", "b|1|uno"),
          text(c, "SELECT tenant, item, label FROM pairs ORDER BY tenant, item"));
      assertEquals(List.of("b|1"), text(c, "SELECT tenant, item FROM pairs "
          + "ORDER BY v <-> '[3,0]' LIMIT 1"));
      update(c, "UPDATE pairs SET item = 3 WHERE tenant = 'a' AND item = 2");
      fails("23505", () -> update(c, "UPDATE pairs SET item = 1 WHERE tenant = 'a'"));
      List<String> key = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getPrimaryKeys(null, "PUBLIC", "PAIRS")) {
        while (rs.next()) {
          key.add(rs.getString("COLUMN_NAME") + ":" + rs.getShort("KEY_SEQ"));
        }
      }
      assertEquals(List.of("ITEM:2", "TENANT:1"), key);
      fails("0A000", () -> update(c, "ALTER TABLE pairs DROP COLUMN item"));
      fails("42P16", () -> update(c, "ALTER TABLE pairs ALTER COLUMN tenant DROP NOT NULL"));
      c.setAutoCommit(false);
      fails("0A000", () -> update(c, "UPSERT INTO pairs VALUES ('a', 1, 'x', NULL)"));
      c.rollback();
      c.setAutoCommit(true);
    }
    try (Connection c = open()) {
      fails("23505", () -> update(c, "INSERT INTO pairs VALUES ('b', 1, 'dup', NULL)"));
      assertEquals(3L, value(c, "SELECT COUNT(*) FROM pairs"));
    }
  }
}

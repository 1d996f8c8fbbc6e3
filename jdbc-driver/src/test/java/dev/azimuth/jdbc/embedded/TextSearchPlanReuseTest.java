package dev.azimuth.jdbc.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Text search plans are reused like the others: a prepared BM25 top-k is planned once for any
 * words bound, ad-hoc statements that differ only in their words share one plan, and a new
 * FULLTEXT index makes both plan again, now through the index, with the same answers.
 */
class TextSearchPlanReuseTest {
  private static final String[] COLOURS = {"red", "green", "blue", "amber", "violet"};
  private Connection c;

  @BeforeEach
  void load() throws SQLException {
    c = DriverManager.getConnection("jdbc:azimuth:mem:;seal_rows=100");
    update("CREATE TABLE docs (id BIGINT PRIMARY KEY, body VARCHAR)");
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO docs VALUES (?, ?)")) {
      for (int i = 0; i < 300; i++) {
        ps.setLong(1, i);
        ps.setString(2, COLOURS[i % 5] + " " + COLOURS[(i / 5) % 5] + " n" + i);
        ps.executeUpdate();
      }
    }
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private long plans() {
    return ((AzimuthConnection) c).engine().plansMade();
  }

  private void update(String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  private static List<String> read(ResultSet rs) throws SQLException {
    List<String> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        out.add(rs.getLong(1) + ":" + rs.getDouble(2));
      }
    }
    return out;
  }

  private List<String> adHoc(String words) throws SQLException {
    try (Statement s = c.createStatement()) {
      return read(s.executeQuery("SELECT id, BM25(body, '" + words + "') AS s FROM docs "
          + "WHERE TEXT_MATCH(body, '" + words + "') ORDER BY s DESC LIMIT 4"));
    }
  }

  @Test
  void preparedAndAdHocTextSearchesPlanOncePerShape() throws SQLException {
    List<List<String>> answers = new ArrayList<>();
    long before = plans();
    try (PreparedStatement ps = c.prepareStatement("SELECT id, BM25(body, ?) AS s FROM docs "
        + "WHERE TEXT_MATCH(body, ?) ORDER BY s DESC LIMIT 4")) {
      for (String words : COLOURS) {
        ps.setString(1, words + " n7");
        ps.setString(2, words + " n7");
        answers.add(read(ps.executeQuery()));
      }
    }
    assertEquals(1, plans() - before, "one plan for every binding");
    before = plans();
    for (int i = 0; i < COLOURS.length; i++) {
      assertEquals(answers.get(i), adHoc(COLOURS[i] + " n7"), COLOURS[i]);
    }
    assertEquals(1, plans() - before, "one plan for the ad-hoc statements' shape");
    assertTrue(answers.get(0).get(0).startsWith("7:"), answers.toString());

    update("CREATE INDEX docs_body ON docs USING FULLTEXT (body)");
    before = plans();
    for (int i = 0; i < COLOURS.length; i++) {
      assertEquals(answers.get(i), adHoc(COLOURS[i] + " n7"), "through the index");
    }
    assertEquals(1, plans() - before, "planned again once after the DDL");
  }
}

package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.fails;
import static dev.azimuth.jdbc.Sql.text;
import static dev.azimuth.jdbc.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PostgreSQL's {@code expr::type} casts, as pgvector's documentation writes them. */
class PostgresCastTest {
  @Test
  void infixCastsWorkAsCasts() throws SQLException {
    try (Connection c = Sql.memory()) {
      update(c, "CREATE TABLE items (id BIGINT PRIMARY KEY, embedding VECTOR(3))");
      update(c, "INSERT INTO items (id, embedding) VALUES (1, '[1,2,3]'), (2, '[4,5,6]')");
      assertEquals(List.of("1"), text(c,
          "SELECT id FROM items ORDER BY embedding <-> '[3,1,2]'::vector LIMIT 1"));
      // Cosine: [4,5,6] points nearer [3,1,2] (0.117) than [1,2,3] does (0.214).
      assertEquals(List.of("2"), text(c,
          "SELECT id FROM items ORDER BY embedding <=> '[3,1,2]'::vector(3) LIMIT 1"));
      assertEquals(List.of("1|1"), text(c, "SELECT id::varchar, id::integer FROM items "
          + "WHERE id = 1"));
      assertEquals(List.of("5.196152422706632"), text(c,
          "SELECT '[1,2,3]'::vector <-> '[4,5,6]'::vector"));
      assertEquals(List.of("3"), text(c, "SELECT 1 + 2::integer"));
      assertEquals(List.of("2.5"), text(c, "SELECT '2.5'::double * 1"));
      fails("22000", () -> text(c, "SELECT '[1,2]'::vector(3)"));
      fails("42601", () -> text(c, "SELECT 1::"));
    }
  }

  @Test
  void aParameterCastToAVectorTakesItsTextOrAFloatArray() throws SQLException {
    try (Connection c = Sql.memory()) {
      update(c, "CREATE TABLE items (id BIGINT PRIMARY KEY, embedding VECTOR(3))");
      update(c, "INSERT INTO items VALUES (1, '[1,2,3]'), (2, '[4,5,6]')");
      try (java.sql.PreparedStatement ps = c.prepareStatement(
          "SELECT id FROM items ORDER BY embedding <-> ?::vector LIMIT 1")) {
        ps.setString(1, "[4,5,7]");
        assertEquals(List.of(List.of(2L)), Sql.read(ps.executeQuery()));
        ps.setObject(1, new float[] {1, 2, 2});
        assertEquals(List.of(List.of(1L)), Sql.read(ps.executeQuery()));
      }
      try (java.sql.PreparedStatement ps = c.prepareStatement(
          "INSERT INTO items VALUES (?, CAST(? AS VECTOR(3)))")) {
        ps.setLong(1, 3);
        ps.setString(2, "[7,8,9]");
        assertEquals(1, ps.executeUpdate());
      }
      assertEquals(List.of("[7.0, 8.0, 9.0]"), text(c, "SELECT embedding FROM items WHERE id = 3"));
    }
  }
}

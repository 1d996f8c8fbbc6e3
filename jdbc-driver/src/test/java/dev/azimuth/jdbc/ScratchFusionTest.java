package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.text;
import static dev.azimuth.jdbc.Sql.update;

import java.sql.Connection;
import org.junit.jupiter.api.Test;

class ScratchFusionTest {
  @Test
  void scratch() throws Exception {
    try (Connection c = Sql.memory()) {
      update(c, "CREATE TABLE docs (id BIGINT PRIMARY KEY, title VARCHAR, price DOUBLE, embedding VECTOR(2))");
      update(c, "INSERT INTO docs VALUES (1, 'a', 10, '[1,0]'), (2, 'b', 20, '[0,1]'), (3, 'c', 30, '[1,1]'), (4, 'd', 40, '[2,2]')");
      String q = "SELECT * FROM TABLE(RRF(CURSOR(SELECT id FROM docs ORDER BY embedding <-> '[1,0]' LIMIT 3), CURSOR(SELECT id FROM docs ORDER BY price DESC LIMIT 3), 60))";
      for (String l : text(c, "EXPLAIN PLAN FOR " + q)) System.out.println(l);
      for (String l : text(c, q)) System.out.println(l);
      String w = "SELECT * FROM TABLE(WEIGHTED_FUSION(CURSOR(SELECT id FROM docs ORDER BY embedding <-> ? LIMIT 3), CURSOR(SELECT id, embedding <=> ? AS d FROM docs WHERE price > 15 ORDER BY d LIMIT 3), weights => ARRAY[0.7, 0.3]))";
      for (String l : text(c, "EXPLAIN PLAN FOR " + w, "[1,0]", "[0,1]")) System.out.println(l);
      for (String l : text(c, w, "[1,0]", "[0,1]")) System.out.println(l);
      String j = "SELECT d.id, d.title, f.score FROM TABLE(RRF(CURSOR(SELECT id FROM docs ORDER BY embedding <=> ? LIMIT 100), CURSOR(SELECT id FROM docs WHERE price > 5 ORDER BY embedding <-> ? LIMIT 100), 60)) f JOIN docs d ON d.id = f.id ORDER BY f.score DESC LIMIT 10";
      for (String l : text(c, "EXPLAIN PLAN FOR " + j, "[1,0]", "[0,1]")) System.out.println(l);
      for (String l : text(c, j, "[1,0]", "[0,1]")) System.out.println(l);
    }
  }
}

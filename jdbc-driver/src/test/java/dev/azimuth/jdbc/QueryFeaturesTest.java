package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.text;
import static dev.azimuth.jdbc.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ordinary SQL over stored tables, and the plans EXPLAIN shows for vector searches. */
class QueryFeaturesTest {
  private static Connection c;

  @BeforeAll
  static void load() throws SQLException {
    c = Sql.memory();
    update(c, "CREATE TABLE docs (id BIGINT PRIMARY KEY, author VARCHAR, price DOUBLE, "
        + "embedding VECTOR(2))");
    update(c, "CREATE TABLE authors (name VARCHAR PRIMARY KEY, country VARCHAR)");
    update(c, "INSERT INTO docs VALUES (1, 'ann', 10, '[0,1]'), (2, 'bob', 20, '[1,0]'), "
        + "(3, 'ann', 30, '[1,1]'), (4, 'cid', 40, '[2,2]'), (5, 'bob', 50, NULL)");
    update(c, "INSERT INTO authors VALUES ('ann', 'NO'), ('bob', 'SE'), ('dan', 'DK')");
  }

  @AfterAll
  static void close() throws SQLException {
    c.close();
  }

  private static String plan(String sql) throws SQLException {
    return String.join("\n", text(c, "EXPLAIN PLAN FOR " + sql));
  }

  @Test
  void whereGroupByHavingOrderLimitOffset() throws SQLException {
    assertEquals(List.of("ann|2|40.0", "bob|2|70.0"), text(c, "SELECT author, count(*), "
        + "sum(price) FROM docs GROUP BY author HAVING count(*) > 1 ORDER BY author"));
    assertEquals(List.of("4", "3"), text(c, "SELECT id FROM docs WHERE price BETWEEN 15 AND 45 "
        + "ORDER BY price DESC LIMIT 2"));
    assertEquals(List.of("2", "3"), text(c, "SELECT id FROM docs ORDER BY id LIMIT 2 OFFSET 1"));
  }

  @Test
  void aOneColumnTopKFeedsExpressionsItsValues() throws SQLException {
    // A LIMIT sort over a one-column scan passes the scan's rows on as values.
    assertEquals(List.of("CID", "BOB"), text(c, "SELECT UPPER(author) FROM (SELECT author "
        + "FROM docs ORDER BY author DESC LIMIT 2)"));
  }

  @Test
  void stringLiteralsKeepTheirLength() throws SQLException {
    assertEquals(List.of("|0|abc|3"), text(c, "SELECT '', CHAR_LENGTH(''), 'abc', "
        + "CHAR_LENGTH('abc')"));
    assertEquals(List.of("a,b", "say \"hi\""), text(c, "SELECT * FROM (VALUES ('a,b'), "
        + "('say \"hi\"')) AS t (s) ORDER BY s"));
  }

  @Test
  void joinsAndSubqueries() throws SQLException {
    assertEquals(List.of("1|NO", "2|SE", "3|NO", "5|SE"), text(c, "SELECT d.id, a.country "
        + "FROM docs d JOIN authors a ON d.author = a.name ORDER BY d.id"));
    assertEquals(List.of("cid|null"), text(c, "SELECT d.author, a.country FROM docs d "
        + "LEFT JOIN authors a ON d.author = a.name WHERE a.name IS NULL"));
    assertEquals(List.of("4", "5"), text(c, "SELECT id FROM docs WHERE price > "
        + "(SELECT avg(price) FROM docs) ORDER BY id"));
    assertEquals(List.of("dan"), text(c, "SELECT name FROM authors a WHERE NOT EXISTS "
        + "(SELECT 1 FROM docs d WHERE d.author = a.name)"));
    assertEquals(List.of("3|ann"), text(c, "SELECT id, author FROM docs WHERE id IN "
        + "(SELECT id FROM docs WHERE embedding <-> '[1,1]' < 0.5)"));
  }

  @Test
  void nearestNeighboursWithNullVectorsLast() throws SQLException {
    assertEquals(List.of("3|0.0", "1|1.0", "2|1.0", "4|1.4142135623730951", "5|null"),
        text(c, "SELECT id, embedding <-> '[1,1]' AS d FROM docs ORDER BY d, id LIMIT 10"));
    assertEquals(List.of("3", "1", "4"), text(c,
        "SELECT id FROM docs WHERE id <> 2 ORDER BY embedding <-> '[1,1]' LIMIT 3"));
    assertEquals(List.of("3", "1", "4", "5"), text(c,
        "SELECT id FROM docs WHERE id <> 2 ORDER BY embedding <-> '[1,1]' LIMIT 10"));
    assertEquals(List.of("5", "4"), text(c,
        "SELECT id FROM docs ORDER BY INNER_PRODUCT(embedding, '[1,1]') DESC LIMIT 2"));
  }

  @Test
  void vectorSearchJoinsBackToOtherTables() throws SQLException {
    assertEquals(List.of("3|NO", "1|NO"), text(c, "SELECT n.id, a.country FROM "
        + "(SELECT id, author FROM docs WHERE author = 'ann' ORDER BY embedding <-> '[1,1]' "
        + "LIMIT 2) n JOIN authors a ON a.name = n.author ORDER BY n.id DESC"));
  }

  @Test
  void explainShowsTheVectorSearchOperator() throws SQLException {
    String exact = plan("SELECT id FROM docs ORDER BY embedding <-> ? LIMIT 3");
    // read=[[ID]]: the winners' other columns, the vector included, are never fetched.
    assertTrue(exact.contains("AzimuthVectorSearch(table=[[PUBLIC, DOCS]], column=[EMBEDDING], "
        + "read=[[ID]], distance=[L2_DISTANCE], query=[?0], k=[3], strategy=[exact])"), exact);
    assertFalse(exact.contains("Sort"), exact);

    String filtered = plan("SELECT id, embedding <=> '[1,0]' AS d FROM docs WHERE price > 15 "
        + "ORDER BY d LIMIT 2 OFFSET 1");
    assertTrue(filtered.contains("distance=[COSINE_DISTANCE]"), filtered);
    assertTrue(filtered.contains("offset=[1]"), filtered);
    // The scan reads only the filter's column and evaluates the comparison itself.
    assertTrue(filtered.contains("AzimuthTableScan(table=[[PUBLIC, DOCS]], columns=[[PRICE]], "
        + "rowId=[true], filter=[>($0, 15.0E0)])"), "the filter reads only its own column: "
        + filtered);
    assertFalse(filtered.contains("EnumerableFilter"), filtered);

    String ip = plan("SELECT id FROM docs ORDER BY INNER_PRODUCT(embedding, '[1,1]') DESC "
        + "LIMIT 2");
    assertTrue(ip.contains("distance=[INNER_PRODUCT]"), ip);
  }

  @Test
  void explainChoosesTheVectorSearchWhateverTheTableSize() throws SQLException {
    update(c, "CREATE TABLE empty_docs (id BIGINT PRIMARY KEY, price DOUBLE, v VECTOR(3))");
    String p = plan("SELECT id, v <-> ? AS d FROM empty_docs WHERE price < 20 ORDER BY d "
        + "LIMIT 10");
    assertTrue(p.contains("AzimuthVectorSearch"), p);
    assertTrue(p.contains("columns=[[PRICE]], rowId=[true]"), p);
    update(c, "DROP TABLE empty_docs");
  }

  @Test
  void explainFallsBackWhenTheShapeIsNotANearestNeighbourSearch() throws SQLException {
    String farthest = plan("SELECT id FROM docs ORDER BY embedding <-> '[1,1]' DESC LIMIT 2");
    assertFalse(farthest.contains("AzimuthVectorSearch"), farthest);
    assertTrue(farthest.contains("AzimuthFloatSort"), farthest);
    String noLimit = plan("SELECT id FROM docs ORDER BY embedding <-> '[1,1]'");
    assertFalse(noLimit.contains("AzimuthVectorSearch"), noLimit);
    String twoVectors = plan("SELECT id FROM docs ORDER BY embedding <-> embedding LIMIT 2");
    assertFalse(twoVectors.contains("AzimuthVectorSearch"), twoVectors);
  }

  @Test
  void explainShowsProjectionPushdown() throws SQLException {
    String p = plan("SELECT author FROM docs WHERE price > 1");
    assertTrue(p.contains("columns=[[AUTHOR, PRICE]]"), p);
  }
}

package dev.azimuth.bench.ann;

import static java.util.Objects.requireNonNull;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The table {@code docs (id BIGINT PRIMARY KEY, r INTEGER, title VARCHAR, body VARCHAR,
 * embedding VECTOR(d))} of a {@link HybridCorpus} in its own database, with an HNSW index on
 * {@code embedding} (cosine) and a FULLTEXT index on {@code body}; loading and index statements
 * go through JDBC and are reported. Not thread-safe.
 */
final class HybridTable {
  /** The table's name, as in the statement. */
  static final String TABLE = "docs";
  /** The HNSW index's name. */
  static final String VECTOR_INDEX = "docs_embedding";
  /** The FULLTEXT index's name. */
  static final String TEXT_INDEX = "docs_body";

  private final AzimuthDb db;
  private final HybridCorpus corpus;
  private final Report report;

  HybridTable(AzimuthDb db, HybridCorpus corpus, Report report) {
    this.db = requireNonNull(db, "db");
    this.corpus = requireNonNull(corpus, "corpus");
    this.report = requireNonNull(report, "report");
  }

  /** Reuses a complete table unless {@code reload}, else (re)loads it; true if it loaded. */
  boolean prepare(boolean reload) throws SQLException {
    int rows = corpus.base().count();
    if (db.tableExists(TABLE)) {
      long present = db.count(TABLE);
      if (present == rows && !reload) {
        report.add("Reused the existing table `" + TABLE + "` (" + present + " rows).\n");
        return false;
      }
      db.execute("DROP TABLE " + TABLE);
    }
    db.execute("CREATE TABLE " + TABLE + " (id BIGINT PRIMARY KEY, r INTEGER, title VARCHAR, "
        + "body VARCHAR, embedding VECTOR(" + corpus.base().dimension() + "))");
    long chars = 0;
    long start = System.nanoTime();
    try (PreparedStatement insert = db.connection().prepareStatement(
        "INSERT INTO " + TABLE + " VALUES (?, ?, ?, ?, ?)")) {
      for (int id = 0; id < rows; id++) {
        insert.setLong(1, id);
        insert.setInt(2, Buckets.of(id));
        insert.setString(3, corpus.titles().get(id));
        insert.setString(4, corpus.bodies().get(id));
        insert.setObject(5, corpus.base().vector(id));
        chars += corpus.bodies().get(id).length();
        insert.addBatch();
        if ((id + 1) % AzimuthDb.BATCH == 0 || id == rows - 1) {
          insert.executeBatch();
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    report.table(new MarkdownTable("load", "rows", "body characters", "seconds", "rows/s")
        .row("INSERT prepared, executeBatch of " + AzimuthDb.BATCH + ", sync=false", rows,
            String.format(Locale.ROOT, "%,d", chars), SearchPass.fmt(seconds, 1),
            SearchPass.fmt(rows / seconds, 0)));
    return true;
  }

  /**
   * Creates the HNSW index unless one is there, READY, and {@code rebuild} is false; reports
   * the statement and its wall time.
   */
  void vectorIndex(IndexSpec spec, boolean rebuild) throws SQLException {
    Map<String, Integer> states = db.indexStates(VECTOR_INDEX);
    if (!rebuild && !states.isEmpty() && states.keySet().equals(Set.of("READY"))) {
      report.add("Reused the index `" + VECTOR_INDEX + "` " + states + ".\n");
      return;
    }
    db.execute("DROP INDEX IF EXISTS " + VECTOR_INDEX);
    timed("CREATE INDEX " + VECTOR_INDEX + " ON " + TABLE + " USING HNSW (embedding) WITH "
        + "(metric = 'cosine', m = " + spec.m() + ", ef_construction = " + spec.efConstruction()
        + ")");
  }

  /** Replaces the FULLTEXT index on {@code body} with one using {@code analyzer}. */
  void textIndex(String analyzer) throws SQLException {
    db.execute("DROP INDEX IF EXISTS " + TEXT_INDEX);
    timed("CREATE INDEX " + TEXT_INDEX + " ON " + TABLE + " USING FULLTEXT (body) WITH "
        + "(analyzer = '" + analyzer + "')");
    try (PreparedStatement ps = db.connection().prepareStatement(
        "SELECT OPTIONS, SUM(INDEXED_VECTORS), SUM(MEMORY_BYTES) FROM SYS.INDEXES "
            + "WHERE INDEX_NAME = ? GROUP BY OPTIONS")) {
      ps.setString(1, TEXT_INDEX.toUpperCase(Locale.ROOT));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          report.add("`SYS.INDEXES`: options `" + rs.getString(1) + "`, " + rs.getLong(2)
              + " rows indexed, " + Machine.mib(rs.getLong(3)) + " of heap.\n");
        }
      }
    }
  }

  private void timed(String create) throws SQLException {
    long start = System.nanoTime();
    db.execute(create);
    report.add("`" + create + "`: " + SearchPass.fmt((System.nanoTime() - start) / 1e9, 1)
        + " s.\n");
  }
}

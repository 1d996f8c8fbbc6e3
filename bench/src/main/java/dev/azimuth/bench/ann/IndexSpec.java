package dev.azimuth.bench.ann;

import java.util.Locale;

/**
 * The index a run creates: its kind and graph parameters, written as Azimuth's
 * {@code CREATE INDEX ... USING ... WITH (...)}.
 *
 * @param m maximum neighbours per node above layer 0 (layer 0 has 2m)
 * @param efConstruction beam width while building
 * @param pqSubspaces DiskANN's product-quantisation subspaces; 0 means dimension / 2
 */
record IndexSpec(Kind kind, int m, int efConstruction, int pqSubspaces) {
  /** Which index, if any. */
  enum Kind {
    /** Issue no index statement: the table is searched as it is. */
    NONE,
    /** {@code USING HNSW}. */
    HNSW,
    /** {@code USING DISKANN}. */
    DISKANN
  }

  /** The index's name for a table. */
  static String indexName(String table) {
    return table + "_idx";
  }

  /** The {@code CREATE INDEX} statement for this spec. */
  String createSql(String table, Distance distance, int dimension) {
    String with = String.format(Locale.ROOT, "metric = '%s', m = %d, ef_construction = %d",
        distance.indexMetric(), m, efConstruction);
    if (kind == Kind.DISKANN) {
      with += ", pq_subspaces = " + (pqSubspaces > 0 ? pqSubspaces : Math.max(1, dimension / 2));
    }
    return "CREATE INDEX " + indexName(table) + " ON " + table + " USING " + kind
        + " (embedding) WITH (" + with + ")";
  }

  /** A short description for reports. */
  String describe(int dimension) {
    return switch (kind) {
      case NONE -> "none (no index statements issued)";
      case HNSW -> "HNSW, m = " + m + ", ef_construction = " + efConstruction;
      case DISKANN -> "DISKANN, m = " + m + ", ef_construction = " + efConstruction
          + ", pq_subspaces = " + (pqSubspaces > 0 ? pqSubspaces : Math.max(1, dimension / 2));
    };
  }
}

package dev.azimuth.bench.ann;

import java.util.function.IntPredicate;

/**
 * The WHERE clauses of filtered search, each with the predicate the harness evaluates for ground
 * truth and recall. Selectivities are nominal; the actual share of rows is reported.
 */
enum Filter {
  /** No WHERE clause. */
  NONE("100%", null),
  /** {@code r < 500}. */
  HALF("50%", "r < 500"),
  /** {@code label = ?}, bound to the query's own label (10% on Fashion-MNIST). */
  LABEL("10%", "label = ?"),
  /** {@code r < 10}. */
  ONE_PERCENT("1%", "r < 10"),
  /** {@code r = 7}. */
  TENTH_PERCENT("0.1%", "r = 7");

  private final String nominal;
  private final String where;

  Filter(String nominal, String where) {
    this.nominal = nominal;
    this.where = where;
  }

  /** The intended share of rows, e.g. {@code 10%}. */
  String nominal() {
    return nominal;
  }

  /** The predicate as SQL, or null for {@link #NONE}. */
  String where() {
    return where;
  }

  /** Whether the statement has a {@code ?} for the query's label before the vector's. */
  boolean bindsLabel() {
    return this == LABEL;
  }

  /** Which base ids qualify for query {@code q} of {@code data}. */
  IntPredicate accepts(BenchData data, int q) {
    return switch (this) {
      case NONE -> id -> true;
      case HALF -> id -> Buckets.of(id) < 500;
      case LABEL -> {
        if (!data.hasLabels()) {
          throw new IllegalArgumentException(data.name() + " has no labels");
        }
        int label = data.queryLabels()[q];
        int[] labels = data.baseLabels();
        yield id -> labels[id] == label;
      }
      case ONE_PERCENT -> id -> Buckets.of(id) < 10;
      case TENTH_PERCENT -> id -> Buckets.of(id) == 7;
    };
  }

  /** The share of base rows that qualify for the first query, as a fraction. */
  double actualShare(BenchData data) {
    IntPredicate p = accepts(data, 0);
    long n = 0;
    for (int id = 0; id < data.base().count(); id++) {
      if (p.test(id)) {
        n++;
      }
    }
    return n / (double) data.base().count();
  }
}

package dev.azimuth.sql.fun;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The distance functions of the dialect, with pgvector's names, operators and semantics.
 * Smaller is nearer for every one except {@link #INNER_PRODUCT}, which is a similarity.
 */
public enum VectorDistance {
  /** Euclidean distance (not squared); operator {@code <->}. */
  L2("L2_DISTANCE", "<->"),
  /** {@code 1 - cos(a, b)}; operator {@code <=>}. */
  COSINE("COSINE_DISTANCE", "<=>"),
  /** The inner product itself, as pgvector's {@code inner_product()}: larger is nearer. */
  INNER_PRODUCT("INNER_PRODUCT", null),
  /** The negated inner product, so that ascending order is nearest first; operator {@code <#>}. */
  NEGATIVE_INNER_PRODUCT("NEGATIVE_INNER_PRODUCT", "<#>"),
  /** Manhattan (taxicab) distance; operator {@code <+>}. */
  L1("L1_DISTANCE", "<+>");

  private final String functionName;
  private final @Nullable String operator;

  VectorDistance(String functionName, @Nullable String operator) {
    this.functionName = functionName;
    this.operator = operator;
  }

  /** The SQL function name, e.g. {@code L2_DISTANCE}. */
  public String functionName() {
    return functionName;
  }

  /** The infix operator, e.g. {@code <->}, or null when the function has none. */
  public @Nullable String operator() {
    return operator;
  }
}

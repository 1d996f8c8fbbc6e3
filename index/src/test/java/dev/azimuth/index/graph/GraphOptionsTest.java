package dev.azimuth.index.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import dev.azimuth.index.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class GraphOptionsTest {
  @Test
  void defaultsAreThoseOfTheContract() {
    GraphOptions options = GraphOptions.of(GraphKind.HNSW, Metric.COSINE);
    assertEquals(16, options.m());
    assertEquals(100, options.efConstruction());
    assertEquals(0, options.pqSubspaces());
  }

  @Test
  void l1IsRejectedByName() {
    assertInvalid("L1", () -> GraphOptions.of(GraphKind.HNSW, Metric.L1));
    assertInvalid("L1", () -> GraphOptions.of(GraphKind.DISKANN, Metric.L1));
  }

  @Test
  void outOfRangeOptionsAreRejectedByName() {
    assertInvalid("m must be between 2 and 100, got 1",
        () -> new GraphOptions(GraphKind.HNSW, Metric.L2, 1, 100, 0));
    assertInvalid("m must be between 2 and 100, got 101",
        () -> new GraphOptions(GraphKind.HNSW, Metric.L2, 101, 1000, 0));
    assertInvalid("ef_construction must be between 4 and 1000, got 1001",
        () -> new GraphOptions(GraphKind.HNSW, Metric.L2, 16, 1001, 0));
    assertInvalid("ef_construction must be greater than or equal to 2 * m",
        () -> new GraphOptions(GraphKind.HNSW, Metric.L2, 16, 31, 0));
    assertInvalid("pq_subspaces must not be negative",
        () -> new GraphOptions(GraphKind.DISKANN, Metric.L2, 16, 100, -1));
    assertInvalid("pq_subspaces applies only to DISKANN",
        () -> new GraphOptions(GraphKind.HNSW, Metric.L2, 16, 100, 8));
    assertThrows(NullPointerException.class, () -> new GraphOptions(null, Metric.L2, 16, 100, 0));
  }

  @Test
  void automaticPqTakesTwoFloatsPerSubspace() {
    GraphOptions automatic = GraphOptions.of(GraphKind.DISKANN, Metric.L2);
    assertEquals(64, automatic.pqSubspacesFor(128));
    assertEquals(65, automatic.pqSubspacesFor(131));
    assertEquals(1, automatic.pqSubspacesFor(3));
    assertEquals(384, automatic.pqSubspacesFor(768));
  }

  @Test
  void explicitPqMustFitTheDimension() {
    GraphOptions explicit = new GraphOptions(GraphKind.DISKANN, Metric.L2, 16, 100, 48);
    assertEquals(48, explicit.pqSubspacesFor(96));
    assertEquals(48, explicit.pqSubspacesFor(48));
    assertInvalid("pq_subspaces must not exceed the vector dimension 32, got 48",
        () -> explicit.pqSubspacesFor(32));
  }

  private static void assertInvalid(String fragment, Executable executable) {
    AzimuthException e = assertThrows(AzimuthException.class, executable);
    assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.code());
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }
}

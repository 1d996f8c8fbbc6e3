package dev.azimuth.planner.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FilteredSearchPolicyTest {
  // 60,000 rows, m = 16, ef = 40: a full-cost walk scores about 2·16·40·60,000 / p distances.
  private static final long ROWS = 60_000;

  @Test
  void fewPassingRowsAreScannedManyAreWalked() {
    // p² against 76.8 million: 8,763 rows is the break-even.
    assertTrue(FilteredSearchPolicy.preferExact(8_700, ROWS, 40, 16));
    assertFalse(FilteredSearchPolicy.preferExact(8_800, ROWS, 40, 16));
  }

  @Test
  void cheaperWalkScoresMoveTheBreakEvenDown() {
    // A walk on codes 1/16 the cost of an exact distance: break-even at sqrt(4.8 million).
    assertFalse(FilteredSearchPolicy.preferExact(6_000, ROWS, 40, 16, 1.0 / 16));
    assertTrue(FilteredSearchPolicy.preferExact(2_100, ROWS, 40, 16, 1.0 / 16));
    assertFalse(FilteredSearchPolicy.preferExact(2_300, ROWS, 40, 16, 1.0 / 16));
    assertTrue(FilteredSearchPolicy.preferExact(6_000, ROWS, 40, 16, 1.0));
  }
}

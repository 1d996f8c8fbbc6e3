package dev.azimuth.shell.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The progress line's text: bar, share, rows, rate and time left. */
class ProgressBarTest {
  @Test void aKnownShareGivesBarPercentRateAndEta() {
    // 420,000 rows in 3.2 s is 131,250 rows/s; 42 % done, so 58/42 × 3.2 s ≈ 4.4 s left.
    assertEquals("[########------------]  42%  420,000 rows  131,250 rows/s  ETA 0:04",
        ProgressBar.render(420_000, 3.2, 0.42, 0));
  }

  @Test void anUnknownShareLeavesOutBarPercentAndEta() {
    assertEquals("1,234 rows  617 rows/s", ProgressBar.render(1234, 2.0, -1, 0));
  }

  @Test void theStartHasNoRateAndTheEndNoEta() {
    assertEquals("[--------------------]   0%  0 rows", ProgressBar.render(0, 0, 0, 0));
    assertEquals("[####################] 100%  10 rows  5 rows/s",
        ProgressBar.render(10, 2, 1, 0));
  }

  @Test void longEtasShowHours() {
    assertEquals("1:01:01", ProgressBar.duration(3661));
    assertEquals("0:59", ProgressBar.duration(59.4));
    assertTrue(ProgressBar.render(1, 1, 0.0001, 0).endsWith("ETA 2:46:39"),
        ProgressBar.render(1, 1, 0.0001, 0));
  }

  @Test void narrowTerminalsLoseTheBarAndTheLineIsCut() {
    assertEquals(" 50%  1,000 rows  1,000 rows/s  ETA 0:01",
        ProgressBar.render(1000, 1, 0.5, 50));
    assertEquals(" 50%  1,000 rows  1", ProgressBar.render(1000, 1, 0.5, 20));
  }

  @Test void theLineIsRedrawnInPlaceAndErased() {
    StringWriter screen = new StringWriter();
    ProgressLine line = new ProgressLine(new PrintWriter(screen), () -> 0);
    line.update(5, 1, 0.5);
    line.update(6, 1, 0.6); // within the redraw interval: skipped
    String text = "[##########----------]  50%  5 rows  5 rows/s  ETA 0:01";
    assertEquals("\r" + text, screen.toString());
    line.clear();
    assertEquals("\r" + text + "\r" + " ".repeat(text.length()) + "\r", screen.toString());
  }
}

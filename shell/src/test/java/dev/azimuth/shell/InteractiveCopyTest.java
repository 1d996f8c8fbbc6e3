package dev.azimuth.shell;

import static dev.azimuth.shell.TerminalHarness.CTRL_C;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.common.vectors.VectorFileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code \copy} and COPY at a terminal: the progress line drawn on the screen (never into the
 * results), and Ctrl-C stopping a load after a batch with the committed rows stated.
 */
class InteractiveCopyTest {
  private static final String PROGRESS = "rows/s";

  @TempDir Path dir;

  private static void vectors(Path file, int rows, int dimension) throws IOException {
    try (VectorFileWriter w = VectorFileWriter.fvecs(file, dimension)) {
      float[] v = new float[dimension];
      for (int i = 0; i < rows; i++) {
        v[0] = i;
        w.write(v);
      }
      w.finish();
    }
  }

  @Test void loadsShowAProgressLineOnTheTerminalOnly() throws IOException {
    Path imports = Files.createDirectories(dir.resolve("db").resolve("import"));
    vectors(dir.resolve("local.fvecs"), 20_000, 16);
    // Large enough for the server-side COPY to be seen running by a poll every 250 ms.
    vectors(imports.resolve("server.fvecs"), 200_000, 16);
    try (TerminalHarness shell = new TerminalHarness(null, "--url",
        "jdbc:azimuth:file:" + dir.resolve("db") + ";sync=false")) {
      shell.type("CREATE TABLE a (id BIGINT PRIMARY KEY, v VECTOR(16));\r").awaitOut("OK\n");
      shell.type("CREATE TABLE b (id BIGINT PRIMARY KEY, v VECTOR(16));\r").awaitOut("OK\n", 2);
      // Tab completes the command's name.
      shell.type("\\cop\ta FROM '" + dir.resolve("local.fvecs") + "' WITH (BATCH_ROWS 1000)\r");
      shell.awaitOut("COPY 20000\n");
      String screen = shell.screen();
      assertTrue(screen.contains("\\copy a FROM"), screen);
      assertTrue(screen.contains("%  ") && screen.contains(PROGRESS), screen);
      int drawn = TerminalHarness.count(screen, PROGRESS);
      shell.type("COPY b FROM 'server.fvecs' WITH (BATCH_ROWS 2000);\r");
      shell.awaitOut("COPY 200000\n");
      assertTrue(TerminalHarness.count(shell.screen(), PROGRESS) > drawn,
          "the server-side COPY drew its progress too:\n" + shell.screen());
      assertFalse(shell.out().contains(PROGRESS), shell.out());
      assertEquals("", shell.err());
      assertEquals(0, shell.exit());
    }
  }

  @Test void ctrlCStopsALoadAfterABatchAndSaysWhatWasCommitted() throws Exception {
    vectors(dir.resolve("big.fvecs"), 300_000, 8);
    String url = "jdbc:azimuth:mem:copy-cancel-" + System.nanoTime();
    try (Connection c = DriverManager.getConnection(url);
        TerminalHarness shell = new TerminalHarness(null, "--url", url)) {
      shell.type("CREATE TABLE big (id BIGINT PRIMARY KEY, v VECTOR(8));\r").awaitOut("OK\n");
      shell.type("\\copy big FROM '" + dir.resolve("big.fvecs") + "' WITH (BATCH_ROWS 1000)\r");
      shell.awaitScreen(PROGRESS, 1);
      shell.typeNow(CTRL_C);
      String err = shell.awaitErr("57014");
      shell.awaitPrompt();
      err = shell.err();
      assertTrue(err.contains("Cancel request sent\n"), err);
      Matcher m = Pattern.compile("ERROR 57014: \\\\copy BIG FROM '.*' \\(fvecs\\) failed at the "
          + "end of the batch that ends at row (\\d+): cancelled\\. \\1 rows were committed "
          + "before the failure: data rows 1-\\1 of the file; no row after them was loaded\\. "
          + "To resume once the file is fixed, run \\\\copy again WITH \\(SKIP_ROWS \\1\\)\\.\n")
          .matcher(err);
      assertTrue(m.find(), err);
      long committed = Long.parseLong(m.group(1));
      assertTrue(committed % 1000 == 0 && committed < 300_000, err);
      try (Statement s = c.createStatement();
           ResultSet r = s.executeQuery("SELECT COUNT(*) FROM big")) {
        r.next();
        assertEquals(committed, r.getLong(1));
      }
      shell.type("SELECT 1 AS n;\r").awaitOut("N\n-\n1\n");
      assertEquals(1, shell.exit());
    }
  }
}

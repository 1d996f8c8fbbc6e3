package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.rows;
import static dev.azimuth.jdbc.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another connection watches a long COPY in SYS.COPIES while it runs. */
class CopyProgressTest {
  private static final int ROWS = 400_000;

  @TempDir
  Path dir;

  @Test
  void otherConnectionsSeeARunningCopyAdvance() throws Exception {
    Path imports = Files.createDirectories(dir.resolve("import"));
    try (BufferedWriter w = Files.newBufferedWriter(imports.resolve("big.csv"))) {
      for (int i = 0; i < ROWS; i++) {
        w.write(i + "," + (i % 1000) + ",\"[" + i + ",1,2,3]\"\n");
      }
    }
    String url = "jdbc:azimuth:file:" + dir.resolve("db") + ";sync=false;import_dir=" + imports;
    try (Connection loader = DriverManager.getConnection(url);
         Connection watcher = DriverManager.getConnection(url)) {
      update(loader, "CREATE TABLE big (id BIGINT PRIMARY KEY, n INTEGER, v VECTOR(4))");
      CompletableFuture<Integer> copy = CompletableFuture.supplyAsync(() -> {
        try {
          return update(loader, "COPY big FROM 'big.csv' WITH (BATCH_ROWS 2000)");
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      });
      long previous = -1;
      int advances = 0;
      while (!copy.isDone()) {
        List<List<Object>> running = rows(watcher, "SELECT rows_done, bytes_read, bytes_total,"
            + " progress, rows_per_second FROM sys.copies WHERE state = 'RUNNING'");
        if (!running.isEmpty()) {
          long done = (Long) running.get(0).get(0);
          assertTrue(done % 2000 == 0, "whole batches are reported: " + done);
          assertEquals(Files.size(imports.resolve("big.csv")), running.get(0).get(2));
          assertTrue((Long) running.get(0).get(1) <= (Long) running.get(0).get(2));
          if (done > previous && previous >= 0) {
            advances++;
          }
          previous = done;
        }
        Thread.sleep(20);
      }
      assertEquals(ROWS, copy.get(5, TimeUnit.MINUTES));
      assertTrue(advances >= 1, "saw the running COPY advance " + advances + " times");
      assertEquals(List.of(List.of("BIG", "DONE", (long) ROWS, 100.0)), rows(watcher,
          "SELECT table_name, state, rows_done, progress FROM sys.copies"));
      assertEquals((long) ROWS, Sql.value(watcher, "SELECT count(*) FROM big"));
    }
  }
}

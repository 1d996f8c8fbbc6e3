package dev.azimuth.shell.copy;

import dev.azimuth.common.io.CountingInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV rows, read with Apache Commons CSV configured as COPY's reader is: RFC 4180, UTF-8, an
 * unquoted empty field (or the NULL text) is NULL and a quoted one is a string. Fields go to the
 * listed columns, or with HEADER to the columns the header names, or to every column in order.
 */
final class CsvRows implements RowReader {
  private final CountingInputStream counter;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final TargetTable table;
  private final int[] targets;
  private final long size;
  private long line = 1;

  /** @param listed the listed columns, or null for none */
  CsvRows(Path file, TargetTable table, int[] listed, CopyOptions options)
      throws IOException, BadRowException {
    this.table = table;
    this.size = Files.size(file);
    this.counter = new CountingInputStream(Files.newInputStream(file));
    CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(options.delimiter())
        .setQuote(options.quote()).setNullString(options.nullText())
        .setQuoteMode(QuoteMode.ALL_NON_NULL).setIgnoreEmptyLines(true).get();
    this.parser = format.parse(new InputStreamReader(counter, StandardCharsets.UTF_8));
    this.records = parser.iterator();
    int[] t = listed;
    if (options.header() && more()) {
      CSVRecord header = record();
      if (t == null) {
        t = byName(header);
      }
    }
    this.targets = t != null ? t : table.all();
  }

  private int[] byName(CSVRecord header) throws BadRowException {
    List<String> names = new ArrayList<>();
    header.forEach(n -> names.add(n == null ? "" : n));
    return table.listed(names);
  }

  // Asking whether there is a record parses it: the next record starts on the line after those
  // consumed before asking.
  private boolean more() throws BadRowException {
    try {
      line = parser.getCurrentLineNumber() + 1;
      return records.hasNext();
    } catch (UncheckedIOException e) {
      throw new BadRowException("22P04", "malformed CSV: " + e.getCause().getMessage());
    }
  }

  private CSVRecord record() throws BadRowException {
    try {
      return records.next();
    } catch (UncheckedIOException e) {
      throw new BadRowException("22P04", "malformed CSV: " + e.getCause().getMessage());
    }
  }

  @Override public int[] targets() {
    return targets;
  }

  @Override public boolean next(Object[] values) throws BadRowException {
    if (!more()) {
      return false;
    }
    CSVRecord record = record();
    if (record.size() != targets.length) {
      List<String> names = new ArrayList<>();
      for (int t : targets) {
        names.add(table.columns().get(t).name());
      }
      throw new BadRowException("22P04", "the line has " + record.size() + " field"
          + (record.size() == 1 ? "" : "s") + " but \\copy expects " + targets.length + " ("
          + String.join(", ", names) + ")");
    }
    for (int i = 0; i < targets.length; i++) {
      values[i] = record.get(i);
    }
    return true;
  }

  @Override public long skip(long n) throws BadRowException {
    long done = 0;
    while (done < n && more()) {
      record();
      done++;
    }
    return done;
  }

  @Override public String where() {
    return "line " + line;
  }

  @Override public long bytesRead() {
    return counter.count();
  }

  @Override public long bytesTotal() {
    return size;
  }

  @Override public void close() throws IOException {
    parser.close();
  }
}

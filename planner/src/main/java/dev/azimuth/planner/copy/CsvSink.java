package dev.azimuth.planner.copy;

import dev.azimuth.planner.ResultColumn;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV output (Apache Commons CSV): every value quoted, NULL as an unquoted empty field (or the
 * NULL text), so that an empty string and NULL stay apart and the file loads back exactly.
 */
final class CsvSink implements RowSink {
  private final CSVPrinter printer;
  private final List<ResultColumn> columns;
  private final String[] values;

  CsvSink(Path file, List<ResultColumn> columns, CopyOptions options) throws IOException {
    this.columns = columns;
    this.values = new String[columns.size()];
    CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(options.delimiter())
        .setQuote(options.quote()).setNullString(options.nullText())
        .setQuoteMode(QuoteMode.ALL_NON_NULL).setRecordSeparator("\n").get();
    this.printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(
        Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16), format);
    if (options.header()) {
      printer.printRecord(RowSink.labels(columns));
    }
  }

  @Override public void write(Object[] row) throws IOException {
    for (int i = 0; i < values.length; i++) {
      values[i] = RowSink.text(columns.get(i), row[i]);
    }
    printer.printRecord((Object[]) values);
  }

  @Override public void finish() throws IOException {
    printer.flush();
  }

  @Override public void close() throws IOException {
    printer.close();
  }
}

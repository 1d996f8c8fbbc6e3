package dev.azimuth.shell.copy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV as COPY TO writes it (Apache Commons CSV): every value quoted, NULL an unquoted empty
 * field (or the NULL text), so that the file loads back exactly; values in the driver's string
 * form (vectors {@code [1.0,2.0]}).
 */
final class CsvRowWriter implements RowWriter {
  private final CSVPrinter printer;
  private final String[] values;

  CsvRowWriter(Path file, ResultSetMetaData columns, CopyOptions options)
      throws IOException, SQLException {
    this.values = new String[columns.getColumnCount()];
    CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(options.delimiter())
        .setQuote(options.quote()).setNullString(options.nullText())
        .setQuoteMode(QuoteMode.ALL_NON_NULL).setRecordSeparator("\n").get();
    this.printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(
        Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16), format);
    if (options.header()) {
      List<String> labels = new ArrayList<>();
      for (int i = 1; i <= values.length; i++) {
        labels.add(columns.getColumnLabel(i));
      }
      printer.printRecord(labels);
    }
  }

  @Override public void write(ResultSet row) throws IOException, SQLException {
    for (int i = 0; i < values.length; i++) {
      values[i] = row.getString(i + 1);
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

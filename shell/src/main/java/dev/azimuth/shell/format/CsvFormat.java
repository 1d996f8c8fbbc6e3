package dev.azimuth.shell.format;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV: a header line of column labels, then one record per row, CRLF line ends, fields
 * quoted only when needed (vectors always are: they contain commas). Every value is the driver's
 * string form; NULL is an empty field. Statements without a result set print nothing.
 */
final class CsvFormat implements OutputFormat {
  static final String NAME = "csv";

  @Override public String name() {
    return NAME;
  }

  @Override public void writeRows(Rows rows, PrintWriter out, Display display)
      throws SQLException {
    List<Column> columns = rows.columns();
    String[] header = columns.stream().map(Column::label).toArray(String[]::new);
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header).get();
    // The printer is not closed: that would close stdout. PrintWriter never throws; the
    // IOException in CSVPrinter's signatures only matters for other Appendables.
    try {
      CSVPrinter printer = new CSVPrinter(out, format);
      Object[] record = new Object[columns.size()];
      while (rows.next()) {
        for (int c = 0; c < record.length; c++) {
          record[c] = rows.text(c);
        }
        printer.printRecord(record);
      }
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write CSV", e);
    }
  }
}

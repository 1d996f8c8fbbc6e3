package dev.azimuth.jdbc.remote;

import dev.azimuth.jdbc.VectorAccessor;
import java.sql.SQLException;
import java.util.Calendar;
import java.util.Iterator;
import java.util.List;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.util.ArrayImpl;
import org.apache.calcite.avatica.util.ListIteratorCursor;

/**
 * A cursor over the rows a server sends, whose VECTOR columns (text on the wire) read as
 * {@code float[]} from {@code getObject} and as text from {@code getString}. Not thread-safe,
 * like any cursor.
 */
final class VectorListCursor extends ListIteratorCursor {
  VectorListCursor(Iterator<List<Object>> rows) {
    super(rows);
  }

  @Override protected Accessor createAccessor(ColumnMetaData column, Getter getter,
      Calendar localCalendar, ArrayImpl.Factory factory) {
    if (VectorAccessor.isVector(column)) {
      return new VectorAccessor(new VectorAccessor.Source() {
        @Override public Object value() throws SQLException {
          return getter.getObject();
        }

        @Override public boolean wasNull() throws SQLException {
          return getter.wasNull();
        }
      }, column.label);
    }
    return super.createAccessor(column, getter, localCalendar, factory);
  }
}

package dev.azimuth.jdbc.embedded;

import dev.azimuth.jdbc.VectorAccessor;
import java.util.Calendar;
import java.util.Iterator;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.util.ArrayImpl;
import org.apache.calcite.avatica.util.ArrayIteratorCursor;

/**
 * A cursor over {@code Object[]} rows whose VECTOR columns read as {@code float[]} from
 * {@code getObject} and as {@code [1.0,2.0]} from {@code getString} ({@link VectorAccessor});
 * other columns read as Avatica reads them. Not thread-safe, like any cursor.
 */
final class VectorCursor extends ArrayIteratorCursor {
  VectorCursor(Iterator<Object[]> rows) {
    super(rows);
  }

  @Override protected Accessor createAccessor(ColumnMetaData column, Getter getter,
      Calendar localCalendar, ArrayImpl.Factory factory) {
    if (VectorAccessor.isVector(column)) {
      return new VectorAccessor(new VectorAccessor.Source() {
        @Override public Object value() throws java.sql.SQLException {
          return getter.getObject();
        }

        @Override public boolean wasNull() throws java.sql.SQLException {
          return getter.wasNull();
        }
      }, column.label);
    }
    return super.createAccessor(column, getter, localCalendar, factory);
  }
}

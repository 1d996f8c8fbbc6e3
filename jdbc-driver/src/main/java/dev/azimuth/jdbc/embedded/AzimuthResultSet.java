package dev.azimuth.jdbc.embedded;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.avatica.util.Cursor;

/**
 * A result set whose vector columns read as {@code float[]} and {@code [1.0,2.0]}; rows are
 * computed as {@link #next} asks for them, so a failure while computing one surfaces there.
 */
final class AzimuthResultSet extends AvaticaResultSet {
  AzimuthResultSet(AvaticaStatement statement, QueryState state, Meta.Signature signature,
      ResultSetMetaData metaData, TimeZone timeZone, Meta.Frame firstFrame)
      throws SQLException {
    super(statement, state, signature, metaData, timeZone, firstFrame);
  }

  @Override protected AvaticaResultSet execute() throws SQLException {
    Iterable<Object> rows = ((AzimuthConnection) statement.connection).meta().createIterable(statement.handle, state,
        signature, List.<TypedValue>of(), firstFrame);
    Cursor cursor;
    if (signature.cursorFactory.style == Meta.Style.ARRAY) {
      @SuppressWarnings({"unchecked", "rawtypes"})
      Iterable<Object[]> arrays = (Iterable) rows;
      cursor = new VectorCursor(arrays.iterator());
    } else {
      cursor = MetaImpl.createCursor(signature.cursorFactory, rows);
    }
    return execute2(cursor, columnMetaDataList);
  }

  @Override public boolean next() throws SQLException {
    try {
      return super.next();
    } catch (SQLException | RuntimeException e) {
      throw SqlErrors.translate(e);
    }
  }
}

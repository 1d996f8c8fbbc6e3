package dev.azimuth.jdbc.remote;

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
 * Rows from a server, fetched a frame at a time as {@link #next} needs them; vector columns
 * read as in embedded mode, and a failure while fetching carries the server's SQLSTATE.
 */
final class RemoteResultSet extends AvaticaResultSet {
  RemoteResultSet(AvaticaStatement statement, QueryState state, Meta.Signature signature,
      ResultSetMetaData metaData, TimeZone timeZone, Meta.Frame firstFrame)
      throws SQLException {
    super(statement, state, signature, metaData, timeZone, firstFrame);
  }

  @Override protected AvaticaResultSet execute() throws SQLException {
    Iterable<Object> rows = ((RemoteConnection) statement.connection).meta().createIterable(
        statement.handle, state, signature, List.<TypedValue>of(), firstFrame);
    Cursor cursor;
    if (signature.cursorFactory.style == Meta.Style.LIST) {
      @SuppressWarnings({"unchecked", "rawtypes"})
      Iterable<List<Object>> lists = (Iterable) rows;
      cursor = new VectorListCursor(lists.iterator());
    } else {
      cursor = MetaImpl.createCursor(signature.cursorFactory, rows);
    }
    return execute2(cursor, columnMetaDataList);
  }

  @Override public boolean next() throws SQLException {
    try {
      return super.next();
    } catch (SQLException | RuntimeException e) {
      throw RemoteErrors.translate(e, ((RemoteConnection) statement.connection).server());
    }
  }
}

package dev.azimuth.server;

import dev.azimuth.common.VectorText;
import dev.azimuth.jdbc.VectorAccessor;
import java.lang.reflect.Field;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;

/**
 * How results look on the wire. A VECTOR column travels as its text form {@code [1.0,2.0]}:
 * its metadata stays {@code Types.OTHER} named {@code VECTOR(n)}, with string values, which any
 * Avatica client can display and Azimuth's driver reads back as {@code float[]}. (Avatica's
 * protobuf frames carry no float arrays, and its ARRAY path is broken for this case,
 * CALCITE-3162.) Metadata rows, which the engine's Meta gives as records, travel as arrays.
 * Stateless.
 */
final class WireFormat {
  private WireFormat() {}

  /** The signature a client is sent: vector columns are text. */
  static Meta.Signature signature(Meta.Signature s) {
    if (s == null) {
      return null;
    }
    boolean records = s.cursorFactory.style == Meta.Style.RECORD;
    if (!records && s.columns.stream().noneMatch(VectorAccessor::isVector)) {
      return s;
    }
    List<ColumnMetaData> columns = new ArrayList<>(s.columns.size());
    for (ColumnMetaData c : s.columns) {
      columns.add(VectorAccessor.isVector(c) ? asText(c) : c);
    }
    return new Meta.Signature(columns, s.sql, s.parameters, s.internalParameters,
        records ? Meta.CursorFactory.ARRAY : s.cursorFactory, s.statementType);
  }

  private static ColumnMetaData asText(ColumnMetaData c) {
    ColumnMetaData.AvaticaType text =
        ColumnMetaData.scalar(Types.OTHER, c.type.name, ColumnMetaData.Rep.STRING);
    return new ColumnMetaData(c.ordinal, c.autoIncrement, c.caseSensitive, c.searchable,
        c.currency, c.nullable, c.signed, c.displaySize, c.label, c.columnName, c.schemaName,
        c.precision, c.scale, c.tableName, c.catalogName, text, c.readOnly, c.writable,
        c.definitelyWritable, String.class.getName());
  }

  /**
   * A frame a client is sent: rows as arrays, vectors as text.
   *
   * @param cursor how the engine's Meta produced the rows (records carry their fields)
   */
  static Meta.Frame frame(Meta.Frame frame, Meta.CursorFactory cursor) {
    List<Object> rows = new ArrayList<>();
    for (Object row : frame.rows) {
      rows.add(cursor.style == Meta.Style.RECORD ? fields(row, cursor.fields) : values(row));
    }
    return new Meta.Frame(frame.offset, frame.done, rows);
  }

  private static Object[] values(Object row) {
    Object[] values = (Object[]) row;
    Object[] out = values;
    for (int i = 0; i < values.length; i++) {
      if (values[i] instanceof float[] v) {
        if (out == values) {
          out = values.clone();
        }
        out[i] = VectorText.format(v);
      }
    }
    return out;
  }

  private static Object[] fields(Object record, List<Field> fields) {
    Object[] values = new Object[fields.size()];
    try {
      for (int i = 0; i < values.length; i++) {
        values[i] = fields.get(i).get(record);
      }
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("metadata records have public fields", e);
    }
    return values;
  }
}

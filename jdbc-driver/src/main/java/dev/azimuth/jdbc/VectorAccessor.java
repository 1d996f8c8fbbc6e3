package dev.azimuth.jdbc;

import dev.azimuth.common.VectorText;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Struct;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.util.Cursor;
import org.joou.UByte;
import org.joou.UInteger;
import org.joou.ULong;
import org.joou.UShort;

/**
 * Reads one VECTOR column of a cursor's current row: {@code float[]} from {@code getObject},
 * {@code [1.0,2.0]} from {@code getString}. The value underneath may be the engine's
 * {@code float[]} (embedded) or the text form a server sends; other getters fail with 22000.
 * Not thread-safe, like the cursor it reads.
 */
public final class VectorAccessor implements Cursor.Accessor {
  /** Prefix of the type name of every vector column. */
  public static final String TYPE_NAME = "VECTOR";

  /** Where the accessor finds the current row's value. */
  public interface Source {
    /** The current row's value of the column, or null. */
    Object value() throws SQLException;

    boolean wasNull() throws SQLException;
  }

  private final Source source;
  private final String column;

  public VectorAccessor(Source source, String column) {
    this.source = source;
    this.column = column;
  }

  /** Whether a column holds vectors: {@link Types#OTHER} named {@code VECTOR(n)}. */
  public static boolean isVector(ColumnMetaData column) {
    return column.type.id == Types.OTHER && column.type.name != null
        && column.type.name.startsWith(TYPE_NAME);
  }

  private float[] vector() throws SQLException {
    Object o = source.value();
    if (o == null || o instanceof float[]) {
      return (float[]) o;
    }
    if (o instanceof String s) {
      return VectorText.parse(s);
    }
    if (o instanceof List<?> list) {
      float[] v = new float[list.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = ((Number) list.get(i)).floatValue();
      }
      return v;
    }
    throw new SQLDataException("column " + column + " holds a " + o.getClass().getName()
        + " where a vector was expected", "XX000");
  }

  private SQLException cannot(String as) {
    return new SQLDataException("column " + column + " is a vector; it cannot be read as "
        + as + " (use getObject for float[] or getString for its text)", "22000");
  }

  @Override public boolean wasNull() throws SQLException {
    return source.wasNull();
  }

  @Override public String getString() throws SQLException {
    // A server sends the text form already; only the embedded engine's float[] needs writing.
    if (source.value() instanceof String s) {
      return s;
    }
    float[] v = vector();
    return v == null ? null : VectorText.format(v);
  }

  @Override public String getNString() throws SQLException {
    return getString();
  }

  @Override public Object getObject() throws SQLException {
    return vector();
  }

  @Override public Object getObject(Map<String, Class<?>> map) throws SQLException {
    return vector();
  }

  @Override public <T> T getObject(Class<T> type) throws SQLException {
    if (type == float[].class || type == Object.class) {
      return type.cast(vector());
    }
    if (type == String.class) {
      return type.cast(getString());
    }
    if (type == double[].class) {
      float[] v = vector();
      if (v == null) {
        return null;
      }
      double[] d = new double[v.length];
      for (int i = 0; i < v.length; i++) {
        d[i] = v[i];
      }
      return type.cast(d);
    }
    throw cannot(type.getSimpleName());
  }

  @Override public Reader getCharacterStream() throws SQLException {
    String s = getString();
    return s == null ? null : new StringReader(s);
  }

  @Override public Reader getNCharacterStream() throws SQLException {
    return getCharacterStream();
  }

  @Override public boolean getBoolean() throws SQLException {
    throw cannot("BOOLEAN");
  }

  @Override public byte getByte() throws SQLException {
    throw cannot("TINYINT");
  }

  @Override public UByte getUByte() throws SQLException {
    throw cannot("TINYINT");
  }

  @Override public short getShort() throws SQLException {
    throw cannot("SMALLINT");
  }

  @Override public UShort getUShort() throws SQLException {
    throw cannot("SMALLINT");
  }

  @Override public int getInt() throws SQLException {
    throw cannot("INTEGER");
  }

  @Override public UInteger getUInt() throws SQLException {
    throw cannot("INTEGER");
  }

  @Override public long getLong() throws SQLException {
    throw cannot("BIGINT");
  }

  @Override public ULong getULong() throws SQLException {
    throw cannot("BIGINT");
  }

  @Override public float getFloat() throws SQLException {
    throw cannot("REAL");
  }

  @Override public double getDouble() throws SQLException {
    throw cannot("DOUBLE");
  }

  @Override public BigDecimal getBigDecimal() throws SQLException {
    throw cannot("DECIMAL");
  }

  @Override public BigDecimal getBigDecimal(int scale) throws SQLException {
    throw cannot("DECIMAL");
  }

  @Override public byte[] getBytes() throws SQLException {
    throw cannot("bytes");
  }

  @Override public InputStream getAsciiStream() throws SQLException {
    throw cannot("a stream");
  }

  @Override public InputStream getUnicodeStream() throws SQLException {
    throw cannot("a stream");
  }

  @Override public InputStream getBinaryStream() throws SQLException {
    throw cannot("a stream");
  }

  @Override public Ref getRef() throws SQLException {
    throw cannot("REF");
  }

  @Override public Blob getBlob() throws SQLException {
    throw cannot("BLOB");
  }

  @Override public Clob getClob() throws SQLException {
    throw cannot("CLOB");
  }

  @Override public Array getArray() throws SQLException {
    throw cannot("ARRAY");
  }

  @Override public Struct getStruct() throws SQLException {
    throw cannot("STRUCT");
  }

  @Override public Date getDate(Calendar calendar) throws SQLException {
    throw cannot("DATE");
  }

  @Override public Time getTime(Calendar calendar) throws SQLException {
    throw cannot("TIME");
  }

  @Override public Timestamp getTimestamp(Calendar calendar) throws SQLException {
    throw cannot("TIMESTAMP");
  }

  @Override public URL getURL() throws SQLException {
    throw cannot("URL");
  }

  @Override public NClob getNClob() throws SQLException {
    throw cannot("NCLOB");
  }

  @Override public SQLXML getSQLXML() throws SQLException {
    throw cannot("SQLXML");
  }
}

package dev.azimuth.storage.rocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.ColumnType;
import dev.azimuth.storage.TableDef;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowCodecTest {
  static final TableDef TABLE = new TableDef(7, "T", List.of(
      new ColumnDef(1, "ID", ColumnType.BIGINT, -1, -1, false),
      new ColumnDef(2, "B", ColumnType.BOOLEAN, -1, -1, true),
      new ColumnDef(3, "I", ColumnType.INTEGER, -1, -1, true),
      new ColumnDef(4, "R", ColumnType.REAL, -1, -1, true),
      new ColumnDef(5, "D", ColumnType.DOUBLE, -1, -1, true),
      new ColumnDef(6, "M", ColumnType.DECIMAL, 10, 2, true),
      new ColumnDef(7, "S", ColumnType.VARCHAR, -1, -1, true),
      new ColumnDef(8, "DT", ColumnType.DATE, -1, -1, true),
      new ColumnDef(9, "TS", ColumnType.TIMESTAMP, -1, -1, true),
      new ColumnDef(10, "V", ColumnType.VECTOR, 3, -1, true),
      new ColumnDef(11, "W", ColumnType.VECTOR, 2, -1, true)), 0);

  @Test
  void roundTripsEveryScalarTypeAndRemembersVectorNulls() {
    Object[] row = {42L, true, -7, 1.5f, -2.25, new BigDecimal("-12345.67"), "héllo", 19000,
        1_700_000_000_123L, new float[] {1, 2, 3}, null};
    byte[] bytes = RowCodec.encode(TABLE, row, 3, 1_000_000);
    assertEquals(new RowCodec.Location(3, 1_000_000), RowCodec.location(bytes));
    boolean[] vectorNull = new boolean[row.length];
    Object[] back = RowCodec.decode(TABLE, bytes, vectorNull);
    for (int i = 0; i < 9; i++) {
      assertEquals(row[i], back[i], "column " + i);
    }
    assertNull(back[9], "vectors are not stored in the row");
    assertFalse(vectorNull[9]);
    assertTrue(vectorNull[10]);
  }

  @Test
  void nullsRoundTrip() {
    Object[] row = new Object[11];
    row[0] = -1L;
    Object[] back = RowCodec.decode(TABLE, RowCodec.encode(TABLE, row, 1, 0), new boolean[11]);
    assertArrayEquals(row, back);
  }
}

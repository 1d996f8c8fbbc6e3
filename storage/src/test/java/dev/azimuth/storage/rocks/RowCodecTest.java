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

  @Test
  void rowsStoredBeforeAColumnWasAddedOrDroppedReadByColumnId() {
    TableDef before = new TableDef(7, "T", List.of(
        new ColumnDef(1, "ID", ColumnType.BIGINT, -1, -1, false),
        new ColumnDef(2, "S", ColumnType.VARCHAR, -1, -1, true),
        new ColumnDef(3, "N", ColumnType.INTEGER, -1, -1, true)), 0);
    byte[] stored = RowCodec.encode(before, new Object[] {5L, "dropped", 9}, 1, 0);
    TableDef after = before.withColumns(List.of(before.columns().get(0),
        before.columns().get(2),
        new ColumnDef(4, "ADDED", ColumnType.VARCHAR, -1, -1, true, "'x'", "fill")), 0, 5);
    Object[] back = RowCodec.decode(after, stored, new boolean[3]);
    assertArrayEquals(new Object[] {5L, 9, "fill"}, back);
  }

  @Test
  void firstFormatRowsReadThroughTheLegacyLayout() {
    // Format 1: version 1, segment 2, ordinal 3, null bitmap (S is NULL), then ID and N.
    byte[] v1 = {1, 2, 3, 0b010, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7};
    v1[11] = 5;  // ID = 5, a plain big-endian int64
    TableDef legacy = new TableDef(7, "T", List.of(
        new ColumnDef(1, "ID", ColumnType.BIGINT, -1, -1, false),
        new ColumnDef(2, "S", ColumnType.VARCHAR, -1, -1, true),
        new ColumnDef(3, "N", ColumnType.INTEGER, -1, -1, true)), 0, 0, null, null);
    assertEquals(List.of(ColumnType.BIGINT, ColumnType.VARCHAR, ColumnType.INTEGER),
        legacy.legacyLayout(), "an entry without a layout was written before columns changed");
    assertArrayEquals(new Object[] {5L, null, 7},
        RowCodec.decode(legacy, v1, new boolean[3]));
    TableDef dropped = legacy.withColumns(List.of(legacy.columns().get(0),
        legacy.columns().get(2)), 0, 4);
    assertArrayEquals(new Object[] {5L, 7}, RowCodec.decode(dropped, v1, new boolean[2]));
  }
}

package dev.azimuth.storage.rocks;

import java.nio.ByteBuffer;

/**
 * Where things live in RocksDB; see storage/README.md for the full picture. Every data key
 * starts with the owning table's 8-byte id, so a table's data is one contiguous key range per
 * column family and DROP TABLE is a range delete. Stateless.
 */
final class Layout {
  static final String CF_CATALOG = "catalog";
  static final String CF_ROWS = "rows";
  static final String CF_SEGMENTS = "segments";
  static final String CF_DELETES = "deletes";

  /** Version of this layout, stored under {@link #FORMAT_KEY} in the default column family. */
  /**
   * 2: rows name their values by column id (RowCodec format 2), so columns can change. A
   * format-1 database is upgraded when opened (its rows stay as they are, readable).
   */
  static final int FORMAT_VERSION = 2;
  static final int OLDEST_READABLE_FORMAT = 1;
  static final byte[] FORMAT_KEY = bytes("azimuth.format");

  static final byte[] NEXT_TABLE_ID_KEY = bytes("next_table_id");
  static final byte TABLE_ENTRY = 'T';
  static final byte SEGMENT_LIST_ENTRY = 'S';
  static final byte INDEX_ENTRY = 'I';
  static final byte INDEX_STATE_ENTRY = 'X';
  static final byte VIEW_ENTRY = 'V';
  static final byte SCHEMA_ENTRY = 'N';
  static final byte[] NEXT_INDEX_ID_KEY = bytes("next_index_id");

  /** Part number of the primary key in a segment entry; vector columns use their column id. */
  static final short KEY_PART = 0;

  private Layout() {}

  static byte[] tablePrefix(long tableId) {
    return ByteBuffer.allocate(8).putLong(tableId).array();
  }

  /** The first key after every key of this table. */
  static byte[] tableEnd(long tableId) {
    return tablePrefix(tableId + 1);
  }

  static byte[] rowKey(long tableId, byte[] key) {
    return ByteBuffer.allocate(8 + key.length).putLong(tableId).put(key).array();
  }

  static byte[] segmentKey(long tableId, int segment, int ordinal, int part) {
    return ByteBuffer.allocate(18).putLong(tableId).putInt(segment).putInt(ordinal)
        .putShort((short) part).array();
  }

  static byte[] deleteKey(long tableId, int segment, int ordinal) {
    return ByteBuffer.allocate(16).putLong(tableId).putInt(segment).putInt(ordinal).array();
  }

  static byte[] catalogKey(long tableId) {
    return ByteBuffer.allocate(9).put(TABLE_ENTRY).putLong(tableId).array();
  }

  static byte[] segmentListKey(long tableId) {
    return ByteBuffer.allocate(9).put(SEGMENT_LIST_ENTRY).putLong(tableId).array();
  }

  static byte[] schemaKey(String name) {
    byte[] n = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return ByteBuffer.allocate(1 + n.length).put(SCHEMA_ENTRY).put(n).array();
  }

  static byte[] viewKey(String name) {
    byte[] n = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return ByteBuffer.allocate(1 + n.length).put(VIEW_ENTRY).put(n).array();
  }

  static byte[] indexKey(long indexId) {
    return ByteBuffer.allocate(9).put(INDEX_ENTRY).putLong(indexId).array();
  }

  static byte[] indexStatePrefix(long indexId) {
    return ByteBuffer.allocate(9).put(INDEX_STATE_ENTRY).putLong(indexId).array();
  }

  static byte[] indexStateKey(long indexId, int segment) {
    return ByteBuffer.allocate(13).put(INDEX_STATE_ENTRY).putLong(indexId).putInt(segment)
        .array();
  }

  static boolean hasPrefix(byte[] key, byte[] prefix) {
    if (key.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (key[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}

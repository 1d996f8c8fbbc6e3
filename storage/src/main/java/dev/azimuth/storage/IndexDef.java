package dev.azimuth.storage;

import static java.util.Objects.requireNonNull;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.index.graph.GraphOptions;
import dev.azimuth.index.text.TextIndexOptions;
import java.util.List;

/**
 * An index as the catalog keeps it: a vector index (one graph per sealed segment of its table,
 * {@code options} set), a FULLTEXT index (one BM25 inverted index per sealed segment,
 * {@code text} set) or a BTREE index on scalar columns (one sorted run of ordinals per sealed
 * segment, {@code keyColumns} set). Exactly one of the three is set.
 *
 * @param id         identifier, never reused; names the index's files
 * @param name       the index's name, unique in the database
 * @param tableId    the indexed table
 * @param column     index of the indexed column in the table's columns (VECTOR, or VARCHAR);
 *                   for a BTREE index its first key column
 * @param options    kind (HNSW, DISKANN), metric and build parameters of a vector index, or null
 * @param text       the analyzer of a FULLTEXT index, or null
 * @param keyColumns the key columns of a BTREE index, in key order (indexes in the table's
 *                   columns, the first being {@code column}), or null
 */
public record IndexDef(long id, String name, long tableId, int column, GraphOptions options,
    TextIndexOptions text, List<Integer> keyColumns) {
  /** The method name of FULLTEXT indexes, as SQL and {@code SYS.INDEXES} spell it. */
  public static final String FULLTEXT = "FULLTEXT";
  /** The method name of scalar indexes, as SQL and {@code SYS.INDEXES} spell it. */
  public static final String BTREE = "BTREE";

  /** Checks that exactly one kind of options is given. */
  public IndexDef {
    requireNonNull(name, "name");
    int kinds = (options == null ? 0 : 1) + (text == null ? 0 : 1)
        + (keyColumns == null ? 0 : 1);
    if (kinds != 1) {
      throw new StorageException(ErrorCode.INTERNAL_ERROR, "index " + name
          + " needs exactly one of graph options, text options and key columns, not " + kinds);
    }
    if (keyColumns != null) {
      keyColumns = List.copyOf(keyColumns);
      if (keyColumns.isEmpty() || keyColumns.get(0) != column) {
        throw new StorageException(ErrorCode.INTERNAL_ERROR, "index " + name
            + ": the first key column must be the index's column");
      }
    }
  }

  /** A vector index. */
  public IndexDef(long id, String name, long tableId, int column, GraphOptions options) {
    this(id, name, tableId, column, requireNonNull(options, "options"), null, null);
  }

  /** A FULLTEXT index. */
  public IndexDef(long id, String name, long tableId, int column, TextIndexOptions text) {
    this(id, name, tableId, column, null, requireNonNull(text, "text"), null);
  }

  /** A BTREE index on these columns, in key order. */
  public IndexDef(long id, String name, long tableId, List<Integer> keyColumns) {
    this(id, name, tableId, keyColumns.get(0), null, null, keyColumns);
  }

  /** Whether this is a FULLTEXT index. */
  public boolean fullText() {
    return text != null;
  }

  /** Whether this is a vector index (HNSW, DISKANN). */
  public boolean vector() {
    return options != null;
  }

  /** Whether this is a BTREE index on scalar columns. */
  public boolean sorted() {
    return keyColumns != null;
  }

  /** The method as SQL spells it: HNSW, DISKANN, FULLTEXT or BTREE. */
  public String method() {
    return text != null ? FULLTEXT : keyColumns != null ? BTREE : options.kind().name();
  }

  /** This index with other ids, e.g. for a truncated table's new incarnation. */
  public IndexDef renumbered(long newId, long newTableId) {
    return new IndexDef(newId, name, newTableId, column, options, text, keyColumns);
  }

  /**
   * This index after table column {@code dropped} is removed (columns after it move one
   * place left), or null if the index reads that column and goes with it.
   */
  public IndexDef withoutColumn(int dropped) {
    List<Integer> columns = keyColumns == null ? List.of(column) : keyColumns;
    if (columns.contains(dropped)) {
      return null;
    }
    List<Integer> shifted = columns.stream().map(c -> c > dropped ? c - 1 : c).toList();
    return new IndexDef(id, name, tableId, shifted.get(0), options, text,
        keyColumns == null ? null : shifted);
  }
}

package dev.azimuth.storage;

import static java.util.Objects.requireNonNull;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.index.graph.GraphOptions;
import dev.azimuth.index.text.TextIndexOptions;

/**
 * An index as the catalog keeps it: a vector index (one graph per sealed segment of its table,
 * {@code options} set) or a FULLTEXT index (one BM25 inverted index per sealed segment,
 * {@code text} set). Exactly one of the two is set.
 *
 * @param id      identifier, never reused; names the index's files
 * @param name    the index's name, unique in the database
 * @param tableId the indexed table
 * @param column  index of the indexed column in the table's columns (VECTOR, or VARCHAR)
 * @param options kind (HNSW, DISKANN), metric and build parameters of a vector index, or null
 * @param text    the analyzer of a FULLTEXT index, or null
 */
public record IndexDef(long id, String name, long tableId, int column, GraphOptions options,
    TextIndexOptions text) {
  /** The method name of FULLTEXT indexes, as SQL and {@code SYS.INDEXES} spell it. */
  public static final String FULLTEXT = "FULLTEXT";

  /** Checks that exactly one kind of options is given. */
  public IndexDef {
    requireNonNull(name, "name");
    if ((options == null) == (text == null)) {
      throw new StorageException(ErrorCode.INTERNAL_ERROR, "index " + name
          + " needs either graph options or text options, not " + (options == null ? "neither"
          : "both"));
    }
  }

  /** A vector index. */
  public IndexDef(long id, String name, long tableId, int column, GraphOptions options) {
    this(id, name, tableId, column, requireNonNull(options, "options"), null);
  }

  /** A FULLTEXT index. */
  public IndexDef(long id, String name, long tableId, int column, TextIndexOptions text) {
    this(id, name, tableId, column, null, requireNonNull(text, "text"));
  }

  /** Whether this is a FULLTEXT index rather than a vector index. */
  public boolean fullText() {
    return text != null;
  }

  /** The method as SQL spells it: HNSW, DISKANN or FULLTEXT. */
  public String method() {
    return text != null ? FULLTEXT : options.kind().name();
  }
}

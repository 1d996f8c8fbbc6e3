package dev.azimuth.storage;

import java.util.List;
import java.util.Optional;

/**
 * An open database: the catalog of tables and each table's data. Open one with
 * {@link dev.azimuth.storage.rocks.RocksDatabase#open}.
 *
 * <p>Thread-safe. DDL is serialized; each table serializes its own writers.
 */
public interface Database extends AutoCloseable {
  /** A number that changes whenever a table is created or dropped. */
  long catalogVersion();

  /** All tables, in creation order. */
  List<TableDef> tables();

  /** The store of the named table (exact name, as SQL resolved it). */
  Optional<TableStore> table(String name);

  /** The store of the table with this id, if it still exists. */
  Optional<TableStore> table(long id);

  /**
   * Creates a table durably.
   *
   * @param columns    columns in order; their ids are assigned here
   * @param primaryKey index of the key column
   * @throws StorageException DUPLICATE_TABLE if the name exists, INVALID_TABLE_DEFINITION if the
   *     definition breaks a rule (e.g. a key type that cannot be a key)
   */
  TableDef createTable(String name, List<ColumnDef> columns, int primaryKey);

  /**
   * {@link #createTable(String, List, int)} with UNIQUE constraints (and a primary key of
   * several columns, as a primary unique key over a hidden row id), given by column index.
   */
  TableDef createTable(String name, List<ColumnDef> columns, int primaryKey,
      List<UniqueKey> uniqueKeys);

  /**
   * Changes a table's definition durably, in one catalog write; stored rows are not rewritten.
   *
   * @return the new definition
   * @throws StorageException UNDEFINED_TABLE, UNDEFINED_COLUMN, DUPLICATE_COLUMN or
   *     DUPLICATE_TABLE for a name, NOT_NULL_VIOLATION when rows break SET NOT NULL (or an
   *     ADD COLUMN NOT NULL without DEFAULT on a table with rows), FEATURE_NOT_SUPPORTED for
   *     what cannot change (the primary key, a table's last column)
   */
  TableDef alterTable(String name, Alteration alteration);

  /**
   * Removes every row of a table durably, in one write, keeping its definition and indexes
   * (which become empty).
   *
   * @throws StorageException UNDEFINED_TABLE
   */
  void truncateTable(String name);

  /**
   * Creates a view durably, or with {@code replace} replaces the one of that name.
   *
   * @throws StorageException DUPLICATE_TABLE if a table has the name, or a view has it and
   *     {@code replace} is false
   */
  void createView(ViewDef view, boolean replace);

  /** Drops a view durably; returns false if there was no such view. */
  boolean dropView(String name);

  /** All views, by name. */
  List<ViewDef> views();

  /**
   * Creates a schema durably: a namespace for tables and views, which are then named
   * {@link SchemaNames#qualify schema.name} in the catalog.
   *
   * @throws StorageException DUPLICATE_SCHEMA if it exists (PUBLIC always does)
   */
  void createSchema(String name);

  /**
   * Drops a schema durably; with {@code cascade} its tables and views too.
   *
   * @return false if there was no such schema
   * @throws StorageException DEPENDENT_OBJECTS_STILL_EXIST if it holds any and not cascade
   */
  boolean dropSchema(String name, boolean cascade);

  /** The schemas created, besides PUBLIC, by name. */
  List<String> schemas();

  /** Drops a table and all its data durably; returns false if there was no such table. */
  boolean dropTable(String name);

  /**
   * Creates a vector index and returns once every row already in the table is indexed: the
   * growing segment is sealed first, then each sealed segment's graph is built (meanwhile
   * {@link #indexStates} shows the progress). Segments sealed later are indexed in the
   * background. If a build fails, the index is dropped again and the failure thrown.
   *
   * @param column index of a VECTOR column of the table
   * @throws StorageException DUPLICATE_OBJECT if the name is taken, UNDEFINED_TABLE,
   *     INVALID_PARAMETER_VALUE for a column or option the index cannot take
   */
  IndexDef createIndex(String name, String table, int column,
      dev.azimuth.index.graph.GraphOptions options);

  /**
   * Creates a FULLTEXT (BM25) index over a VARCHAR column and returns once every row already in
   * the table is indexed, exactly as {@link #createIndex} does for vectors: one inverted index
   * per sealed segment, built in the background for segments sealed later.
   *
   * @param column index of a VARCHAR column of the table
   * @throws StorageException DUPLICATE_OBJECT if the name is taken or the column already has a
   *     FULLTEXT index, UNDEFINED_TABLE, DATATYPE_MISMATCH for a column that is not VARCHAR
   */
  IndexDef createTextIndex(String name, String table, int column,
      dev.azimuth.index.text.TextIndexOptions options);

  /**
   * Creates a BTREE index on scalar columns and returns once every row already in the table is
   * indexed, as {@link #createIndex} does: one sorted run of ordinals per sealed segment (the
   * growing segment is searched by scanning it), built in the background for segments sealed
   * later.
   *
   * @param columns indexes of the key columns in the table, in key order; none a VECTOR
   * @throws StorageException DUPLICATE_OBJECT if the name is taken, UNDEFINED_TABLE,
   *     DATATYPE_MISMATCH for a VECTOR column, INVALID_PARAMETER_VALUE for a column named twice
   */
  IndexDef createSortedIndex(String name, String table, java.util.List<Integer> columns);

  /** Drops an index (of any kind) and its files; returns false if there was no such index. */
  boolean dropIndex(String name);

  /** All indexes, in creation order. */
  List<IndexDef> indexes();

  /** Each index's state on each sealed segment of its table. */
  List<IndexState> indexStates();

  /** Every segment of every table. */
  List<SegmentInfo> segments();

  /**
   * Takes a snapshot of every table, for one statement to read.
   *
   * @param forWrite whether the statement may write what it computes from it, passing the
   *     snapshot to {@link TableStore#apply(List, DatabaseSnapshot)}
   */
  DatabaseSnapshot snapshot(boolean forWrite);

  /** Starts a transaction; its snapshot is taken at its first read or write. */
  Transaction begin();

  /** Flushes and closes; the directory lock is released. Idempotent. */
  @Override
  void close();
}

package dev.azimuth.planner.schema;

import dev.azimuth.index.graph.GraphOptions;
import dev.azimuth.planner.copy.CopyRegistry;
import dev.azimuth.planner.runtime.ExecutionContext;
import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.Database;
import dev.azimuth.storage.IndexDef;
import dev.azimuth.storage.IndexState;
import dev.azimuth.storage.SegmentInfo;
import dev.azimuth.storage.TableDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code SYS}: read-only tables that show the engine's state as of the moment they are read.
 * {@code SYS.INDEXES} has a row per index and sealed segment (state BUILDING, READY, PENDING or
 * FAILED, with progress; for a FULLTEXT index the "vectors" columns count rows with text and
 * the metric is {@code bm25}); {@code SYS.SEGMENTS} a row per segment of every table;
 * {@code SYS.COPIES} a row per COPY running or recently finished, with its progress;
 * {@code SYS.COLUMNS} a row per column of every table, with its type and whether it is in the
 * primary key, at which place (JDBC's getPrimaryKeys and getIndexInfo read it, also over the
 * wire).
 */
public final class SystemSchema extends AbstractSchema {
  public static final String NAME = "SYS";

  private final Map<String, Table> tables;

  /** @param copies the engine's COPY statements, shown in {@code SYS.COPIES} */
  public SystemSchema(CopyRegistry copies) {
    tables = Map.of(
        "INDEXES", new SystemTable(SystemSchema::indexesType, SystemSchema::indexRows),
        "SEGMENTS", new SystemTable(SystemSchema::segmentsType, SystemSchema::segmentRows),
        "COPIES", new SystemTable(CopyRegistry::columns, db -> copies.rows()),
        "COLUMNS", new SystemTable(SystemSchema::columnsType, SystemSchema::columnRows),
        "INDEX_COLUMNS", new SystemTable(SystemSchema::indexColumnsType,
            SystemSchema::indexColumnRows));
  }

  @Override protected Map<String, Table> getTableMap() {
    return tables;
  }

  private static RelDataType indexesType(RelDataTypeFactory f) {
    return f.builder()
        .add("INDEX_NAME", SqlTypeName.VARCHAR).add("TABLE_NAME", SqlTypeName.VARCHAR)
        .add("COLUMN_NAME", SqlTypeName.VARCHAR).add("INDEX_TYPE", SqlTypeName.VARCHAR)
        .add("METRIC", SqlTypeName.VARCHAR).nullable(true).add("OPTIONS", SqlTypeName.VARCHAR)
        .add("SEGMENT", SqlTypeName.INTEGER).nullable(true)
        .add("STATE", SqlTypeName.VARCHAR)
        .add("INDEXED_VECTORS", SqlTypeName.BIGINT).add("TOTAL_VECTORS", SqlTypeName.BIGINT)
        .add("PROGRESS", SqlTypeName.DOUBLE)
        .add("MEMORY_BYTES", SqlTypeName.BIGINT)
        .add("ERROR", SqlTypeName.VARCHAR).nullable(true)
        .build();
  }

  private static List<Object[]> indexRows(Database db) {
    Map<Long, TableDef> tables = new HashMap<>();
    for (TableDef t : db.tables()) {
      tables.put(t.id(), t);
    }
    List<Object[]> rows = new ArrayList<>();
    Set<Long> withSegments = new HashSet<>();
    for (IndexState s : db.indexStates()) {
      withSegments.add(s.index().id());
      rows.add(indexRow(s.index(), tables.get(s.index().tableId()), s.segment(),
          s.phase().name(), s.done(), s.total(), s.memoryBytes(), s.error()));
    }
    // An index of a table with no sealed segment yet has nothing to build: it is ready.
    for (IndexDef index : db.indexes()) {
      if (!withSegments.contains(index.id())) {
        rows.add(indexRow(index, tables.get(index.tableId()), null, "READY", 0, 0, 0, null));
      }
    }
    return rows;
  }

  private static Object[] indexRow(IndexDef index, TableDef table, Integer segment,
      String state, long done, long total, long memoryBytes, String error) {
    GraphOptions o = index.options();
    String options = index.fullText() ? "analyzer=" + index.text().analyzer()
        : index.sorted() ? ""
        : "m=" + o.m() + ", ef_construction=" + o.efConstruction()
            + (o.pqSubspaces() > 0 ? ", pq_subspaces=" + o.pqSubspaces() : "");
    double progress = total == 0 ? 100.0 : Math.round(1000.0 * done / total) / 10.0;
    List<Integer> keyColumns = index.sorted() ? index.keyColumns() : List.of(index.column());
    String columns = table == null ? null : String.join(", ", keyColumns.stream()
        .map(c -> table.columns().get(c).name()).toList());
    return new Object[] {index.name(), table == null ? null : table.name(), columns,
        index.method(), index.fullText() ? "bm25" : index.sorted() ? null : metricName(o),
        options, segment, state, done, total, progress, memoryBytes, error};
  }

  private static String metricName(GraphOptions o) {
    return switch (o.metric()) {
      case L2 -> "l2";
      case COSINE -> "cosine";
      case NEGATIVE_DOT -> "ip";
      case L1 -> "l1";
    };
  }

  private static RelDataType indexColumnsType(RelDataTypeFactory f) {
    return f.builder()
        .add("INDEX_NAME", SqlTypeName.VARCHAR).add("TABLE_NAME", SqlTypeName.VARCHAR)
        .add("COLUMN_NAME", SqlTypeName.VARCHAR).add("ORDINAL_POSITION", SqlTypeName.INTEGER)
        .add("INDEX_TYPE", SqlTypeName.VARCHAR)
        .build();
  }

  /** One row per key column of each index (a vector or FULLTEXT index has one). */
  private static List<Object[]> indexColumnRows(Database db) {
    Map<Long, TableDef> tables = new HashMap<>();
    for (TableDef t : db.tables()) {
      tables.put(t.id(), t);
    }
    List<Object[]> rows = new ArrayList<>();
    for (IndexDef index : db.indexes()) {
      TableDef table = tables.get(index.tableId());
      if (table == null) {
        continue;
      }
      List<Integer> keyColumns = index.sorted() ? index.keyColumns() : List.of(index.column());
      for (int i = 0; i < keyColumns.size(); i++) {
        rows.add(new Object[] {index.name(), table.name(),
            table.columns().get(keyColumns.get(i)).name(), i + 1, index.method()});
      }
    }
    return rows;
  }

  private static RelDataType segmentsType(RelDataTypeFactory f) {
    return f.builder()
        .add("TABLE_NAME", SqlTypeName.VARCHAR).add("SEGMENT", SqlTypeName.INTEGER)
        .add("STATE", SqlTypeName.VARCHAR).add("TOTAL_ROWS", SqlTypeName.BIGINT)
        .add("LIVE_ROWS", SqlTypeName.BIGINT).add("DELETED_ROWS", SqlTypeName.BIGINT)
        .build();
  }

  private static List<Object[]> segmentRows(Database db) {
    List<Object[]> rows = new ArrayList<>();
    for (SegmentInfo s : db.segments()) {
      rows.add(new Object[] {s.table(), s.segment(),
          s.sealed() ? "SEALED" : "GROWING", (long) s.rows(),
          (long) (s.rows() - s.deleted()), (long) s.deleted()});
    }
    return rows;
  }

  private static RelDataType columnsType(RelDataTypeFactory f) {
    return f.builder()
        .add("TABLE_NAME", SqlTypeName.VARCHAR).add("COLUMN_NAME", SqlTypeName.VARCHAR)
        .add("ORDINAL_POSITION", SqlTypeName.INTEGER).add("DATA_TYPE", SqlTypeName.VARCHAR)
        .add("NULLABLE", SqlTypeName.BOOLEAN).add("PRIMARY_KEY", SqlTypeName.BOOLEAN)
        .add("KEY_SEQ", SqlTypeName.INTEGER).nullable(true)
        .build();
  }

  private static List<Object[]> columnRows(Database db) {
    List<Object[]> rows = new ArrayList<>();
    for (TableDef t : db.tables()) {
      int position = 0;
      int[] key = t.primaryKeyColumns();
      for (int i : t.visibleColumns()) {
        ColumnDef c = t.columns().get(i);
        Integer seq = null;
        for (int k = 0; k < key.length; k++) {
          if (key[k] == i) {
            seq = k + 1;
          }
        }
        rows.add(new Object[] {t.name(), c.name(), ++position, c.sqlType(), c.nullable(),
            seq != null, seq});
      }
    }
    return rows;
  }

  /** A table whose rows are computed from the database each time it is scanned. */
  static final class SystemTable extends AbstractTable implements ScannableTable {
    private final Function<RelDataTypeFactory, RelDataType> type;
    private final Function<Database, List<Object[]>> rows;

    SystemTable(Function<RelDataTypeFactory, RelDataType> type,
        Function<Database, List<Object[]>> rows) {
      this.type = type;
      this.rows = rows;
    }

    @Override public RelDataType getRowType(RelDataTypeFactory typeFactory) {
      return type.apply(typeFactory);
    }

    @Override public Enumerable<Object[]> scan(DataContext root) {
      return Linq4j.asEnumerable(rows.apply(((ExecutionContext) root).database()));
    }
  }
}

package dev.azimuth.planner.prepare;

import org.apache.calcite.sql.SqlIdentifier;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.index.Metric;
import dev.azimuth.index.graph.GraphKind;
import dev.azimuth.index.graph.GraphOptions;
import dev.azimuth.index.text.TextIndexOptions;
import dev.azimuth.storage.IndexDef;
import dev.azimuth.planner.PlanningException;
import dev.azimuth.sql.ddl.SqlCreateIndex;
import dev.azimuth.storage.Database;
import dev.azimuth.storage.TableDef;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CREATE INDEX: turns the written method and {@code WITH} options into {@link GraphOptions} (HNSW,
 * DISKANN) or {@link TextIndexOptions} (FULLTEXT), or the columns into a BTREE index (the
 * method when none is written), and asks storage to build. Graph options:
 * {@code metric} ('l2', 'cosine', 'ip'; default 'l2', as pgvector's default operator class),
 * {@code m} (16), {@code ef_construction} (100), and for DISKANN {@code pq_subspaces}
 * (automatic). FULLTEXT options: {@code analyzer} ('standard', 'english', 'simple',
 * 'whitespace'; default 'standard'). Stateless.
 */
final class IndexDdl {
  private IndexDdl() {}

  static void create(Database db, SqlCreateIndex create) {
    String name = create.name().getSimple();
    String table = DdlExecutor.tableName(db, create.table());
    if (db.indexes().stream().anyMatch(i -> i.name().equals(name))) {
      if (create.ifNotExists) {
        return;
      }
      throw new PlanningException(ErrorCode.DUPLICATE_OBJECT, "index " + name + " already exists");
    }
    TableDef def = db.table(table).orElseThrow(() -> new PlanningException(
        ErrorCode.UNDEFINED_TABLE, "table " + table + " does not exist")).definition();
    List<Integer> columns = new java.util.ArrayList<>();
    for (SqlIdentifier id : create.columns()) {
      String columnName = id.getSimple();
      int c = def.indexOf(columnName);
      if (c < 0) {
        c = indexIgnoringCase(def, columnName);
      }
      if (c < 0 || def.columns().get(c).name().equals(TableDef.HIDDEN_KEY)) {
        throw new PlanningException(ErrorCode.UNDEFINED_COLUMN,
            "column " + columnName + " does not exist in table " + table);
      }
      columns.add(c);
    }
    String method = create.method().getSimple();
    if (method.equalsIgnoreCase(IndexDef.BTREE)) {
      if (!create.options().isEmpty()) {
        throw new PlanningException(ErrorCode.INVALID_PARAMETER_VALUE, "unknown index option "
            + create.options().keySet().iterator().next() + "; BTREE indexes take no options");
      }
      db.createSortedIndex(name, def.name(), columns);
      return;
    }
    if (columns.size() > 1) {
      throw new PlanningException(ErrorCode.FEATURE_NOT_SUPPORTED, method.toUpperCase(
          Locale.ROOT) + " indexes take one column; an index of several columns is a BTREE");
    }
    int column = columns.get(0);
    if (method.equalsIgnoreCase(IndexDef.FULLTEXT)) {
      db.createTextIndex(name, def.name(), column, textOptions(create));
    } else {
      db.createIndex(name, def.name(), column, options(create));
    }
  }

  static TextIndexOptions textOptions(SqlCreateIndex create) {
    TextIndexOptions options = TextIndexOptions.DEFAULT;
    for (Map.Entry<String, Object> option : create.options().entrySet()) {
      if (!option.getKey().equals("analyzer") || !(option.getValue() instanceof String name)) {
        throw new PlanningException(ErrorCode.INVALID_PARAMETER_VALUE, option.getKey()
            .equals("analyzer") ? "index option analyzer must be a string, e.g. analyzer = "
            + "'english'; got " + option.getValue() : "unknown index option "
            + option.getKey() + "; FULLTEXT takes one option, analyzer");
      }
      options = new TextIndexOptions(name);
    }
    return options;
  }

  private static int indexIgnoringCase(TableDef def, String name) {
    for (int i = 0; i < def.columns().size(); i++) {
      if (def.columns().get(i).name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  static GraphOptions options(SqlCreateIndex create) {
    GraphKind kind = switch (create.method().getSimple().toUpperCase(Locale.ROOT)) {
      case "HNSW" -> GraphKind.HNSW;
      case "DISKANN" -> GraphKind.DISKANN;
      default -> throw new PlanningException(ErrorCode.UNDEFINED_OBJECT, "index method "
          + create.method().getSimple() + " does not exist; use BTREE, HNSW, DISKANN or FULLTEXT");
    };
    Metric metric = Metric.L2;
    int m = GraphOptions.DEFAULT_M;
    int efConstruction = GraphOptions.DEFAULT_EF_CONSTRUCTION;
    int pqSubspaces = 0;
    for (Map.Entry<String, Object> option : create.options().entrySet()) {
      Object value = option.getValue();
      switch (option.getKey()) {
        case "metric" -> metric = metric(value);
        case "m" -> m = integer("m", value);
        case "ef_construction" -> efConstruction = integer("ef_construction", value);
        case "pq_subspaces" -> pqSubspaces = integer("pq_subspaces", value);
        default -> throw new PlanningException(ErrorCode.INVALID_PARAMETER_VALUE,
            "unknown index option " + option.getKey()
                + "; options are metric, m, ef_construction and (DISKANN) pq_subspaces");
      }
    }
    return new GraphOptions(kind, metric, m, efConstruction, pqSubspaces);
  }

  private static Metric metric(Object value) {
    return switch (String.valueOf(value).toLowerCase(Locale.ROOT)) {
      case "l2", "euclidean" -> Metric.L2;
      case "cosine" -> Metric.COSINE;
      case "ip", "inner_product", "dot" -> Metric.NEGATIVE_DOT;
      default -> throw new PlanningException(ErrorCode.INVALID_PARAMETER_VALUE,
          "unknown metric '" + value + "'; use 'l2', 'cosine' or 'ip'");
    };
  }

  private static int integer(String option, Object value) {
    if (value instanceof BigDecimal n) {
      try {
        return n.intValueExact();
      } catch (ArithmeticException e) {
        // reported below
      }
    }
    throw new PlanningException(ErrorCode.INVALID_PARAMETER_VALUE,
        "index option " + option + " must be an integer, got " + value);
  }
}

package dev.azimuth.planner;

import dev.azimuth.planner.schema.AzimuthSchema;
import dev.azimuth.planner.schema.AzimuthTable;
import dev.azimuth.sql.type.AzimuthTypeFactory;
import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.ColumnType;
import dev.azimuth.storage.TableDef;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * Plans and compiles two representative top-k queries once per JVM, on a daemon thread started
 * when the first engine has opened, so that the first real query does not pay for loading and
 * compiling Calcite, Janino and our rules (over a second in a fresh JVM). The queries run against a
 * made-up table that no database holds, with their own caches, and are never executed: nothing
 * here touches storage, an engine or its locks, so an engine closing meanwhile is of no concern.
 * System property {@code azimuth.warmup=false} turns it off. Thread-safe.
 */
final class PlanWarmUp {
  private static final AtomicBoolean STARTED = new AtomicBoolean();
  private static final String TABLE = "AZIMUTH$WARM_UP";
  private static final List<String> QUERIES = List.of(
      "SELECT id FROM " + TABLE + " ORDER BY v <-> '[1,2,3,4]' LIMIT 10",
      "SELECT id, name, v <=> '[1,2,3,4]' AS d FROM " + TABLE
          + " WHERE n < 10 AND name <> 'x' ORDER BY d LIMIT 5");

  private PlanWarmUp() {}

  static void startOnce() {
    if (Boolean.parseBoolean(System.getProperty("azimuth.warmup", "true"))
        && STARTED.compareAndSet(false, true)) {
      Thread thread = new Thread(PlanWarmUp::run, "azimuth-plan-warm-up");
      thread.setDaemon(true);
      thread.start();
    }
  }

  private static void run() {
    TableDef def = new TableDef(-1, TABLE, List.of(
        new ColumnDef(0, "ID", ColumnType.BIGINT, -1, -1, false),
        new ColumnDef(1, "N", ColumnType.INTEGER, -1, -1, true),
        new ColumnDef(2, "NAME", ColumnType.VARCHAR, -1, -1, true),
        new ColumnDef(3, "V", ColumnType.VECTOR, 4, -1, true)), 0);
    Map<String, Table> tables = Map.of(TABLE, new AzimuthTable(def, List.of(), () -> 1000));
    CalciteSchema root = CalciteSchema.createRootSchema(false, false);
    root.add(AzimuthSchema.NAME, new AbstractSchema() {
      @Override protected Map<String, Table> getTableMap() {
        return tables;
      }
    });
    StatementPreparer preparer = new StatementPreparer(new AzimuthTypeFactory(), root, 0,
        new ShapeCache(QUERIES.size()), new LongAdder());
    Session session = new Session(TimeZone.getDefault(), false, () -> {
      throw new IllegalStateException("warm-up plans only");
    });
    for (String sql : QUERIES) {
      try {
        preparer.prepare(sql, session);
      } catch (RuntimeException e) {
        // Only a head start: the first real query plans the same way and reports any problem.
      }
    }
  }
}

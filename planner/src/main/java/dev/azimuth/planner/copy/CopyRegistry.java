package dev.azimuth.planner.copy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The COPY statements of one engine: those running, and the last {@value #KEPT_FINISHED}
 * finished, for {@code SYS.COPIES}. Thread-safe.
 */
public final class CopyRegistry {
  private static final int KEPT_FINISHED = 32;

  private final AtomicLong nextId = new AtomicLong(1);
  private final Map<Long, CopyProgress> running = new ConcurrentSkipListMap<>();
  private final Deque<CopyProgress> finished = new ArrayDeque<>();

  /** Registers a COPY that starts now. */
  CopyProgress start(String table, String direction, String file, CopyFormat format) {
    CopyProgress p = new CopyProgress(nextId.getAndIncrement(), table, direction, file, format);
    running.put(p.id(), p);
    return p;
  }

  /** Moves a COPY that has finished or failed to the recent list. */
  void end(CopyProgress p) {
    running.remove(p.id());
    synchronized (finished) {
      finished.addLast(p);
      while (finished.size() > KEPT_FINISHED) {
        finished.removeFirst();
      }
    }
  }

  /** The columns of {@code SYS.COPIES}. */
  public static RelDataType columns(RelDataTypeFactory f) {
    return f.builder()
        .add("COPY_ID", SqlTypeName.BIGINT)
        .add("TABLE_NAME", SqlTypeName.VARCHAR).nullable(true)
        .add("DIRECTION", SqlTypeName.VARCHAR)
        .add("FILE", SqlTypeName.VARCHAR)
        .add("FORMAT", SqlTypeName.VARCHAR)
        .add("STATE", SqlTypeName.VARCHAR)
        .add("ROWS_DONE", SqlTypeName.BIGINT)
        .add("BYTES_READ", SqlTypeName.BIGINT)
        .add("BYTES_TOTAL", SqlTypeName.BIGINT).nullable(true)
        .add("PROGRESS", SqlTypeName.DOUBLE).nullable(true)
        .add("ROWS_PER_SECOND", SqlTypeName.DOUBLE)
        .add("STARTED_AT", SqlTypeName.TIMESTAMP)
        .add("ELAPSED_SECONDS", SqlTypeName.DOUBLE)
        .add("ERROR", SqlTypeName.VARCHAR).nullable(true)
        .build();
  }

  /** A row per COPY: finished ones first (oldest first), then the running ones. */
  public List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    synchronized (finished) {
      for (CopyProgress p : finished) {
        rows.add(p.row());
      }
    }
    for (CopyProgress p : running.values()) {
      rows.add(p.row());
    }
    return rows;
  }
}

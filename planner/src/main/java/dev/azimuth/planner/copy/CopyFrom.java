package dev.azimuth.planner.copy;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import dev.azimuth.planner.PlanningException;
import dev.azimuth.sql.ddl.SqlCopyFrom;
import dev.azimuth.storage.DuplicateKeyException;
import dev.azimuth.storage.RowValidator;
import dev.azimuth.storage.TableDef;
import dev.azimuth.storage.TableStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs {@code COPY table FROM 'file'}: reads rows, checks each against the table, and commits
 * them in batches of {@code BATCH_ROWS} (by default a segment's worth, which storage writes as
 * a sealed segment directly), each one atomic and durable before the next starts.
 * A failure stops the load; its message names the row and says exactly which rows were
 * committed before it (whole batches) and how to resume. Not thread-safe: one per statement.
 */
public final class CopyFrom {
  private final TableStore table;
  private final TableDef def;
  private final SqlCopyFrom copy;
  private final CopyOptions options;
  private final AtomicBoolean cancel;
  private final CopyProgress progress;
  private final int batchRows;
  private long committed;

  private CopyFrom(TableStore table, SqlCopyFrom copy, CopyOptions options,
      CopyProgress progress, AtomicBoolean cancel) {
    this.table = table;
    this.def = table.definition();
    this.copy = copy;
    this.options = options;
    this.progress = progress;
    this.cancel = cancel;
    this.batchRows = options.batchRows() > 0 ? options.batchRows() : table.segmentRows();
  }

  /**
   * Loads the file and returns the number of rows loaded.
   *
   * @throws AzimuthException naming the row and the rows committed before it
   */
  public static long run(CopyContext context, SqlCopyFrom copy, AtomicBoolean cancel) {
    TableStore table = context.table(copy.table());
    TableDef def = table.definition();
    Path file = context.directory().forReading(copy.path());
    CopyOptions options = CopyOptions.of(copy.options(), copy.path(), true);
    Path keys = options.keysPath() == null ? null
        : context.directory().forReading(options.keysPath());
    int[] listed = CopyColumns.listed(def, copy.columns());
    RowSource source;
    try {
      source = switch (options.format()) {
        case CSV -> new CsvSource(file, def, listed, options);
        case JSONL -> new JsonLinesSource(file, def, listed);
        case PARQUET -> new ParquetSource(file, def, listed);
        case FVECS, NPY -> new VectorSource(file, keys, def,
            CopyColumns.vectorColumn(def, listed), options);
      };
    } catch (IOException e) {
      throw new PlanningException(ErrorCode.IO_ERROR,
          "could not read '" + copy.path() + "': " + e.getMessage(), e);
    }
    CopyProgress progress = context.registry().start(def.name(), "FROM", copy.path(),
        options.format());
    try (source) {
      progress.bytesTotal(source.bytesTotal());
      long rows = new CopyFrom(table, copy, options, progress, cancel).load(source);
      progress.finished();
      return rows;
    } catch (AzimuthException e) {
      progress.failed(e.getMessage());
      throw e;
    } catch (IOException | RuntimeException e) {
      progress.failed(String.valueOf(e.getMessage()));
      throw new PlanningException(ErrorCode.IO_ERROR,
          "COPY " + def.name() + " could not read '" + copy.path() + "': " + e.getMessage(), e);
    } finally {
      context.registry().end(progress);
    }
  }

  private long load(RowSource source) throws IOException {
    long skipped = source.skip(options.skipRows());
    if (skipped < options.skipRows()) {
      return 0;
    }
    int width = def.columns().size();
    List<Object[]> batch = new ArrayList<>(Math.min(batchRows, 1 << 16));
    List<String> where = new ArrayList<>();
    Object[] row = new Object[width];
    while (true) {
      Arrays.fill(row, null);
      boolean more;
      try {
        more = source.next(row);
        if (more) {
          batch.add(RowValidator.validate(def, row));
          where.add(source.where());
        }
      } catch (AzimuthException e) {
        throw failure(e, source.where());
      }
      if (!more) {
        break;
      }
      if (batch.size() >= batchRows) {
        commit(batch, where);
        progress.bytesRead(source.bytesRead());
      } else if ((batch.size() & 1023) == 0) {
        progress.bytesRead(source.bytesRead());
        if (cancel.get()) {
          throw failure(new PlanningException(ErrorCode.QUERY_CANCELED, "statement cancelled"),
              source.where());
        }
      }
    }
    progress.bytesRead(source.bytesRead());
    commit(batch, where);
    return committed;
  }

  private void commit(List<Object[]> batch, List<String> where) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      table.insertBatch(batch);
    } catch (DuplicateKeyException e) {
      throw failure(e, where.get(e.row()));
    } catch (AzimuthException e) {
      throw failure(e, where.get(0) + " (writing the batch that starts there)");
    }
    committed += batch.size();
    progress.rowsDone(committed);
    batch.clear();
    where.clear();
  }

  private PlanningException failure(AzimuthException cause, String where) {
    String format = options.format().name().toLowerCase(Locale.ROOT);
    StringBuilder m = new StringBuilder("COPY ").append(def.name()).append(" FROM '")
        .append(copy.path()).append("' (").append(format).append(") failed at ").append(where)
        .append(": ").append(cause.getMessage()).append(". ");
    long first = options.skipRows() + 1;
    if (committed == 0) {
      m.append("No row was committed");
      if (options.skipRows() > 0) {
        m.append(" (the first ").append(options.skipRows()).append(" data rows were skipped)");
      }
      m.append('.');
    } else {
      m.append(committed).append(committed == 1 ? " row was" : " rows were")
          .append(" committed before the failure: data rows ").append(first).append('-')
          .append(options.skipRows() + committed).append(" of the file; no row after them was"
              + " loaded. To resume once the file is fixed, run the COPY again WITH (SKIP_ROWS ")
          .append(options.skipRows() + committed).append(").");
    }
    return new PlanningException(cause.code(), m.toString(), cause);
  }
}

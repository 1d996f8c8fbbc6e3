package dev.azimuth.planner.copy;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import dev.azimuth.planner.PlanningException;
import dev.azimuth.planner.Prepared;
import dev.azimuth.planner.QueryResult;
import dev.azimuth.sql.ddl.SqlCopyTo;
import dev.azimuth.storage.TableDef;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs {@code COPY table TO 'file'} and {@code COPY (query) TO 'file'}: the query runs like any
 * other, its rows go to a temporary file beside the target, which is synced and then renamed
 * over it, so the file is either the whole result or left as it was. Not thread-safe.
 */
public final class CopyTo {
  private CopyTo() {}

  /** Writes the rows and returns how many were written. */
  public static long run(CopyContext context, SqlCopyTo copy, String statement,
      AtomicBoolean cancel) {
    Path target = context.directory().forWriting(copy.path());
    CopyOptions options = CopyOptions.of(copy.options(), copy.path(), false);
    String sql;
    String tableName = null;
    if (copy.query() != null) {
      sql = copy.queryText(statement);
    } else {
      TableDef def = context.table(copy.table()).definition();
      tableName = def.name();
      sql = selectAll(def, CopyColumns.listed(def, copy.columns()),
          dev.azimuth.planner.schema.QualifiedName.sql(context.database(), def.name()));
    }
    Prepared prepared = context.prepare(sql);
    if (prepared.kind() != Prepared.Kind.QUERY) {
      throw new PlanningException(ErrorCode.INVALID_STATEMENT,
          "COPY (...) TO takes a query (SELECT, VALUES, ...), not " + sql.strip());
    }
    CopyProgress progress = context.registry().start(tableName, "TO", copy.path(),
        options.format());
    Path temp = null;
    try {
      temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      long rows;
      try (QueryResult result = context.execute(prepared);
           RowSink sink = sink(options, temp, prepared)) {
        rows = 0;
        while (result.hasNext()) {
          sink.write(result.next());
          rows++;
          if ((rows & 1023) == 0) {
            progress.rowsDone(rows);
            if (cancel.get()) {
              throw new PlanningException(ErrorCode.QUERY_CANCELED, "statement cancelled");
            }
          }
        }
        sink.finish();
      }
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      temp = null;
      progress.bytesRead(Files.size(target));
      progress.bytesTotal(Files.size(target));
      progress.rowsDone(rows);
      progress.finished();
      return rows;
    } catch (AzimuthException e) {
      progress.failed(e.getMessage());
      throw new PlanningException(e.code(), "COPY TO '" + copy.path() + "' failed: "
          + e.getMessage() + ". The file was not written.", e);
    } catch (IOException e) {
      progress.failed(e.toString());
      throw new PlanningException(ErrorCode.IO_ERROR, "COPY TO '" + copy.path()
          + "' could not write the file: " + e + ". The file was not written.", e);
    } finally {
      context.registry().end(progress);
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // A stray temporary file, named after the target; nothing else to do about it.
        }
      }
    }
  }

  private static RowSink sink(CopyOptions options, Path file, Prepared prepared)
      throws IOException {
    return switch (options.format()) {
      case CSV -> new CsvSink(file, prepared.columns(), options);
      case JSONL -> new JsonLinesSink(file, prepared.columns());
      case FVECS, NPY -> new VectorSink(file, prepared.columns(), options.format());
      case PARQUET -> throw new AssertionError("checked by CopyOptions");
    };
  }

  private static String selectAll(TableDef def, int[] listed, String table) {
    List<String> names = new ArrayList<>();
    if (listed == null) {
      for (int c : def.visibleColumns()) {
        names.add(quote(def.columns().get(c).name()));
      }
    } else {
      for (int c : listed) {
        names.add(quote(def.columns().get(c).name()));
      }
    }
    return "SELECT " + String.join(", ", names) + " FROM " + table;
  }

  private static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}

package dev.azimuth.planner.runtime;

import dev.azimuth.storage.RowChange;
import dev.azimuth.storage.RowValidator;
import dev.azimuth.storage.TableStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a JDBC batch of INSERT or UPSERT executions, held back so that the whole batch is
 * written as one atomic storage write instead of one per execution. Only statements that read
 * no table are held: a batch runs one prepared plan, so either every execution reads a table
 * (and none is held) or none does, and no read can miss a held row. Anything else flushes what
 * is held first. Confined to the thread running the batch.
 */
public final class BatchedWrites {
  private TableStore table;
  private final List<RowChange> changes = new ArrayList<>();

  /**
   * Takes a statement's changes if they can wait, returning true; otherwise writes what is held
   * (so that the statement sees it) and returns false.
   */
  boolean hold(TableStore target, List<RowChange> statement, boolean readsTables) {
    boolean insertsOnly = statement.stream()
        .allMatch(c -> c instanceof RowChange.Insert || c instanceof RowChange.Upsert);
    if (readsTables || !insertsOnly || table != null && table != target) {
      flush();
      if (readsTables || !insertsOnly) {
        return false;
      }
    }
    table = target;
    changes.addAll(statement);
    return true;
  }

  /** Writes the held rows as one atomic write; nothing is held afterwards, even if it fails. */
  public void flush() {
    if (changes.isEmpty()) {
      return;
    }
    try {
      if (changes.stream().allMatch(c -> c instanceof RowChange.Insert)) {
        List<Object[]> rows = new ArrayList<>(changes.size());
        for (RowChange c : changes) {
          rows.add(RowValidator.validate(table.definition(), ((RowChange.Insert) c).row()));
        }
        table.insertBatch(rows);
      } else {
        table.apply(changes);
      }
    } finally {
      changes.clear();
      table = null;
    }
  }
}

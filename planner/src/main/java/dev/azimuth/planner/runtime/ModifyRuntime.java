package dev.azimuth.planner.runtime;

import dev.azimuth.storage.RowChange;
import dev.azimuth.storage.TableDef;
import dev.azimuth.storage.TableStore;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/** INSERT, UPDATE, DELETE and UPSERT for generated code. */
public final class ModifyRuntime {
  private ModifyRuntime() {}

  /**
   * Reads every input row first, then applies them as one atomic write, so a statement that
   * reads the table it writes sees the table as it was before the statement. In a JDBC batch
   * ({@link ExecutionContext#batchedWrites}) the rows of an INSERT or UPSERT that reads no
   * table are held and written with the rest of the batch.
   *
   * @param operation     a {@code TableModify.Operation} name; MERGE means UPSERT
   * @param rows          INSERT/MERGE: full rows; DELETE: the old rows; UPDATE: the old row
   *                      followed by the new values of {@code updateColumns}
   * @param updateColumns for UPDATE, the table column each trailing value goes to
   * @return rows affected
   */
  public static long apply(DataContext root, long tableId, String operation,
      Enumerable<Object[]> rows, int[] updateColumns) {
    ExecutionContext context = (ExecutionContext) root;
    TableStore table = context.store(tableId);
    TableDef def = table.definition();
    int width = def.columns().size();
    int key = def.primaryKey();
    List<RowChange> changes = new ArrayList<>();
    try (Enumerator<Object[]> e = rows.enumerator()) {
      while (e.moveNext()) {
        Object[] row = e.current();
        changes.add(switch (operation) {
          case "INSERT" -> new RowChange.Insert(row);
          case "MERGE" -> new RowChange.Upsert(row);
          case "DELETE" -> new RowChange.Delete(row[key]);
          case "UPDATE" -> {
            Object[] updated = new Object[width];
            System.arraycopy(row, 0, updated, 0, width);
            for (int i = 0; i < updateColumns.length; i++) {
              updated[updateColumns[i]] = row[width + i];
            }
            yield new RowChange.Update(row[key], updated);
          }
          default -> throw new IllegalArgumentException(operation);
        });
        if (changes.size() % 4096 == 0) {
          context.checkCancelled();
        }
      }
    }
    if (changes.isEmpty()) {
      return 0;
    }
    BatchedWrites batch = context.batchedWrites();
    if (batch != null && !context.inTransaction()
        && batch.hold(table, changes, context.readsTables())) {
      return changes.size();
    }
    return context.write(table, changes);
  }
}

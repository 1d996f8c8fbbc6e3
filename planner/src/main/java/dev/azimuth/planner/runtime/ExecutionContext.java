package dev.azimuth.planner.runtime;

import static java.util.Objects.requireNonNull;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.planner.PlanningException;
import dev.azimuth.storage.Database;
import dev.azimuth.storage.DatabaseSnapshot;
import dev.azimuth.storage.ReadView;
import dev.azimuth.storage.RowChange;
import dev.azimuth.storage.TableStore;
import dev.azimuth.storage.Transaction;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Everything one execution of a statement sees: bound parameters, the clock, the cancel flag,
 * and one consistent read view per table, opened on first use and closed with the context. In
 * a transaction the views are the transaction's (its snapshot plus its own writes) and writes
 * go to it; otherwise the statement reads one snapshot of the database, taken at its first
 * read, and writes commit when the statement does, checked against that snapshot.
 * Generated code reaches it as Calcite's {@code root}. One execution at a time, but its
 * independent parts (a fusion's inputs) may read through it from several threads at once:
 * views are opened under a lock and are safe for concurrent reads.
 */
public final class ExecutionContext implements DataContext, AutoCloseable {
  private final Database database;
  private final SchemaPlus rootSchema;
  private final JavaTypeFactory typeFactory;
  private final Object[] parameters;
  private final AtomicBoolean cancelFlag;
  private final Map<String, Object> variables = new HashMap<>();
  private final Map<Long, ReadView> views = new HashMap<>();
  private final @Nullable Transaction transaction;
  private final boolean writes;
  private @Nullable DatabaseSnapshot snapshot;
  private final int efSearch;
  private final InputParallelism parallelInputs;
  private TextContext text;
  private @Nullable BatchedWrites batchedWrites;

  /**
   * @param efSearch       the session's beam width for index searches
   * @param parallelInputs whether independent inputs (of a fusion) run concurrently
   * @param transaction    the session's transaction, or null to run on its own
   * @param writes         whether the statement may write (its snapshot is then checked for
   *                       conflicts when it commits)
   */
  public ExecutionContext(Database database, SchemaPlus rootSchema,
      JavaTypeFactory typeFactory, Object[] parameters, AtomicBoolean cancelFlag,
      TimeZone timeZone, int efSearch, InputParallelism parallelInputs,
      @Nullable Transaction transaction, boolean writes) {
    this.transaction = transaction;
    this.writes = writes;
    this.efSearch = efSearch;
    this.parallelInputs = requireNonNull(parallelInputs, "parallelInputs");
    this.database = requireNonNull(database, "database");
    this.rootSchema = requireNonNull(rootSchema, "rootSchema");
    this.typeFactory = requireNonNull(typeFactory, "typeFactory");
    this.parameters = parameters.clone();
    this.cancelFlag = requireNonNull(cancelFlag, "cancelFlag");
    long now = System.currentTimeMillis();
    long offset = timeZone.getOffset(now);
    variables.put(Variable.UTC_TIMESTAMP.camelName, now);
    variables.put(Variable.CURRENT_TIMESTAMP.camelName, now + offset);
    variables.put(Variable.LOCAL_TIMESTAMP.camelName, now + offset);
    variables.put(Variable.TIME_ZONE.camelName, timeZone);
    variables.put(Variable.CANCEL_FLAG.camelName, cancelFlag);
  }

  @Override public SchemaPlus getRootSchema() {
    return rootSchema;
  }

  @Override public JavaTypeFactory getTypeFactory() {
    return typeFactory;
  }

  @Override public @Nullable QueryProvider getQueryProvider() {
    return null;
  }

  @Override public @Nullable Object get(String name) {
    if (name.startsWith("?")) {
      return parameters[Integer.parseInt(name.substring(1))];
    }
    return variables.get(name);
  }

  /** Makes INSERT and UPSERT hold their rows in {@code batch} rather than write them now. */
  public void holdWritesIn(@Nullable BatchedWrites batch) {
    this.batchedWrites = batch;
  }

  /** Where this execution's inserts wait for the rest of their JDBC batch, or null. */
  @Nullable BatchedWrites batchedWrites() {
    return batchedWrites;
  }

  /** Whether this execution has read any table so far. */
  boolean readsTables() {
    return !views.isEmpty();
  }

  /** Whether the statement runs inside a transaction, whose writes commit later. */
  boolean inTransaction() {
    return transaction != null;
  }

  /**
   * Writes a statement's changes: into the transaction, or, outside one, committed now and
   * checked against what the statement read.
   */
  public long write(TableStore table, List<RowChange> changes) {
    if (transaction != null) {
      return transaction.write(table, changes);
    }
    return table.apply(changes, snapshot);
  }

  /** The session's beam width for index searches. */
  public int efSearch() {
    return efSearch;
  }

  /** Whether independent inputs (of a fusion) run concurrently. */
  public InputParallelism parallelInputs() {
    return parallelInputs;
  }

  /** What this execution knows about the text columns it searches. */
  public synchronized TextContext text() {
    if (text == null) {
      text = new TextContext(this);
    }
    return text;
  }

  /** The database, for the system tables and the catalog of indexes. */
  public Database database() {
    return database;
  }

  /** The table's store; fails if it was dropped since the statement was planned. */
  public TableStore store(long tableId) {
    return database.table(tableId).orElseThrow(() -> new PlanningException(
        ErrorCode.UNDEFINED_TABLE, "the table this statement uses was dropped"));
  }

  /** This execution's view of a table: the same one every time it is asked for. */
  public synchronized ReadView view(long tableId) {
    ReadView view = views.get(tableId);
    if (view == null) {
      TableStore store = store(tableId);
      if (transaction != null) {
        view = transaction.view(store);
      } else {
        if (snapshot == null) {
          snapshot = database.snapshot(writes);
        }
        view = snapshot.view(store);
      }
      views.put(tableId, view);
    }
    return view;
  }

  /** Throws if the statement was cancelled; long loops call this now and then. */
  public void checkCancelled() {
    if (cancelFlag.get()) {
      throw new PlanningException(ErrorCode.QUERY_CANCELED, "statement cancelled");
    }
  }

  @Override public synchronized void close() {
    if (transaction != null) {
      for (ReadView v : views.values()) {
        v.close();
      }
    }
    views.clear();
    if (snapshot != null) {
      snapshot.close();
      snapshot = null;
    }
  }
}

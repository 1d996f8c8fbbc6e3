package dev.azimuth.planner;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.planner.runtime.InputParallelism;
import dev.azimuth.storage.Transaction;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.Supplier;

/**
 * One connection's state: what a statement's meaning may depend on besides its text, the
 * settings {@code SET} changes, and its transaction. Confined to the connection's thread of use.
 *
 * <p>With auto-commit on (the default) each statement commits when it completes, unless BEGIN
 * opened a transaction block; with it off, the first statement opens a transaction that lasts
 * until {@link #commit} or {@link #rollback}.
 */
public final class Session {
  /** The beam width of index searches when neither SET nor a hint says otherwise. */
  public static final int DEFAULT_EF_SEARCH = 40;
  private static final int MAX_EF_SEARCH = 10_000;

  private final TimeZone timeZone;
  private final boolean readOnly;
  private final Supplier<Transaction> begin;
  private boolean autoCommit = true;
  private SessionTransaction transaction;
  private int efSearch = DEFAULT_EF_SEARCH;
  private InputParallelism fusionParallel = InputParallelism.ALWAYS;
  /** The JDBC batch being executed, whose inserts are held until its end; null otherwise. */
  private dev.azimuth.planner.runtime.BatchedWrites batch;

  /** @param begin starts a storage transaction */
  Session(TimeZone timeZone, boolean readOnly, Supplier<Transaction> begin) {
    this.timeZone = timeZone;
    this.readOnly = readOnly;
    this.begin = begin;
  }

  /** Whether each statement outside a BEGIN block commits on its own. */
  public boolean autoCommit() {
    return autoCommit;
  }

  /**
   * Turns auto-commit on or off. Turning it on commits the open transaction, as JDBC's
   * {@code setAutoCommit(true)} does.
   *
   * @throws dev.azimuth.common.AzimuthException if that commit fails (the transaction is then
   *     rolled back) and auto-commit stays as it was
   */
  public void autoCommit(boolean on) {
    if (on && !autoCommit) {
      commit();
    }
    autoCommit = on;
  }

  /** Whether a transaction is open: a BEGIN block, or work done with auto-commit off. */
  public boolean inTransaction() {
    return transaction != null;
  }

  /** Whether a statement that commits on its own (DDL, COPY FROM) may not run now. */
  boolean transactionBlocksDdl() {
    return transaction != null || !autoCommit;
  }

  /** The open transaction, or null. */
  SessionTransaction transaction() {
    return transaction;
  }

  /** Opens a transaction block (BEGIN). */
  SessionTransaction beginBlock() {
    transaction = new SessionTransaction(begin.get(), true);
    return transaction;
  }

  /**
   * The transaction a statement other than transaction control runs in: the open one, one
   * opened now because auto-commit is off, or null when the statement commits on its own.
   */
  SessionTransaction transactionForStatement() {
    if (transaction == null && !autoCommit) {
      transaction = new SessionTransaction(begin.get(), false);
    }
    return transaction;
  }

  /**
   * The transaction SAVEPOINT and SET TRANSACTION act on: the open one, or with auto-commit off
   * one opened now; null in auto-commit mode outside a block.
   */
  SessionTransaction transactionForControl() {
    return transactionForStatement();
  }

  /**
   * Commits the open transaction, if any; it ends either way.
   *
   * @throws dev.azimuth.common.AzimuthException 40001 if another transaction committed a write
   *     to a row this one wrote since it began (nothing of it was written)
   */
  public void commit() {
    SessionTransaction t = transaction;
    transaction = null;
    if (t != null) {
      t.storage().commit();
    }
  }

  /** Ends the open transaction, if any, forgetting everything it wrote. */
  public void rollback() {
    SessionTransaction t = transaction;
    transaction = null;
    if (t != null) {
      t.storage().close();
    }
  }

  /** Rolls back what is open: the connection is closing. */
  public void close() {
    rollback();
  }

  /**
   * Whether this session may only read: the engine refuses its DDL and DML (42501). Fixed when
   * the session is made, so nothing the session runs can lift it.
   */
  public boolean readOnly() {
    return readOnly;
  }

  dev.azimuth.planner.runtime.BatchedWrites batch() {
    return batch;
  }

  void batch(dev.azimuth.planner.runtime.BatchedWrites batch) {
    this.batch = batch;
  }

  /** The zone CURRENT_TIMESTAMP and friends are reported in. */
  public TimeZone timeZone() {
    return timeZone;
  }

  /** Candidates an index search keeps while walking the graph (more: better recall, slower). */
  public int efSearch() {
    return efSearch;
  }

  /** Whether a fusion's inputs run concurrently, one after the other, or as the load allows. */
  public InputParallelism fusionParallel() {
    return fusionParallel;
  }

  /**
   * Applies {@code SET name = value}; a null value resets the setting.
   *
   * @throws PlanningException for an unknown setting (42704) or a bad value (22023)
   */
  public void set(String name, Object value) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "ef_search" -> efSearch = value == null ? DEFAULT_EF_SEARCH
          : checkedEfSearch(value);
      case "fusion_parallel" -> fusionParallel = value == null ? InputParallelism.ALWAYS
          : checkedParallelism(name, value);
      default -> throw new PlanningException(ErrorCode.UNDEFINED_OBJECT,
          "unrecognized setting " + name + "; settable: ef_search, fusion_parallel");
    }
  }

  /** The value of a setting, as SHOW would print it. */
  public String get(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "ef_search" -> Integer.toString(efSearch);
      case "fusion_parallel" -> switch (fusionParallel) {
        case AUTO -> "auto";
        case ALWAYS -> "true";
        case NEVER -> "false";
      };
      default -> throw new PlanningException(ErrorCode.UNDEFINED_OBJECT,
          "unrecognized setting " + name);
    };
  }

  private static InputParallelism checkedParallelism(String name, Object value) {
    if (value instanceof Boolean b) {
      return b ? InputParallelism.ALWAYS : InputParallelism.NEVER;
    }
    return switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
      case "true", "on" -> InputParallelism.ALWAYS;
      case "false", "off" -> InputParallelism.NEVER;
      case "auto", "default" -> InputParallelism.AUTO;
      default -> throw new PlanningException(ErrorCode.INVALID_PARAMETER_VALUE,
          name + " must be true, false or auto, got '" + value + "'");
    };
  }

  /**
   * An ef_search value as SET, the connection property and the ANN hint give it.
   *
   * @throws PlanningException (22023) unless it is an integer in 1..10000
   */
  public static int checkedEfSearch(Object value) {
    long n;
    try {
      n = value instanceof Number num ? num.longValue()
          : Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new PlanningException(ErrorCode.INVALID_PARAMETER_VALUE,
          "ef_search must be an integer, got '" + value + "'");
    }
    if (n < 1 || n > MAX_EF_SEARCH) {
      throw new PlanningException(ErrorCode.INVALID_PARAMETER_VALUE,
          "ef_search must be between 1 and " + MAX_EF_SEARCH + ", got " + n);
    }
    return (int) n;
  }
}

package dev.azimuth.planner;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import dev.azimuth.planner.copy.CopyContext;
import dev.azimuth.planner.copy.CopyFrom;
import dev.azimuth.planner.copy.CopyRegistry;
import dev.azimuth.planner.copy.CopyTo;
import dev.azimuth.planner.copy.ImportDirectory;
import dev.azimuth.planner.prepare.ErrorTranslator;
import dev.azimuth.planner.runtime.BatchedWrites;
import dev.azimuth.planner.runtime.ExecutionContext;
import dev.azimuth.planner.schema.AzimuthSchema;
import dev.azimuth.planner.schema.SystemSchema;
import dev.azimuth.sql.ddl.SqlCopy;
import dev.azimuth.sql.ddl.SqlCopyFrom;
import dev.azimuth.sql.ddl.SqlCopyTo;
import dev.azimuth.sql.parser.AzimuthSqlParser;
import dev.azimuth.sql.type.AzimuthTypeFactory;
import dev.azimuth.storage.Database;
import dev.azimuth.storage.StorageOptions;
import dev.azimuth.storage.TableDef;
import dev.azimuth.storage.rocks.RocksDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.apache.calcite.jdbc.CalciteSchema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An open database with its SQL engine: the entry point for everything above the planner.
 * Thread-safe: many sessions may prepare and execute at once.
 */
public final class Engine implements AutoCloseable {
  private static final int PLAN_CACHE_SIZE = 512;
  private static final int SHAPE_CACHE_SIZE = 256;

  private final Database database;
  private final AzimuthTypeFactory typeFactory = new AzimuthTypeFactory();
  private final PlanCache planCache = new PlanCache(PLAN_CACHE_SIZE);
  private final ShapeCache shapeCache = new ShapeCache(SHAPE_CACHE_SIZE);
  private final LongAdder plansMade = new LongAdder();
  private final ImportDirectory importDirectory;
  private final CopyRegistry copies = new CopyRegistry();
  private volatile SchemaSnapshot schema;

  /** The Calcite schema for one catalog version. */
  private record SchemaSnapshot(long version, CalciteSchema root) {}

  private Engine(Database database, ImportDirectory importDirectory) {
    this.database = database;
    this.importDirectory = importDirectory;
  }

  /**
   * Opens (creating if needed) the database in {@code dir}, or in memory per the options, with
   * the default import directory: {@code dir/import} on disk, none in memory.
   */
  public static Engine open(Path dir, StorageOptions options) {
    return open(dir, options, null);
  }

  /**
   * Opens (creating if needed) the database in {@code dir}, or in memory per the options.
   *
   * @param importDirectory the only directory whose files COPY reads and writes; null for the
   *     default ({@code dir/import}, created on first use; an in-memory database has none)
   */
  public static Engine open(Path dir, StorageOptions options, @Nullable Path importDirectory) {
    ImportDirectory imports = importDirectory != null
        ? ImportDirectory.configured(importDirectory)
        : options.inMemory() ? ImportDirectory.none("an in-memory database has no import "
            + "directory, so COPY cannot read or write server-side files; name one with the "
            + "connection property import_dir")
        : ImportDirectory.byDefault(dir.resolve("import"));
    try {
      // Before storage opens, so the two overlap: opening is mostly one thread, and the first
      // query then finds the planner loaded and compiled. Measured on Fashion-MNIST: open plus
      // first statement 3.4–4.4 s against 4.0–4.9 s with the warm-up after the open, and the
      // first statement alone 0.24–0.46 s against 1.9–2.4 s.
      PlanWarmUp.startOnce();
      return new Engine(RocksDatabase.open(dir, options), imports);
    } catch (RuntimeException e) {
      throw ErrorTranslator.translate(e);
    }
  }

  public Session newSession() {
    return newSession(false);
  }

  /** A new session; a read-only one may run queries, EXPLAIN and SET, but no DDL or DML. */
  public Session newSession(boolean readOnly) {
    return new Session(TimeZone.getDefault(), readOnly, database::begin);
  }

  Database database() {
    return database;
  }

  /**
   * How many statements this engine has optimized and compiled (plans reused from its caches
   * are not counted): for tests and monitoring of plan reuse.
   */
  public long plansMade() {
    return plansMade.sum();
  }

  /** The user tables, for metadata. */
  public List<TableDef> tables() {
    return database.tables();
  }

  /** The views, for metadata. */
  public List<dev.azimuth.storage.ViewDef> views() {
    return database.views();
  }

  /** The schemas made with CREATE SCHEMA (PUBLIC not among them), for metadata. */
  public List<String> schemas() {
    return database.schemas();
  }

  /**
   * Prepares a statement, or returns the plan already made for the same text, or for a query of
   * the same shape (the same text but for the values of literals compared with a column or given
   * to a distance function).
   *
   * @throws dev.azimuth.common.AzimuthException describing why the statement is not valid
   */
  public Prepared prepare(Session session, String sql) {
    long version = database.catalogVersion();
    Prepared cached = planCache.get(sql, version);
    if (cached != null) {
      return cached;
    }
    try {
      Prepared prepared = new StatementPreparer(typeFactory, schema(version), version, shapeCache,
          plansMade).prepare(sql, session);
      if (prepared.kind() != Prepared.Kind.DDL) {
        planCache.put(prepared);
      }
      return prepared;
    } catch (RuntimeException e) {
      throw ErrorTranslator.translate(e);
    }
  }

  /** How often a statement that commits on its own is run again after a write conflict. */
  private static final int CONFLICT_RETRIES = 50;

  /**
   * Runs a prepared statement. If a DDL statement has changed the catalog since it was
   * prepared, it is prepared again first; if that changes its result columns, it fails.
   *
   * <p>In a transaction (a BEGIN block, or with auto-commit off) the statement reads the
   * transaction's snapshot and its own writes, and what it writes waits for the commit; a
   * statement that fails leaves the transaction as it was before the statement. Otherwise the
   * statement commits on its own; one that wrote rows another commit changed after it read them
   * (a concurrent UPDATE of the same row) is run again from a new snapshot, so that no update is
   * lost.
   *
   * @param parameters one value per {@code ?}, in any representation the binder accepts
   * @param cancel     set from another thread to stop the statement
   * @throws PlanningException (42501) for DDL or DML in a read-only session, (25001) for DDL or
   *     COPY FROM in a transaction
   */
  public QueryResult execute(Session session, Prepared prepared, Object[] parameters,
      AtomicBoolean cancel) {
    if (session.readOnly() && !prepared.kind().readOnly()) {
      throw new PlanningException(ErrorCode.INSUFFICIENT_PRIVILEGE, "permission denied: the "
          + "session is read-only and may not run " + prepared.kind() + " statements");
    }
    try {
      Prepared current = prepared;
      if (prepared.kind() != Prepared.Kind.DDL && prepared.kind() != Prepared.Kind.TRANSACTION
          && prepared.catalogVersion() != database.catalogVersion()) {
        current = prepare(session, prepared.sql());
        if (!sameColumns(prepared, current)) {
          throw new PlanningException(ErrorCode.INVALID_STATEMENT, "a table this statement "
              + "uses has changed since it was prepared; prepare the statement again");
        }
      }
      if (current.kind() == Prepared.Kind.TRANSACTION) {
        return run(session, current, parameters, cancel);
      }
      if (current.kind() == Prepared.Kind.DDL && session.transactionBlocksDdl()) {
        throw new PlanningException(ErrorCode.ACTIVE_SQL_TRANSACTION, firstWords(current.sql())
            + " cannot run inside a transaction: DDL commits on its own, so it runs only with "
            + "auto-commit on and no transaction open (COMMIT or ROLLBACK first)");
      }
      SessionTransaction transaction = current.kind() == Prepared.Kind.SET ? null
          : session.transactionForStatement();
      if (transaction != null) {
        return runInTransaction(session, transaction, current, parameters, cancel);
      }
      for (int attempt = 0; ; attempt++) {
        try {
          return run(session, current, parameters, cancel);
        } catch (RuntimeException | LinkageError e) {
          AzimuthException error = ErrorTranslator.translate(e);
          if (error.code() != ErrorCode.SERIALIZATION_FAILURE
              || current.kind() != Prepared.Kind.DML || attempt == CONFLICT_RETRIES) {
            throw error;
          }
          cancelled(cancel);
        }
      }
    } catch (RuntimeException | LinkageError e) {
      throw ErrorTranslator.translate(e);
    }
  }

  private static void cancelled(AtomicBoolean cancel) {
    if (cancel.get()) {
      throw new PlanningException(ErrorCode.QUERY_CANCELED, "statement cancelled");
    }
  }

  /** A statement in a transaction: all of it or, if it fails, none of it stays. */
  private QueryResult runInTransaction(Session session, SessionTransaction transaction,
      Prepared prepared, Object[] parameters, AtomicBoolean cancel) {
    if (prepared.kind() == Prepared.Kind.DML && transaction.readOnly()) {
      throw new PlanningException(ErrorCode.READ_ONLY_SQL_TRANSACTION,
          "cannot run " + firstWords(prepared.sql()) + " in a read-only transaction");
    }
    transaction.use();
    if (prepared.kind() != Prepared.Kind.DML) {
      return run(session, prepared, parameters, cancel);
    }
    int mark = transaction.storage().savepoint();
    try {
      QueryResult result = run(session, prepared, parameters, cancel);
      transaction.storage().release(mark);
      return result;
    } catch (RuntimeException | LinkageError e) {
      transaction.storage().rollbackTo(mark);
      transaction.storage().release(mark);
      throw e;
    }
  }

  /** The statement's leading keywords, e.g. {@code CREATE TABLE}, for messages. */
  private static String firstWords(String sql) {
    String[] words = sql.trim().split("\\s+", 3);
    String first = words.length > 1 ? words[0] + " " + words[1] : words[0];
    return first.toUpperCase(java.util.Locale.ROOT);
  }

  // Calcite's generated code evaluates constant expressions in static initializers; if one
  // throws (CAST('abc' AS BIGINT)), the generated class is dead for good and later runs see
  // NoClassDefFoundError. Such a plan is dropped and made afresh, which reports the real error.
  private QueryResult run(Session session, Prepared prepared, Object[] parameters,
      AtomicBoolean cancel) {
    try {
      return prepared.executable().run(this, session, parameters, cancel);
    } catch (NoClassDefFoundError e) {
      evict(prepared);
      Prepared fresh = prepare(session, prepared.sql());
      evict(fresh);
      return fresh.executable().run(this, session, parameters, cancel);
    } catch (ExceptionInInitializerError e) {
      evict(prepared);
      throw e;
    }
  }

  private void evict(Prepared prepared) {
    planCache.evict(prepared.sql());
    if (prepared.shape() != null) {
      shapeCache.evict(prepared.shape());
    }
  }

  private static boolean sameColumns(Prepared a, Prepared b) {
    if (a.columns().size() != b.columns().size()) {
      return false;
    }
    for (int i = 0; i < a.columns().size(); i++) {
      if (!a.columns().get(i).type().equals(b.columns().get(i).type())) {
        return false;
      }
    }
    return true;
  }

  /** The directory COPY reads and writes files in (its path is null if there is none). */
  public ImportDirectory importDirectory() {
    return importDirectory;
  }

  /** Runs a COPY statement; {@code sql} is its text. */
  QueryResult copy(Session session, SqlCopy copy, String sql, AtomicBoolean cancel) {
    if (copy instanceof SqlCopyFrom && session.transaction() != null) {
      // Its batches commit one by one, which a transaction could neither see nor roll back.
      throw new PlanningException(ErrorCode.ACTIVE_SQL_TRANSACTION, "COPY FROM cannot run "
          + "inside a transaction: its batches commit as they are loaded, so it runs only "
          + "with auto-commit on and no transaction open (COMMIT or ROLLBACK first)");
    }
    CopyContext context = new CopyContext() {
      @Override public Database database() {
        return database;
      }

      @Override public ImportDirectory directory() {
        return importDirectory;
      }

      @Override public CopyRegistry registry() {
        return copies;
      }

      @Override public Prepared prepare(String query) {
        return Engine.this.prepare(session, query);
      }

      @Override public QueryResult execute(Prepared prepared) {
        return Engine.this.execute(session, prepared, new Object[0], cancel);
      }
    };
    return QueryResult.count(switch (copy) {
      case SqlCopyFrom from -> CopyFrom.run(context, from, cancel);
      case SqlCopyTo to -> CopyTo.run(context, to, AzimuthSqlParser.parsedText(sql), cancel);
      default -> throw new PlanningException(ErrorCode.INTERNAL_ERROR, "unknown COPY " + copy);
    });
  }

  /** @param writes whether the statement may write (DML) */
  ExecutionContext newContext(Session session, Object[] parameters, AtomicBoolean cancel,
      boolean writes) {
    SessionTransaction transaction = session.transaction();
    ExecutionContext context = new ExecutionContext(database,
        schema(database.catalogVersion()).root().plus(), typeFactory, parameters, cancel,
        session.timeZone(), session.efSearch(), session.fusionParallel(),
        transaction == null ? null : transaction.storage(), writes);
    context.holdWritesIn(session.batch());
    return context;
  }

  /**
   * Runs a prepared statement once per parameter set, as JDBC's {@code executeBatch}. The rows
   * of INSERT and UPSERT executions that read no table are written together at the end, as one
   * atomic, durable write: the batch then succeeds or fails as a whole. Other statements run
   * one by one (writing what is held before them).
   *
   * @return the update count of each execution
   */
  public long[] executeBatch(Session session, Prepared prepared, List<Object[]> parameterSets,
      AtomicBoolean cancel) {
    SessionTransaction transaction = prepared.kind() == Prepared.Kind.DML
        ? session.transactionForStatement() : session.transaction();
    if (transaction != null) {
      return executeBatchInTransaction(session, transaction, prepared, parameterSets, cancel);
    }
    long[] counts = new long[parameterSets.size()];
    BatchedWrites batch = new BatchedWrites();
    session.batch(batch);
    try {
      for (int i = 0; i < counts.length; i++) {
        try (QueryResult result = execute(session, prepared, parameterSets.get(i), cancel)) {
          counts[i] = result.hasRows() ? -1 : result.updateCount();
        }
      }
      batch.flush();
      return counts;
    } catch (RuntimeException e) {
      throw ErrorTranslator.translate(e);
    } finally {
      session.batch(null);
    }
  }

  // In a transaction the rows go to it as each execution runs; the batch is still all or nothing.
  private long[] executeBatchInTransaction(Session session, SessionTransaction transaction,
      Prepared prepared, List<Object[]> parameterSets, AtomicBoolean cancel) {
    long[] counts = new long[parameterSets.size()];
    int mark = transaction.storage().savepoint();
    try {
      for (int i = 0; i < counts.length; i++) {
        try (QueryResult result = execute(session, prepared, parameterSets.get(i), cancel)) {
          counts[i] = result.hasRows() ? -1 : result.updateCount();
        }
      }
      transaction.storage().release(mark);
      return counts;
    } catch (RuntimeException e) {
      transaction.storage().rollbackTo(mark);
      transaction.storage().release(mark);
      throw ErrorTranslator.translate(e);
    }
  }

  private CalciteSchema schema(long version) {
    SchemaSnapshot s = schema;
    if (s == null || s.version() != version) {
      CalciteSchema root = CalciteSchema.createRootSchema(false, false);
      root.add(AzimuthSchema.NAME, new AzimuthSchema(database, AzimuthSchema.NAME));
      for (String name : database.schemas()) {
        root.add(name, new AzimuthSchema(database, name));
      }
      root.add(SystemSchema.NAME, new SystemSchema(copies));
      root.add(dev.azimuth.planner.schema.InformationSchema.NAME,
          new dev.azimuth.planner.schema.InformationSchema());
      s = new SchemaSnapshot(version, root);
      schema = s;
    }
    return s.root();
  }

  @Override public void close() {
    database.close();
  }
}

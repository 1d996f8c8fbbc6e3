package dev.azimuth.jdbc.embedded;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.jdbc.Version;
import dev.azimuth.planner.Engine;
import dev.azimuth.planner.PlanningException;
import dev.azimuth.planner.Prepared;
import dev.azimuth.planner.QueryResult;
import dev.azimuth.planner.ResultColumn;
import dev.azimuth.planner.Session;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlJdbcFunctionCall;

/**
 * Avatica's view of one embedded connection: prepares and executes statements on the
 * {@link Engine}, and answers metadata questions from the catalog. Each statement handle keeps
 * its prepared plan and its open result.
 *
 * <p>Thread-safe per statement handle, as Avatica uses it: one thread drives a statement.
 */
final class AzimuthMeta extends MetaImpl {
  /** What one statement handle holds. */
  private static final class StatementState {
    /** Stops what the statement runs when it has no JDBC statement here (it is served). */
    final AtomicBoolean cancel = new AtomicBoolean();
    Prepared prepared;
    QueryResult result;
    /** The signature of {@link #signatureOf}, made once per plan rather than per execution. */
    private Signature signature;
    private Prepared signatureOf;

    Signature signature() {
      if (signatureOf != prepared) {
        signature = AzimuthMeta.signature(prepared);
        signatureOf = prepared;
      }
      return signature;
    }

    void closeResult() {
      QueryResult r = result;
      result = null;
      if (r != null) {
        r.close();
      }
    }
  }

  private final Map<Integer, StatementState> statements = new ConcurrentHashMap<>();

  AzimuthMeta(AzimuthConnection connection) {
    super(connection);
  }

  private AzimuthConnection azimuth() {
    return (AzimuthConnection) connection;
  }

  private Engine engine() {
    return azimuth().engine();
  }

  private Session session() {
    return azimuth().session();
  }

  private StatementState state(StatementHandle h) throws NoSuchStatementException {
    StatementState s = statements.get(h.id);
    if (s == null) {
      throw new NoSuchStatementException(h);
    }
    return s;
  }

  @Override public StatementHandle createStatement(ConnectionHandle ch) {
    StatementHandle h = super.createStatement(ch);
    statements.put(h.id, new StatementState());
    return h;
  }

  @Override public void closeStatement(StatementHandle h) {
    StatementState s = statements.remove(h.id);
    if (s != null) {
      s.closeResult();
    }
  }

  @Override public void closeConnection(ConnectionHandle ch) {
    for (StatementState s : statements.values()) {
      s.closeResult();
    }
    statements.clear();
    // What was not committed is gone, as when a server restarts.
    session().close();
    super.closeConnection(ch);
  }

  /**
   * Applies auto-commit (turning it on commits the open transaction, as JDBC says) and the
   * isolation level (always snapshot isolation; the connection checks what is asked for), and
   * reports both as the session has them.
   */
  @Override public ConnectionProperties connectionSync(ConnectionHandle ch,
      ConnectionProperties props) {
    if (props.isAutoCommit() != null) {
      session().autoCommit(props.isAutoCommit());
    }
    super.connectionSync(ch, props);
    connProps.setAutoCommit(session().autoCommit());
    connProps.setTransactionIsolation(dev.azimuth.jdbc.Transactions.ISOLATION);
    connProps.setReadOnly(session().readOnly());
    connProps.setDirty(false);
    return connProps;
  }

  @Override public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    Prepared prepared = engine().prepare(session(), sql);
    StatementHandle h = createStatement(ch);
    statements.get(h.id).prepared = prepared;
    h.signature = signature(prepared);
    return h;
  }

  /**
   * Stops what a statement is running, if anything; for statements driven through this Meta
   * alone, as a server drives them (a JDBC statement of this JVM cancels through its own flag).
   */
  void cancel(int statementId) {
    StatementState s = statements.get(statementId);
    if (s != null) {
      s.cancel.set(true);
    }
  }

  /** Stops every statement of this connection that is running. */
  void cancelAll() {
    for (StatementState s : statements.values()) {
      s.cancel.set(true);
    }
  }

  @SuppressWarnings("deprecation")
  @Override public ExecuteResult prepareAndExecute(StatementHandle h, String sql,
      long maxRowCount, PrepareCallback callback) throws NoSuchStatementException {
    return prepareAndExecute(h, sql, maxRowCount, -1, callback);
  }

  @Override public ExecuteResult prepareAndExecute(StatementHandle h, String sql,
      long maxRowCount, int maxRowsInFirstFrame, PrepareCallback callback)
      throws NoSuchStatementException {
    StatementState state = state(h);
    Prepared prepared = engine().prepare(session(), sql);
    Signature signature = signature(prepared);
    QueryResult result;
    try {
      synchronized (callback.getMonitor()) {
        callback.clear();
        state.closeResult();
        state.prepared = prepared;
        h.signature = signature;
        result = run(h, state, List.of());
        callback.assign(signature, null, result.hasRows() ? -1 : result.updateCount());
      }
      callback.execute();
    } catch (SQLException e) {
      throw new PlanningException(ErrorCode.INTERNAL_ERROR, e.getMessage(), e);
    }
    MetaResultSet rs = result.hasRows()
        ? MetaResultSet.create(h.connectionId, h.id, false, signature, null)
        : MetaResultSet.count(h.connectionId, h.id, result.updateCount());
    return new ExecuteResult(List.of(rs));
  }

  @SuppressWarnings("deprecation")
  @Override public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues,
      long maxRowCount) throws NoSuchStatementException {
    return execute(h, parameterValues, -1);
  }

  @Override public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues,
      int maxRowsInFirstFrame) throws NoSuchStatementException {
    StatementState state = state(h);
    state.closeResult();
    QueryResult result = run(h, state, parameterValues);
    MetaResultSet rs = result.hasRows()
        ? MetaResultSet.create(h.connectionId, h.id, false, state.signature(), null)
        : MetaResultSet.count(h.connectionId, h.id, result.updateCount());
    return new ExecuteResult(List.of(rs));
  }

  /** Runs the statement's plan; a result with rows stays open in the state for reading. */
  private QueryResult run(StatementHandle h, StatementState state, List<TypedValue> values) {
    if (state.prepared == null) {
      throw new PlanningException(ErrorCode.INVALID_STATEMENT, "statement is not prepared");
    }
    Object[] params = parameters(state, values);
    AtomicBoolean cancel = cancelFlag(h, state);
    cancel.set(false);
    QueryResult result = engine().execute(session(), state.prepared, params, cancel);
    if (result.hasRows()) {
      state.result = result;
    }
    return result;
  }

  private static Object[] parameters(StatementState state, List<TypedValue> values) {
    Object[] params = new Object[values.size()];
    for (int i = 0; i < params.length; i++) {
      TypedValue v = values.get(i);
      // EXPLAIN may bind its statement's parameters or not: the plan does not use them.
      if (v == null && state.prepared.kind() == Prepared.Kind.EXPLAIN) {
        continue;
      }
      if (v == null) {
        throw new PlanningException(ErrorCode.INVALID_PARAMETER_VALUE,
            "parameter " + (i + 1) + " is not set");
      }
      params[i] = v.toLocal();
    }
    return params;
  }

  private AtomicBoolean cancelFlag(StatementHandle h, StatementState state) {
    if (!connection.statementMap.containsKey(h.id)) {
      return state.cancel;
    }
    try {
      return connection.getCancelFlag(h);
    } catch (NoSuchStatementException e) {
      return state.cancel;
    }
  }

  // One engine batch: the rows of all the INSERTs are written as one atomic storage write.
  @Override public ExecuteBatchResult executeBatch(StatementHandle h,
      List<List<TypedValue>> parameterValueLists) throws NoSuchStatementException {
    StatementState state = state(h);
    state.closeResult();
    if (state.prepared == null) {
      throw new PlanningException(ErrorCode.INVALID_STATEMENT, "statement is not prepared");
    }
    List<Object[]> sets = new ArrayList<>(parameterValueLists.size());
    for (List<TypedValue> values : parameterValueLists) {
      sets.add(parameters(state, values));
    }
    AtomicBoolean cancel = cancelFlag(h, state);
    cancel.set(false);
    return new ExecuteBatchResult(engine().executeBatch(session(), state.prepared, sets,
        cancel));
  }

  @Override public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h,
      List<String> sqlCommands) throws NoSuchStatementException {
    StatementState state = state(h);
    long[] counts = new long[sqlCommands.size()];
    for (int i = 0; i < counts.length; i++) {
      state.closeResult();
      state.prepared = engine().prepare(session(), sqlCommands.get(i));
      QueryResult r = run(h, state, List.of());
      counts[i] = r.hasRows() ? -1 : r.updateCount();
      state.closeResult();
    }
    return new ExecuteBatchResult(counts);
  }

  @Override public Iterable<Object> createIterable(StatementHandle h, QueryState queryState,
      Signature signature, List<TypedValue> parameterValues, Frame firstFrame) {
    if (firstFrame != null && firstFrame.done) {
      return firstFrame.rows;
    }
    StatementState state = statements.get(h.id);
    QueryResult result = state == null ? null : state.result;
    if (result == null) {
      return Collections.emptyList();
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    Iterator<Object> rows = (Iterator) result;
    return () -> rows;
  }

  @Override public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
      throws NoSuchStatementException, MissingResultsException {
    StatementState state = state(h);
    if (state.result == null) {
      throw new MissingResultsException(h);
    }
    List<Object> rows = new ArrayList<>();
    while ((fetchMaxRowCount < 0 || rows.size() < fetchMaxRowCount) && state.result.hasNext()) {
      rows.add(state.result.next());
    }
    boolean done = !state.result.hasNext();
    if (done) {
      state.closeResult();
    }
    return new Frame(offset, done, rows);
  }

  @Override public boolean syncResults(StatementHandle h, QueryState state, long offset) {
    return false;
  }

  /** Commits the session's open transaction, if any (the connection refuses auto-commit). */
  @Override public void commit(ConnectionHandle ch) {
    session().commit();
  }

  /** Rolls back the session's open transaction, if any. */
  @Override public void rollback(ConnectionHandle ch) {
    session().rollback();
  }

  private static Signature signature(Prepared prepared) {
    List<ColumnMetaData> columns = new ArrayList<>();
    int ordinal = 0;
    for (ResultColumn c : prepared.columns()) {
      columns.add(ColumnTypes.column(ordinal++, c.label(), c.type()));
    }
    List<AvaticaParameter> parameters = new ArrayList<>();
    int index = 0;
    for (RelDataType t : prepared.parameterTypes()) {
      ColumnMetaData.AvaticaType type = ColumnTypes.avaticaType(t);
      parameters.add(new AvaticaParameter(false,
          Math.max(t.getPrecision(), 0), Math.max(t.getScale(), 0), type.id,
          ColumnTypes.typeName(t), type.columnClassName(), "?" + (++index)));
    }
    StatementType type = switch (prepared.kind()) {
      case QUERY, EXPLAIN -> StatementType.SELECT;
      case DML -> StatementType.IS_DML;
      case DDL, SET, TRANSACTION -> StatementType.OTHER_DDL;
    };
    return Signature.create(columns, prepared.sql(), parameters, CursorFactory.ARRAY, type);
  }

  // --- metadata -------------------------------------------------------------------------

  @Override public Map<DatabaseProperty, Object> getDatabaseProperties(ConnectionHandle ch) {
    Map<DatabaseProperty, Object> p = new EnumMap<>(DatabaseProperty.class);
    p.put(DatabaseProperty.GET_DATABASE_PRODUCT_NAME, "Azimuth");
    p.put(DatabaseProperty.GET_DATABASE_PRODUCT_VERSION, Version.VERSION);
    p.put(DatabaseProperty.GET_DRIVER_NAME, "Azimuth JDBC Driver");
    p.put(DatabaseProperty.GET_DRIVER_VERSION, Version.VERSION);
    p.put(DatabaseProperty.GET_DRIVER_MAJOR_VERSION, Version.MAJOR);
    p.put(DatabaseProperty.GET_DRIVER_MINOR_VERSION, Version.MINOR);
    p.put(DatabaseProperty.GET_DATABASE_MAJOR_VERSION, Version.MAJOR);
    p.put(DatabaseProperty.GET_DATABASE_MINOR_VERSION, Version.MINOR);
    p.put(DatabaseProperty.GET_DEFAULT_TRANSACTION_ISOLATION,
        dev.azimuth.jdbc.Transactions.ISOLATION);
    p.put(DatabaseProperty.GET_S_Q_L_KEYWORDS, Catalogs.keywords());
    p.put(DatabaseProperty.GET_NUMERIC_FUNCTIONS, SqlJdbcFunctionCall.getNumericFunctions());
    p.put(DatabaseProperty.GET_STRING_FUNCTIONS, SqlJdbcFunctionCall.getStringFunctions());
    p.put(DatabaseProperty.GET_SYSTEM_FUNCTIONS, SqlJdbcFunctionCall.getSystemFunctions());
    p.put(DatabaseProperty.GET_TIME_DATE_FUNCTIONS, SqlJdbcFunctionCall.getTimeDateFunctions());
    return p;
  }

  @Override public MetaResultSet getTypeInfo(ConnectionHandle ch) {
    return records(MetaTypeInfo.class, Catalogs.typeInfo());
  }

  @Override public MetaResultSet getTables(ConnectionHandle ch, String catalog, Pat schema,
      Pat table, List<String> typeList) {
    return Catalogs.tables(this, engine(), schema, table, typeList);
  }

  @Override public MetaResultSet getColumns(ConnectionHandle ch, String catalog, Pat schema,
      Pat table, Pat column) {
    return Catalogs.columns(this, engine(), schema, table, column);
  }

  @Override public MetaResultSet getSchemas(ConnectionHandle ch, String catalog, Pat schema) {
    return Catalogs.schemas(this, engine(), schema);
  }

  @Override public MetaResultSet getCatalogs(ConnectionHandle ch) {
    return records(MetaCatalog.class, List.of());
  }

  @Override public MetaResultSet getTableTypes(ConnectionHandle ch) {
    return records(MetaTableType.class, List.of(new MetaTableType("TABLE"),
        new MetaTableType("VIEW")));
  }

  /** A result set of metadata records, each a public-field object of {@code type}. */
  <T> MetaResultSet records(Class<T> type, List<? extends T> rows) {
    @SuppressWarnings("unchecked")
    List<Object> objects = (List<Object>) rows;
    List<java.lang.reflect.Field> fields = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (java.lang.reflect.Field f : type.getFields()) {
      if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
        fields.add(f);
        names.add(f.getName());
      }
    }
    return createResultSet(Map.of(), fieldMetaData(type).columns,
        CursorFactory.record(type, fields, names), new Frame(0, true, objects));
  }

  static int nullability(boolean nullable) {
    return nullable ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls;
  }
}

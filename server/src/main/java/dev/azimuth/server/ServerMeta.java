package dev.azimuth.server;

import dev.azimuth.jdbc.AzimuthUrl;
import dev.azimuth.jdbc.embedded.EmbeddedDriver;
import dev.azimuth.jdbc.embedded.LocalConnection;
import dev.azimuth.jdbc.remote.CancelRequest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.proto.Common;
import org.apache.calcite.avatica.proto.Requests;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * The Meta the server's Avatica service drives: one embedded connection per client
 * ({@link ClientConnection}), each request handed to that connection's own Meta (the embedded
 * driver's, which prepares and executes on the engine), and results put in their wire form
 * ({@link WireFormat}, with rows in the first frame). A connection is used only by the user who
 * opened it. Engine errors reach the client with their SQLSTATE. Thread-safe: requests for
 * different connections run at once.
 */
final class ServerMeta extends ProtocolMeta implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ServerMeta.class.getName());
  /** Rows in a first frame when the client names no number (Avatica's default fetch size). */
  private static final int DEFAULT_FRAME_ROWS = 100;

  private final EmbeddedDriver driver = new EmbeddedDriver();
  private final String dataDir;
  private final String databaseUrl;
  private final LocalConnection anchor;
  private final Map<String, ClientConnection> connections = new ConcurrentHashMap<>();
  private volatile boolean draining;

  /**
   * Opens the database, which stays open while the server runs (also with no client).
   *
   * @throws SQLException if the directory cannot be opened (e.g. 55006: in use)
   */
  ServerMeta(String dataDir) throws SQLException {
    this.dataDir = dataDir;
    this.databaseUrl = AzimuthUrl.PREFIX + "file:" + dataDir;
    this.anchor = LocalConnection.open(driver,
        new AzimuthUrl(AzimuthUrl.Kind.FILE, dataDir, new Properties()), databaseUrl);
  }

  /** The open client connections. */
  int connectionCount() {
    return connections.size();
  }

  private ClientConnection connection(String id) {
    ClientConnection c = connections.get(id);
    if (c == null || !c.owner().sameUser(Caller.current())) {
      throw ServerErrors.noConnection(id);
    }
    return c;
  }

  /** A connection for a request that starts new work, refused once the server is stopping. */
  private ClientConnection working(String id) {
    if (draining) {
      throw ServerErrors.shuttingDown();
    }
    return connection(id);
  }

  private AvaticaRuntimeException failed(ClientConnection c, RuntimeException e) {
    AvaticaRuntimeException error = ServerErrors.translate(e);
    if (error.getSqlState().equals("XX000")) {
      LOG.log(Level.WARNING, "internal error on " + c.describe() + ": " + e, e);
    } else {
      LOG.info(() -> "statement failed on " + c.describe() + ": " + error.getSqlState() + " "
          + error.getErrorMessage());
    }
    return error;
  }

  // --- connections -------------------------------------------------------------------------

  @Override public void openConnection(ConnectionHandle ch, Map<String, String> given) {
    Caller caller = Caller.current();
    Map<String, String> info = given == null ? Map.of() : given;
    if (draining) {
      throw ServerErrors.shuttingDown();
    }
    Properties properties = new Properties();
    // A read-only user's sessions are read-only whatever the client asks.
    properties.setProperty("read_only",
        caller.readOnly() ? "true" : info.getOrDefault("read_only", "false"));
    if (info.get("ef_search") != null) {
      properties.setProperty("ef_search", info.get("ef_search"));
    }
    LocalConnection local;
    try {
      local = LocalConnection.open(driver,
          new AzimuthUrl(AzimuthUrl.Kind.FILE, dataDir, properties), databaseUrl);
    } catch (SQLException e) {
      LOG.info(() -> "connection refused to " + caller.describe() + ": " + e.getMessage());
      throw ServerErrors.error(e.getMessage(), e.getSQLState());
    }
    ClientConnection c = new ClientConnection(ch.id, caller, local);
    if (connections.putIfAbsent(ch.id, c) != null) {
      closeQuietly(c);
      throw ServerErrors.error("connection id " + ch.id + " is already open", "08004");
    }
    LOG.info(() -> "opened " + c.describe());
  }

  @Override public void closeConnection(ConnectionHandle ch) {
    ClientConnection c = connection(ch.id);
    connections.remove(ch.id, c);
    closeQuietly(c);
    LOG.info(() -> "closed " + c.describe());
  }

  private static void closeQuietly(ClientConnection c) {
    try {
      c.local().close();
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "could not close " + c.describe(), e);
    }
  }

  // Turning auto-commit on commits, so this can fail as commit does.
  @Override public ConnectionProperties connectionSync(ConnectionHandle ch,
      ConnectionProperties connProps) {
    ClientConnection c = connection(ch.id);
    try {
      return c.meta().connectionSync(ch, connProps);
    } catch (RuntimeException e) {
      throw failed(c, e);
    }
  }

  /** Commits the connection's transaction here, on the server, where it lives. */
  @Override public void commit(ConnectionHandle ch) {
    ClientConnection c = connection(ch.id);
    try {
      c.meta().commit(ch);
    } catch (RuntimeException e) {
      throw failed(c, e);
    }
  }

  @Override public void rollback(ConnectionHandle ch) {
    ClientConnection c = connection(ch.id);
    try {
      c.meta().rollback(ch);
    } catch (RuntimeException e) {
      throw failed(c, e);
    }
  }

  // --- metadata ----------------------------------------------------------------------------

  @Override public Map<DatabaseProperty, Object> getDatabaseProperties(ConnectionHandle ch) {
    return connection(ch.id).meta().getDatabaseProperties(ch);
  }

  @Override public MetaResultSet getTables(ConnectionHandle ch, String catalog, Pat schema,
      Pat table, List<String> types) {
    ClientConnection c = connection(ch.id);
    return metadata(c, ch, c.meta().getTables(ch, catalog, schema, table, types));
  }

  @Override public MetaResultSet getColumns(ConnectionHandle ch, String catalog, Pat schema,
      Pat table, Pat column) {
    ClientConnection c = connection(ch.id);
    return metadata(c, ch, c.meta().getColumns(ch, catalog, schema, table, column));
  }

  @Override public MetaResultSet getSchemas(ConnectionHandle ch, String catalog, Pat schema) {
    ClientConnection c = connection(ch.id);
    return metadata(c, ch, c.meta().getSchemas(ch, catalog, schema));
  }

  @Override public MetaResultSet getCatalogs(ConnectionHandle ch) {
    ClientConnection c = connection(ch.id);
    return metadata(c, ch, c.meta().getCatalogs(ch));
  }

  @Override public MetaResultSet getTableTypes(ConnectionHandle ch) {
    ClientConnection c = connection(ch.id);
    return metadata(c, ch, c.meta().getTableTypes(ch));
  }

  @Override public MetaResultSet getTypeInfo(ConnectionHandle ch) {
    ClientConnection c = connection(ch.id);
    return metadata(c, ch, c.meta().getTypeInfo(ch));
  }

  /**
   * A metadata result in wire form. Its rows are all in the frame, so the statement the
   * embedded Meta opened for it is closed at once; the client's later close finds nothing.
   */
  private MetaResultSet metadata(ClientConnection c, ConnectionHandle ch, MetaResultSet rs) {
    try {
      return MetaResultSet.create(ch.id, rs.statementId, rs.ownStatement,
          WireFormat.signature(rs.signature),
          WireFormat.frame(rs.firstFrame, rs.signature.cursorFactory));
    } finally {
      try {
        c.local().closeStatement(new StatementHandle(ch.id, rs.statementId, null));
      } catch (SQLException e) {
        LOG.log(Level.WARNING, "could not close a metadata statement on " + c.describe(), e);
      }
    }
  }

  // --- statements --------------------------------------------------------------------------

  @Override public StatementHandle createStatement(ConnectionHandle ch) {
    return working(ch.id).meta().createStatement(ch);
  }

  @Override public void closeStatement(StatementHandle h) {
    connection(h.connectionId).meta().closeStatement(h);
  }

  @Override public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    ClientConnection c = working(ch.id);
    c.enter();
    try {
      StatementHandle h = c.meta().prepare(ch, sql, maxRowCount);
      h.signature = WireFormat.signature(h.signature);
      return h;
    } catch (RuntimeException e) {
      throw failed(c, e);
    } finally {
      c.exit();
    }
  }

  @Override public ExecuteResult prepareAndExecute(StatementHandle h, String sql,
      long maxRowCount, int maxRowsInFirstFrame, PrepareCallback callback)
      throws NoSuchStatementException {
    ClientConnection c = working(h.connectionId);
    c.enter();
    try {
      return forWire(c, h, c.meta().prepareAndExecute(h, sql, maxRowCount, maxRowsInFirstFrame,
          callback), maxRowsInFirstFrame);
    } catch (RuntimeException e) {
      throw failed(c, e);
    } finally {
      c.exit();
    }
  }

  @Override public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues,
      int maxRowsInFirstFrame) throws NoSuchStatementException {
    ClientConnection c = working(h.connectionId);
    c.enter();
    try {
      return forWire(c, h, c.meta().execute(h, parameterValues, maxRowsInFirstFrame),
          maxRowsInFirstFrame);
    } catch (RuntimeException e) {
      throw failed(c, e);
    } finally {
      c.exit();
    }
  }

  @Override public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
      throws NoSuchStatementException, MissingResultsException {
    ClientConnection c = connection(h.connectionId);
    c.enter();
    try {
      Frame frame = c.meta().fetch(h, offset, fetchMaxRowCount);
      return WireFormat.frame(frame, CursorFactory.ARRAY);
    } catch (RuntimeException e) {
      throw failed(c, e);
    } finally {
      c.exit();
    }
  }

  @Override public ExecuteBatchResult executeBatch(StatementHandle h,
      List<List<TypedValue>> parameterValues) throws NoSuchStatementException {
    ClientConnection c = working(h.connectionId);
    c.enter();
    try {
      return c.meta().executeBatch(h, parameterValues);
    } catch (RuntimeException e) {
      throw failed(c, e);
    } finally {
      c.exit();
    }
  }

  @Override public ExecuteBatchResult executeBatchProtobuf(StatementHandle h,
      List<Requests.UpdateBatch> batches) throws NoSuchStatementException {
    List<List<TypedValue>> values = new ArrayList<>(batches.size());
    for (Requests.UpdateBatch batch : batches) {
      List<TypedValue> row = new ArrayList<>(batch.getParameterValuesCount());
      for (Common.TypedValue v : batch.getParameterValuesList()) {
        row.add(TypedValue.fromProto(v));
      }
      values.add(row);
    }
    return executeBatch(h, values);
  }

  @Override public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h,
      List<String> sqlCommands) throws NoSuchStatementException {
    ClientConnection c = working(h.connectionId);
    c.enter();
    try {
      return c.meta().prepareAndExecuteBatch(h, sqlCommands);
    } catch (RuntimeException e) {
      throw failed(c, e);
    } finally {
      c.exit();
    }
  }

  @Override public boolean syncResults(StatementHandle h, QueryState state, long offset) {
    return false;
  }

  /**
   * Results in wire form, each with its first frame of rows, so that a small result needs no
   * second request.
   */
  private ExecuteResult forWire(ClientConnection c, StatementHandle h, ExecuteResult result,
      int maxRowsInFirstFrame) throws NoSuchStatementException {
    List<MetaResultSet> out = new ArrayList<>(result.resultSets.size());
    for (MetaResultSet rs : result.resultSets) {
      if (rs.updateCount != -1) {
        out.add(MetaResultSet.count(h.connectionId, rs.statementId, rs.updateCount));
        continue;
      }
      Frame first = rs.firstFrame;
      if (first == null) {
        int rows = maxRowsInFirstFrame > 0 ? maxRowsInFirstFrame : DEFAULT_FRAME_ROWS;
        try {
          first = c.meta().fetch(new StatementHandle(h.connectionId, rs.statementId, null), 0,
              rows);
        } catch (MissingResultsException e) {
          first = Frame.EMPTY;
        }
      }
      out.add(MetaResultSet.create(h.connectionId, rs.statementId, rs.ownStatement,
          WireFormat.signature(rs.signature),
          WireFormat.frame(first, rs.signature.cursorFactory)));
    }
    return new ExecuteResult(out);
  }

  // --- cancel, idle connections, shutdown --------------------------------------------------

  /**
   * Stops a statement for its connection's owner.
   *
   * @return whether the caller owns such a connection
   */
  boolean cancel(Caller caller, CancelRequest request) {
    ClientConnection c = connections.get(request.connectionId());
    if (c == null || !c.owner().sameUser(caller)) {
      return false;
    }
    c.local().cancel(request.statementId());
    LOG.info(() -> "statement " + request.statementId() + " cancelled on " + c.describe()
        + " by " + caller.describe());
    return true;
  }

  /** Closes connections no request has used for longer than {@code limit}. */
  void closeIdle(Duration limit) {
    for (ClientConnection c : connections.values()) {
      if (c.idleLongerThan(limit) && connections.remove(c.id(), c)) {
        closeQuietly(c);
        LOG.info(() -> "closed " + c.describe() + ": idle for more than " + limit.toMinutes()
            + " min");
      }
    }
  }

  /** From now on, new connections and statements are refused (57P01). */
  void drain() {
    draining = true;
  }

  /**
   * Cancels the statements running now.
   *
   * @return how many connections had a request in progress
   */
  int cancelRunning() {
    int busy = 0;
    for (ClientConnection c : connections.values()) {
      if (c.busy()) {
        busy++;
        c.local().cancelAll();
      }
    }
    return busy;
  }

  /** Closes every client connection, then the database. */
  @Override public void close() {
    draining = true;
    for (ClientConnection c : connections.values()) {
      connections.remove(c.id(), c);
      closeQuietly(c);
    }
    try {
      anchor.close();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "could not close the database cleanly", e);
    }
  }
}

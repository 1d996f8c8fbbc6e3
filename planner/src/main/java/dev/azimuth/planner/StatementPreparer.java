package dev.azimuth.planner;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.planner.prepare.AzimuthConvertletTable;
import dev.azimuth.planner.prepare.DdlExecutor;
import dev.azimuth.planner.prepare.HintReader;
import dev.azimuth.planner.prepare.LiteralLifter;
import dev.azimuth.planner.rel.SearchHints;
import dev.azimuth.planner.prepare.ParameterBinder;
import dev.azimuth.planner.prepare.VectorSafeExecutor;
import dev.azimuth.planner.prepare.FloatAggregates;
import dev.azimuth.planner.prepare.VectorCorrelation;
import dev.azimuth.planner.prepare.VectorUsageCheck;
import dev.azimuth.planner.rel.AzimuthRules;
import dev.azimuth.planner.runtime.ExecutionContext;
import dev.azimuth.planner.schema.AzimuthSchema;
import dev.azimuth.sql.ddl.SqlCopy;
import dev.azimuth.sql.tx.SqlTransactionControl;
import dev.azimuth.sql.fun.AzimuthOperatorTable;
import dev.azimuth.sql.parser.AzimuthSqlParser;
import dev.azimuth.sql.type.AzimuthTypeFactory;
import dev.azimuth.sql.validate.AzimuthConformance;
import dev.azimuth.sql.validate.AzimuthTypeCoercion;
import dev.azimuth.sql.validate.AzimuthValidator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableInterpretable;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.logical.LogicalTableModify;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlSetOption;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.tools.Programs;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Turns SQL text into a {@link Prepared}: parse with our grammar, validate, convert to
 * relational algebra, optimize with Calcite's Volcano planner plus {@link AzimuthRules}, and
 * generate and compile Java for the plan. A query's plain-value literals are lifted out first
 * and its plan shared through a {@link ShapeCache} when that keeps its meaning. One instance per
 * statement; not thread-safe.
 */
final class StatementPreparer {
  private static final CalciteConnectionConfig CONNECTION_CONFIG;

  static {
    Properties p = new Properties();
    p.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
    p.setProperty(CalciteConnectionProperty.CONFORMANCE.camelName(), "DEFAULT");
    CONNECTION_CONFIG = new CalciteConnectionConfigImpl(p);
  }

  private final AzimuthTypeFactory typeFactory;
  private final CalciteSchema rootSchema;
  private final long catalogVersion;
  private final ShapeCache shapes;
  private final LongAdder plansMade;

  /**
   * @param shapes    plans by statement shape, consulted and filled for queries
   * @param plansMade counts every statement optimized and compiled
   */
  StatementPreparer(AzimuthTypeFactory typeFactory, CalciteSchema rootSchema,
      long catalogVersion, ShapeCache shapes, LongAdder plansMade) {
    this.typeFactory = typeFactory;
    this.rootSchema = rootSchema;
    this.catalogVersion = catalogVersion;
    this.shapes = shapes;
    this.plansMade = plansMade;
  }

  Prepared prepare(String sql, Session preparing) {
    final SqlNode parsed = AzimuthSqlParser.parse(sql);
    SqlNode node = parsed;
    if (node instanceof SqlSetOption set) {
      return setOption(sql, set);
    }
    if (node instanceof SqlTransactionControl control) {
      return new Prepared(sql, Prepared.Kind.TRANSACTION, List.of(), List.of(), catalogVersion,
          (engine, session, params, cancel) -> {
            TransactionControl.run(session, control);
            return QueryResult.count(0);
          });
    }
    if (node instanceof dev.azimuth.sql.ddl.SqlCreateTable create && create.query() != null) {
      return createTableAs(sql, create);
    }
    if (DdlExecutor.handles(node)) {
      return new Prepared(sql, Prepared.Kind.DDL, List.of(), List.of(), catalogVersion,
          (engine, session, params, cancel) -> {
            DdlExecutor.execute(engine.database(), newValidator(), parsed,
                AzimuthSqlParser.parsedText(sql));
            return QueryResult.count(0);
          });
    }
    if (node instanceof SqlCopy copy) {
      return new Prepared(sql, Prepared.Kind.DML, List.of(), List.of(), catalogVersion,
          (engine, session, params, cancel) -> engine.copy(session, copy, sql, cancel));
    }
    if (node instanceof SqlExplain explain) {
      return explain(sql, explain);
    }
    SearchHints hints = HintReader.read(node, preparing.efSearch());
    if (node instanceof org.apache.calcite.sql.SqlMerge merge) {
      return merge(sql, merge, hints);
    }
    if (node instanceof SqlInsert insert && insert.getTargetTable() instanceof SqlIdentifier id) {
      org.apache.calcite.prepare.Prepare.PreparingTable target =
          catalogReader().getTable(id.names);
      dev.azimuth.planner.schema.AzimuthTable table = target == null ? null
          : target.unwrap(dev.azimuth.planner.schema.AzimuthTable.class);
      if (table != null) {
        dev.azimuth.planner.prepare.InsertDefaults.fill(insert, table.definition());
      }
    }
    if (!node.isA(SqlKind.QUERY) && !node.isA(SqlKind.DML)) {
      throw new PlanningException(ErrorCode.FEATURE_NOT_SUPPORTED,
          "statement " + node.getKind() + " is not supported");
    }
    if (node.isA(SqlKind.QUERY)) {
      LiteralLifter.Lifted lifted = LiteralLifter.lift(node);
      if (lifted != null) {
        ShapeCache.Shape shape = shapes.get(lifted.shape(), catalogVersion);
        if (shape == null) {
          shape = planShape(sql, node, lifted, hints);
          shapes.put(lifted.shape(), shape);
        }
        Prepared prepared = LiftedStatement.of(sql, lifted, shape);
        if (prepared != null) {
          return prepared;
        }
        node = AzimuthSqlParser.parse(sql);
      }
    }
    SqlValidator validator = newValidator();
    SqlNode validated = validator.validate(node);
    return plan(sql, node, validator, validated, parameterTypes(validator, validated), hints,
        null);
  }

  /**
   * Plans a query with its literals lifted, if that keeps its meaning: the literal form is
   * validated first, so that its errors are the statement's errors, and the lifted form must
   * validate, give each literal a type it fits, and yield the same result types.
   */
  private ShapeCache.Shape planShape(String sql, SqlNode liftedNode, LiteralLifter.Lifted lifted,
      SearchHints hints) {
    SqlValidator literalValidator = newValidator();
    RelDataType literalRowType = literalValidator.getValidatedNodeType(
        literalValidator.validate(AzimuthSqlParser.parse(sql)));
    try {
      SqlValidator validator = newValidator();
      SqlNode validated = validator.validate(liftedNode);
      List<RelDataType> types = parameterTypesByIndex(validator, validated,
          lifted.userParameters() + lifted.kinds().size());
      if (types == null || !validator.getValidatedNodeType(validated).equals(literalRowType)) {
        return ShapeCache.Shape.literalOnly(catalogVersion);
      }
      for (int i = 0; i < lifted.kinds().size(); i++) {
        if (!lifted.kinds().get(i).accepts(types.get(lifted.userParameters() + i))) {
          return ShapeCache.Shape.literalOnly(catalogVersion);
        }
      }
      Prepared plan = plan(lifted.shape(), liftedNode, validator, validated, types, hints,
          lifted.shape());
      return new ShapeCache.Shape(catalogVersion, plan, types);
    } catch (RuntimeException e) {
      // Typically a ? whose type Calcite cannot infer; the literal form is valid, so plan that.
      return ShapeCache.Shape.literalOnly(catalogVersion);
    }
  }

  private static List<RelDataType> parameterTypes(SqlValidator validator, SqlNode validated) {
    List<RelDataType> types = new ArrayList<>();
    for (RelDataTypeField f : validator.getParameterRowType(validated).getFieldList()) {
      types.add(f.getType());
    }
    return types;
  }

  /** The type of each parameter by its index, or null if one is missing. */
  private static @Nullable List<RelDataType> parameterTypesByIndex(SqlValidator validator,
      SqlNode validated, int count) {
    RelDataType[] types = new RelDataType[count];
    validated.accept(new SqlBasicVisitor<Void>() {
      @Override public Void visit(SqlDynamicParam param) {
        if (param.getIndex() < count) {
          types[param.getIndex()] = validator.getValidatedNodeType(param);
        }
        return null;
      }
    });
    List<RelDataType> list = Arrays.asList(types);
    return list.contains(null) ? null : List.copyOf(list);
  }

  private Prepared plan(String sql, SqlNode node, SqlValidator validator, SqlNode validated,
      List<RelDataType> parameterTypes, SearchHints hints, @Nullable String shape) {
    RelRoot root = toRel(validator, validated, isUpsert(node), hints);
    RelNode optimized = optimize(root);
    Bindable<?> bindable = compile(root, (EnumerableRel) optimized);
    plansMade.increment();
    boolean dml = node.isA(SqlKind.DML);
    List<ResultColumn> columns = new ArrayList<>();
    if (!dml) {
      for (RelDataTypeField f : root.validatedRowType.getFieldList()) {
        columns.add(new ResultColumn(f.getName(), f.getType()));
      }
    }
    return new Prepared(sql, dml ? Prepared.Kind.DML : Prepared.Kind.QUERY, columns,
        parameterTypes, catalogVersion, shape, (engine, session, params, cancel) -> {
          Object[] bound = ParameterBinder.bind(parameterTypes, params);
          ExecutionContext context = engine.newContext(session, bound, cancel, dml);
          try {
            Enumerator<?> rows = bindable.bind(context).enumerator();
            if (!dml) {
              return QueryResult.rows(rows, columns.size(), context);
            }
            try (rows; context) {
              return QueryResult.count(rows.moveNext() ? rowCount(rows.current()) : 0);
            }
          } catch (RuntimeException e) {
            context.close();
            throw e;
          }
        });
  }

  /**
   * CREATE TABLE name AS query: a table without a key (rows keyed by a hidden row id, as
   * PostgreSQL's CREATE TABLE AS makes) with the query's columns, filled by
   * {@code INSERT INTO name query}, and dropped again if that fails. The table is created by
   * one statement and filled by another, so a crash between them leaves it empty.
   */
  private Prepared createTableAs(String sql, dev.azimuth.sql.ddl.SqlCreateTable create) {
    String text = AzimuthSqlParser.parsedText(sql);
    String query = create.queryText(text);
    return new Prepared(sql, Prepared.Kind.DDL, List.of(), List.of(), catalogVersion,
        (engine, session, params, cancel) -> {
          String name = DdlExecutor.createTableAs(engine.database(), newValidator(), create,
              query);
          if (name == null) {
            return QueryResult.count(0);
          }
          String insert = "INSERT INTO "
              + dev.azimuth.planner.schema.QualifiedName.sql(engine.database(), name) + " "
              + query;
          try {
            try (QueryResult r = engine.execute(session, engine.prepare(session, insert),
                new Object[0], cancel)) {
              return QueryResult.count(r.updateCount());
            }
          } catch (RuntimeException e) {
            engine.database().dropTable(name);
            throw e;
          }
        });
  }

  /** MERGE, planned as the query its rows come from: see {@link MergeStatement}. */
  private Prepared merge(String sql, org.apache.calcite.sql.SqlMerge merge, SearchHints hints) {
    MergeStatement.Layout[] layout = new MergeStatement.Layout[1];
    SqlNode select = mergeQuery(merge, layout);
    dev.azimuth.storage.TableDef def = layout[0].table();
    int[] count = {0};
    select.accept(new SqlBasicVisitor<Void>() {
      @Override public Void visit(SqlDynamicParam param) {
        count[0] = Math.max(count[0], param.getIndex() + 1);
        return null;
      }
    });
    SqlValidator validator = newValidator();
    SqlNode validated = validator.validate(select);
    List<RelDataType> parameterTypes = parameterTypesByIndex(validator, validated, count[0]);
    if (parameterTypes == null) {
      throw new PlanningException(ErrorCode.INVALID_STATEMENT,
          "the type of a ? in this MERGE cannot be inferred; CAST it");
    }
    RelRoot root = toRel(validator, validated, false, hints);
    Bindable<?> bindable = compile(root, (EnumerableRel) optimize(root));
    plansMade.increment();
    long tableId = def.id();
    return new Prepared(sql, Prepared.Kind.DML, List.of(), parameterTypes, catalogVersion,
        (engine, session, params, cancel) -> {
          Object[] bound = ParameterBinder.bind(parameterTypes, params);
          try (ExecutionContext context = engine.newContext(session, bound, cancel, true)) {
            List<Object[]> rows = new ArrayList<>();
            try (Enumerator<?> e = bindable.bind(context).enumerator()) {
              while (e.moveNext()) {
                rows.add((Object[]) e.current());
              }
            }
            List<dev.azimuth.storage.RowChange> changes =
                MergeStatement.changes(layout[0], rows);
            return QueryResult.count(changes.isEmpty() ? 0
                : context.write(context.store(tableId), changes));
          }
        });
  }

  /** The query a MERGE's rows come from, and where each part lies in them. */
  private SqlNode mergeQuery(org.apache.calcite.sql.SqlMerge merge,
      MergeStatement.Layout[] layout) {
    SqlIdentifier target = (SqlIdentifier) merge.getTargetTable();
    org.apache.calcite.prepare.Prepare.PreparingTable table = catalogReader().getTable(
        target.names);
    dev.azimuth.planner.schema.AzimuthTable azimuth = table == null ? null
        : table.unwrap(dev.azimuth.planner.schema.AzimuthTable.class);
    if (azimuth == null) {
      throw new PlanningException(ErrorCode.UNDEFINED_TABLE,
          "table " + target + " does not exist");
    }
    dev.azimuth.storage.TableDef def = azimuth.definition();
    RelDataType rowType = table.getRowType();
    return MergeStatement.query(merge, def, c -> {
      RelDataType type = rowType.getFieldList().get(c).getType();
      return type instanceof dev.azimuth.sql.type.VectorSqlType
          ? new org.apache.calcite.sql.SqlDataTypeSpec(new dev.azimuth.sql.type
              .SqlVectorTypeNameSpec(def.columns().get(c).dimension(), SqlParserPos.ZERO),
              SqlParserPos.ZERO)
          : org.apache.calcite.sql.type.SqlTypeUtil.convertTypeToSpec(type);
    }, layout);
  }

  /** What EXPLAIN plans for a statement: a MERGE's query, or the statement itself. */
  private SqlNode explicable(SqlNode explicandum) {
    return explicandum instanceof org.apache.calcite.sql.SqlMerge merge
        ? mergeQuery(merge, new MergeStatement.Layout[1]) : explicandum;
  }

  private static long rowCount(Object row) {
    return ((Number) (row instanceof Object[] a ? a[0] : row)).longValue();
  }

  // Validated when prepared (errors and parameter types), planned only when run: the plan shows
  // the running session's settings. Each run parses afresh, since validation rewrites the tree.
  private Prepared explain(String sql, SqlExplain explain) {
    SqlNode explicandum = explicable(explain.getExplicandum());
    HintReader.read(explicandum, Session.DEFAULT_EF_SEARCH);
    SqlValidator validator = newValidator();
    SqlNode validated = validator.validate(explicandum);
    // The plan does not depend on parameter values, but clients bind them all the same.
    List<RelDataType> parameterTypes = parameterTypes(validator, validated);
    RelDataType varchar = typeFactory.createSqlType(SqlTypeName.VARCHAR);
    return new Prepared(sql, Prepared.Kind.EXPLAIN, List.of(new ResultColumn("PLAN", varchar)),
        parameterTypes, catalogVersion, (engine, session, params, cancel) -> {
          SqlExplain again = (SqlExplain) AzimuthSqlParser.parse(sql);
          SqlValidator v = newValidator();
          SqlNode planned = explicable(again.getExplicandum());
          SqlNode valid = v.validate(planned);
          List<Object[]> lines = explainLines(again, v, valid,
              HintReader.read(planned, session.efSearch()));
          return QueryResult.rows(org.apache.calcite.linq4j.Linq4j.enumerator(lines), 1,
              () -> { });
        });
  }

  private List<Object[]> explainLines(SqlExplain explain, SqlValidator validator,
      SqlNode validated, SearchHints hints) {
    SqlNode explicandum = explain.getExplicandum();
    RelRoot root = toRel(validator, validated, isUpsert(explicandum), hints);
    RelNode plan = explain.getDepth() == SqlExplain.Depth.LOGICAL ? root.rel : optimize(root);
    String text = RelOptUtil.toString(plan, SqlExplainLevel.EXPPLAN_ATTRIBUTES);
    List<Object[]> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      lines.add(new Object[] {line});
    }
    return lines;
  }

  private Prepared setOption(String sql, SqlSetOption set) {
    if (set.getScope() != null && !set.getScope().equalsIgnoreCase("SESSION")) {
      throw new PlanningException(ErrorCode.FEATURE_NOT_SUPPORTED,
          "only session settings exist; use SET name = value");
    }
    String name = set.getName().toString();
    SqlNode value = set.getValue();
    Object v = value == null ? null
        : value instanceof SqlLiteral literal ? literal.getValue() : value.toString();
    if (v instanceof org.apache.calcite.util.NlsString nls) {
      v = nls.getValue();
    }
    Object setting = v;
    return new Prepared(sql, Prepared.Kind.SET, List.of(), List.of(), catalogVersion,
        (engine, session, params, cancel) -> {
          session.set(name, setting);
          return QueryResult.count(0);
        });
  }

  SqlValidator newValidator() {
    CalciteCatalogReader catalogReader = catalogReader();
    SqlValidator.Config config = SqlValidator.Config.DEFAULT
        .withConformance(AzimuthConformance.INSTANCE)
        .withIdentifierExpansion(true)
        .withTypeCoercionFactory(AzimuthTypeCoercion::new);
    return new AzimuthValidator(AzimuthOperatorTable.instance(), catalogReader, typeFactory,
        config);
  }

  private CalciteCatalogReader catalogReader() {
    return new CalciteCatalogReader(rootSchema, List.of(AzimuthSchema.NAME), typeFactory,
        CONNECTION_CONFIG);
  }

  private static boolean isUpsert(SqlNode node) {
    return node instanceof SqlInsert insert && insert.isUpsert();
  }

  private RelRoot toRel(SqlValidator validator, SqlNode validated, boolean upsert,
      SearchHints hints) {
    VolcanoPlanner planner = new VolcanoPlanner(null, Contexts.of(CONNECTION_CONFIG, hints));
    planner.setExecutor(new VectorSafeExecutor());
    planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
    planner.addRelTraitDef(RelCollationTraitDef.INSTANCE);
    RelOptUtil.registerDefaultRules(planner, false, false);
    for (RelOptRule rule : AzimuthRules.all()) {
      planner.addRule(rule);
    }
    // Azimuth defines no Calcite table functions: this rule's plans could never run, and it
    // would compete with the fusion operator for RRF(...) and WEIGHTED_FUSION(...).
    planner.removeRule(EnumerableRules.ENUMERABLE_TABLE_FUNCTION_SCAN_RULE);
    // Key-ordered scans invite merge joins, but a merge join over a cast key (INTEGER joined
    // to BIGINT) could not be copied once chosen ("wrong collation in left or right input"),
    // which failed such joins outright; hash joins and key lookups serve them.
    planner.removeRule(EnumerableRules.ENUMERABLE_MERGE_JOIN_RULE);
    RelOptCluster cluster = RelOptCluster.create(planner, new RexBuilder(typeFactory));
    RelRoot root = converter(validator, cluster).convertQuery(validated, false, true);
    VectorUsageCheck.check(root.rel);
    if (upsert && root.rel instanceof LogicalTableModify insert) {
      // UPSERT arrives as an INSERT; MERGE over every column is how we carry "replace by key".
      root = root.withRel(LogicalTableModify.create(insert.getTable(),
          insert.getCatalogReader(), insert.getInput(), TableModify.Operation.MERGE,
          insert.getTable().getRowType().getFieldNames(), null, insert.isFlattened()));
    }
    return root;
  }

  /**
   * Calcite's standard program (sub-queries to correlations, decorrelation, field trimming,
   * Volcano, calc merging), except that plans correlated on a vector keep their correlation:
   * see {@link VectorCorrelation}.
   */
  private static final org.apache.calcite.tools.Program PROGRAM = Programs.sequence(
      Programs.subQuery(org.apache.calcite.rel.metadata.DefaultRelMetadataProvider.INSTANCE),
      (planner, rel, traits, materializations, lattices) -> FloatAggregates.rewrite(rel),
      Programs.conditional(rel -> !VectorCorrelation.correlatesOnVectors(rel),
          Programs.decorrelate()),
      Programs.trim(),
      (planner, rel, traits, materializations, lattices) -> {
        planner.setRoot(rel.getTraitSet().equals(traits) ? rel
            : planner.changeTraits(rel, traits));
        return planner.chooseDelegate().findBestExp();
      },
      Programs.calc(org.apache.calcite.rel.metadata.DefaultRelMetadataProvider.INSTANCE));

  private SqlToRelConverter converter(SqlValidator validator, RelOptCluster cluster) {
    return new SqlToRelConverter(viewExpander(cluster), validator,
        (Prepare.CatalogReader) validator.getCatalogReader(), cluster,
        AzimuthConvertletTable.INSTANCE,
        SqlToRelConverter.config().withTrimUnusedFields(true).withExpand(false)
            .withHintStrategyTable(HintReader.STRATEGIES));
  }

  /**
   * Expands a view where a statement uses it: its query planned in place, in the statement's
   * cluster (so that a vector search over a view is planned as one over the table), cast to
   * the columns the view was made with.
   */
  private org.apache.calcite.plan.RelOptTable.ViewExpander viewExpander(RelOptCluster cluster) {
    return (rowType, queryString, schemaPath, viewPath) -> {
      SqlNode parsed = AzimuthSqlParser.parse(queryString);
      SqlValidator validator = newValidator();
      SqlNode validated = validator.validate(parsed);
      RelRoot root = converter(validator, cluster).convertQuery(validated, true, false);
      RelNode cast = RelOptUtil.createCastRel(root.project(), rowType, true);
      return root.withRel(cast);
    };
  }

  private RelNode optimize(RelRoot root) {
    RelTraitSet desired = root.rel.getTraitSet().replace(EnumerableConvention.INSTANCE)
        .replace(root.collation).simplify();
    RelNode rel = AzimuthRules.afterVolcano(PROGRAM.run(
        root.rel.getCluster().getPlanner(), root.rel, desired, List.of(), List.of()));
    if (!root.isRefTrivial()) {
      RexBuilder rexBuilder = rel.getCluster().getRexBuilder();
      List<RexNode> projects = new ArrayList<>();
      for (int field : root.fields.leftList()) {
        projects.add(rexBuilder.makeInputRef(rel, field));
      }
      RexProgram program = RexProgram.create(rel.getRowType(), projects, null,
          root.validatedRowType, rexBuilder);
      rel = EnumerableCalc.create(rel, program);
    }
    return rel;
  }

  @SuppressWarnings("unchecked")
  private Bindable<?> compile(RelRoot root, EnumerableRel rel) {
    Map<String, Object> internal = new HashMap<>();
    internal.put("_conformance", AzimuthConformance.INSTANCE);
    Prepare.CatalogReader.THREAD_LOCAL.set(catalogReader());
    try {
      return EnumerableInterpretable.toBindable(internal, null, rel, EnumerableRel.Prefer.ARRAY);
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (String.valueOf(t.getMessage()).contains("Code grows beyond 64 KB")) {
          // The JVM's limit on one method: the generated code holds every literal row.
          throw new PlanningException(ErrorCode.STATEMENT_TOO_COMPLEX, "statement too large "
              + "to compile: insert a long VALUES list in parts of a few hundred rows, with a "
              + "batch of prepared INSERTs (executeBatch), or with COPY");
        }
      }
      throw e;
    } finally {
      Prepare.CatalogReader.THREAD_LOCAL.remove();
    }
  }
}

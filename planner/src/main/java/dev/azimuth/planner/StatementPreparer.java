package dev.azimuth.planner;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.planner.prepare.AzimuthConvertletTable;
import dev.azimuth.planner.prepare.DdlExecutor;
import dev.azimuth.planner.prepare.HintReader;
import dev.azimuth.planner.rel.SearchHints;
import dev.azimuth.planner.prepare.ParameterBinder;
import dev.azimuth.planner.prepare.VectorSafeExecutor;
import dev.azimuth.planner.prepare.VectorUsageCheck;
import dev.azimuth.planner.rel.AzimuthRules;
import dev.azimuth.planner.runtime.ExecutionContext;
import dev.azimuth.planner.schema.AzimuthSchema;
import dev.azimuth.sql.fun.AzimuthOperatorTable;
import dev.azimuth.sql.parser.AzimuthSqlParser;
import dev.azimuth.sql.type.AzimuthTypeFactory;
import dev.azimuth.sql.validate.AzimuthConformance;
import dev.azimuth.sql.validate.AzimuthTypeCoercion;
import dev.azimuth.sql.validate.AzimuthValidator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableInterpretable;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
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
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlSetOption;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.tools.Programs;

/**
 * Turns SQL text into a {@link Prepared}: parse with our grammar, validate, convert to
 * relational algebra, optimize with Calcite's Volcano planner plus {@link AzimuthRules}, and
 * generate and compile Java for the plan. One instance per statement; not thread-safe.
 */
final class StatementPreparer {
  private static final CalciteConnectionConfig CONNECTION_CONFIG;

  static {
    Properties p = new Properties();
    p.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
    p.setProperty(CalciteConnectionProperty.CONFORMANCE.camelName(), "DEFAULT");
    CONNECTION_CONFIG = new CalciteConnectionConfigImpl(p);
  }

  private final Engine engine;
  private final AzimuthTypeFactory typeFactory;
  private final CalciteSchema rootSchema;
  private final long catalogVersion;

  StatementPreparer(Engine engine, CalciteSchema rootSchema, long catalogVersion) {
    this.engine = engine;
    this.typeFactory = engine.typeFactory();
    this.rootSchema = rootSchema;
    this.catalogVersion = catalogVersion;
  }

  Prepared prepare(String sql, Session preparing) {
    SqlNode node = AzimuthSqlParser.parse(sql);
    if (node instanceof SqlSetOption set) {
      return setOption(sql, set);
    }
    if (DdlExecutor.handles(node)) {
      return new Prepared(sql, Prepared.Kind.DDL, List.of(), List.of(), catalogVersion,
          (engine, session, params, cancel) -> {
            DdlExecutor.execute(engine.database(), newValidator(), node);
            return QueryResult.count(0);
          });
    }
    if (node instanceof SqlExplain explain) {
      return explain(sql, explain);
    }
    SearchHints hints = HintReader.read(node, preparing.efSearch());
    if (!node.isA(SqlKind.QUERY) && !node.isA(SqlKind.DML)) {
      throw new PlanningException(ErrorCode.FEATURE_NOT_SUPPORTED,
          "statement " + node.getKind() + " is not supported");
    }
    SqlValidator validator = newValidator();
    SqlNode validated = validator.validate(node);
    List<RelDataType> parameterTypes = new ArrayList<>();
    for (RelDataTypeField f : validator.getParameterRowType(validated).getFieldList()) {
      parameterTypes.add(f.getType());
    }
    RelRoot root = toRel(validator, validated, isUpsert(node), hints);
    RelNode optimized = optimize(root);
    Bindable<?> bindable = compile(root, (EnumerableRel) optimized);
    boolean dml = node.isA(SqlKind.DML);
    List<ResultColumn> columns = new ArrayList<>();
    if (!dml) {
      for (RelDataTypeField f : root.validatedRowType.getFieldList()) {
        columns.add(new ResultColumn(f.getName(), f.getType()));
      }
    }
    return new Prepared(sql, dml ? Prepared.Kind.DML : Prepared.Kind.QUERY, columns,
        parameterTypes, catalogVersion, (engine, session, params, cancel) -> {
          Object[] bound = ParameterBinder.bind(parameterTypes, params);
          ExecutionContext context = engine.newContext(session, bound, cancel);
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

  private static long rowCount(Object row) {
    return ((Number) (row instanceof Object[] a ? a[0] : row)).longValue();
  }

  // Validated when prepared (errors and parameter types), planned only when run: the plan shows
  // the running session's settings. Each run parses afresh, since validation rewrites the tree.
  private Prepared explain(String sql, SqlExplain explain) {
    SqlNode explicandum = explain.getExplicandum();
    HintReader.read(explicandum, Session.DEFAULT_EF_SEARCH);
    SqlValidator validator = newValidator();
    SqlNode validated = validator.validate(explicandum);
    // The plan does not depend on parameter values, but clients bind them all the same.
    List<RelDataType> parameterTypes = new ArrayList<>();
    for (RelDataTypeField f : validator.getParameterRowType(validated).getFieldList()) {
      parameterTypes.add(f.getType());
    }
    RelDataType varchar = typeFactory.createSqlType(SqlTypeName.VARCHAR);
    return new Prepared(sql, Prepared.Kind.EXPLAIN, List.of(new ResultColumn("PLAN", varchar)),
        parameterTypes, catalogVersion, (engine, session, params, cancel) -> {
          SqlExplain again = (SqlExplain) AzimuthSqlParser.parse(sql);
          SqlValidator v = newValidator();
          SqlNode valid = v.validate(again.getExplicandum());
          List<Object[]> lines = explainLines(again, v, valid,
              HintReader.read(again.getExplicandum(), session.efSearch()));
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
    return new Prepared(sql, Prepared.Kind.DDL, List.of(), List.of(), catalogVersion,
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
    RelOptCluster cluster = RelOptCluster.create(planner, new RexBuilder(typeFactory));
    SqlToRelConverter converter = new SqlToRelConverter(
        (rowType, queryString, schemaPath, viewPath) -> {
          throw new PlanningException(ErrorCode.FEATURE_NOT_SUPPORTED, "views are not supported");
        },
        validator, (Prepare.CatalogReader) validator.getCatalogReader(), cluster,
        AzimuthConvertletTable.INSTANCE,
        SqlToRelConverter.config().withTrimUnusedFields(true).withExpand(false));
    RelRoot root = converter.convertQuery(validated, false, true);
    VectorUsageCheck.check(root.rel);
    if (upsert && root.rel instanceof LogicalTableModify insert) {
      // UPSERT arrives as an INSERT; MERGE over every column is how we carry "replace by key".
      root = root.withRel(LogicalTableModify.create(insert.getTable(),
          insert.getCatalogReader(), insert.getInput(), TableModify.Operation.MERGE,
          insert.getTable().getRowType().getFieldNames(), null, insert.isFlattened()));
    }
    return root;
  }

  private RelNode optimize(RelRoot root) {
    RelTraitSet desired = root.rel.getTraitSet().replace(EnumerableConvention.INSTANCE)
        .replace(root.collation).simplify();
    RelNode rel = Programs.standard().run(root.rel.getCluster().getPlanner(), root.rel,
        desired, List.of(), List.of());
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
    } finally {
      Prepare.CatalogReader.THREAD_LOCAL.remove();
    }
  }
}

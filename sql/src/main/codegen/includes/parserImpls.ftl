<#--
  Azimuth's additions to Calcite's grammar. Every production here is named in config.fmpp.
-->

boolean IfNotExistsOpt() :
{
}
{
    <IF> <NOT> <EXISTS> { return true; }
|
    { return false; }
}

boolean IfExistsOpt() :
{
}
{
    <IF> <EXISTS> { return true; }
|
    { return false; }
}

/**
 * CREATE TABLE [IF NOT EXISTS] name (column type [NOT NULL] [DEFAULT e] [UNIQUE] [PRIMARY KEY],
 * ..., [[CONSTRAINT c] PRIMARY KEY (col, ...)], [[CONSTRAINT c] UNIQUE (col, ...)]), or
 * CREATE TABLE [IF NOT EXISTS] name AS query.
 */
SqlCreate SqlCreateTable(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier id;
    final List<SqlNode> elements = new ArrayList<SqlNode>();
    final Span listSpan;
    final SqlParserPos as;
    final SqlNode query;
}
{
    <TABLE> ifNotExists = IfNotExistsOpt() id = CompoundIdentifier()
    (
        <AS> { as = getPos(); } query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
        {
            return new SqlCreateTable(s.end(this), replace, ifNotExists, id,
                new SqlNodeList(elements, as), query, as);
        }
    |
        <LPAREN> { listSpan = span(); }
        TableElement(elements)
        ( <COMMA> TableElement(elements) )*
        <RPAREN>
        {
            return new SqlCreateTable(s.end(this), replace, ifNotExists, id,
                new SqlNodeList(elements, listSpan.end(this)), null, null);
        }
    )
}

void TableElement(List<SqlNode> list) :
{
    SqlIdentifier constraintName = null;
    final SqlNodeList columns;
    final Span s = Span.of();
}
{
    (
        [ <CONSTRAINT> { s.add(this); } constraintName = SimpleIdentifier() ]
        (
            <PRIMARY> { s.add(this); } <KEY> columns = ParenthesizedSimpleIdentifierList() {
                list.add(new SqlKeyConstraint(s.end(this), constraintName, columns, true));
            }
        |
            <UNIQUE> { s.add(this); } columns = ParenthesizedSimpleIdentifierList() {
                list.add(new SqlKeyConstraint(s.end(this), constraintName, columns, false));
            }
        )
    |
        { list.add(ColumnDeclaration()); }
    )
}

/** name type [NOT NULL | NULL | DEFAULT expression | PRIMARY KEY]... */
SqlColumnDeclaration ColumnDeclaration() :
{
    final SqlIdentifier id;
    final SqlDataTypeSpec type;
    boolean notNull = false;
    boolean primaryKey = false;
    boolean unique = false;
    SqlNode defaultValue = null;
    final Span s = Span.of();
}
{
    id = SimpleIdentifier() { s.add(id); } type = DataType()
    (
        <NOT> <NULL> { notNull = true; }
    |
        <UNIQUE> { unique = true; }
    |
        <NULL> { notNull = false; }
    |
        <DEFAULT_> defaultValue = Expression(ExprContext.ACCEPT_NON_QUERY)
    |
        <PRIMARY> <KEY> { primaryKey = true; }
    )*
    {
        return new SqlColumnDeclaration(s.end(this), id, type, notNull, primaryKey, unique,
            defaultValue);
    }
}

/**
 * ALTER TABLE [IF EXISTS] name ADD [COLUMN] [IF NOT EXISTS] declaration
 * | DROP [COLUMN] [IF EXISTS] column | RENAME [COLUMN] a TO b | RENAME TO name
 * | ALTER [COLUMN] column (SET NOT NULL | DROP NOT NULL | SET DEFAULT e | DROP DEFAULT).
 */
SqlNode SqlAlterTable() :
{
    final Span s;
    final boolean ifExists;
    final SqlIdentifier table;
    boolean ifColumn = false;
    SqlColumnDeclaration column = null;
    SqlIdentifier name = null;
    SqlIdentifier newName = null;
    SqlNode value = null;
    SqlAlterTable.Action action;
}
{
    <ALTER> { s = span(); } <TABLE> ifExists = IfExistsOpt() table = CompoundIdentifier()
    (
        <ADD> [ <COLUMN> ] ifColumn = IfNotExistsOpt() column = ColumnDeclaration()
        { action = SqlAlterTable.Action.ADD_COLUMN; }
    |
        LOOKAHEAD(2) <DROP> [ <COLUMN> ] ifColumn = IfExistsOpt() name = SimpleIdentifier()
        { action = SqlAlterTable.Action.DROP_COLUMN; }
    |
        <RENAME>
        (
            <TO> newName = CompoundIdentifier() { action = SqlAlterTable.Action.RENAME_TABLE; }
        |
            [ <COLUMN> ] name = SimpleIdentifier() <TO> newName = SimpleIdentifier()
            { action = SqlAlterTable.Action.RENAME_COLUMN; }
        )
    |
        <ALTER> [ <COLUMN> ] name = SimpleIdentifier()
        (
            LOOKAHEAD(2) <SET> <NOT> <NULL> { action = SqlAlterTable.Action.SET_NOT_NULL; }
        |
            LOOKAHEAD(2) <DROP> <NOT> <NULL> { action = SqlAlterTable.Action.DROP_NOT_NULL; }
        |
            <SET> <DEFAULT_> value = Expression(ExprContext.ACCEPT_NON_QUERY)
            { action = SqlAlterTable.Action.SET_DEFAULT; }
        |
            <DROP> <DEFAULT_> { action = SqlAlterTable.Action.DROP_DEFAULT; }
        )
    )
    {
        return new SqlAlterTable(s.end(this), ifExists, table, action, ifColumn, column, name,
            newName, value);
    }
}

/** TRUNCATE [TABLE] name, after TRUNCATE. */
SqlTruncate SqlTruncateTable(Span s) :
{
    final SqlIdentifier name;
}
{
    [ <TABLE> ] name = CompoundIdentifier() {
        return new SqlTruncateTable(s.end(this), name);
    }
}

/** DROP TABLE [IF EXISTS] name. */
SqlDrop SqlDropTable(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier id;
}
{
    <TABLE> ifExists = IfExistsOpt() id = CompoundIdentifier() {
        return new SqlDropTable(s.end(this), ifExists, id);
    }
}

/**
 * CREATE INDEX [IF NOT EXISTS] name ON table USING method (column) [WITH (option = literal, ...)].
 * The method (HNSW, DISKANN) and the options are checked when the statement runs, not here, so
 * that a wrong one gets a message that names it instead of a parse error.
 */
SqlCreate SqlCreateIndex(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    final SqlIdentifier table;
    SqlIdentifier method = null;
    final SqlNodeList columns;
    final List<SqlNode> withOptions = new ArrayList<SqlNode>();
    final Span optionSpan;
}
{
    <INDEX> ifNotExists = IfNotExistsOpt() name = SimpleIdentifier()
    <ON> table = CompoundIdentifier()
    [ <USING> method = SimpleIdentifier() ]
    columns = ParenthesizedSimpleIdentifierList()
    {
        if (method == null) {
            method = new SqlIdentifier("BTREE", columns.getParserPosition());
        }
        optionSpan = span();
    }
    [
        <WITH> <LPAREN>
        IndexOption(withOptions)
        ( <COMMA> IndexOption(withOptions) )*
        <RPAREN>
    ]
    {
        return new SqlCreateIndex(s.end(this), ifNotExists, name, table, method, columns,
            new SqlNodeList(withOptions, optionSpan.end(this)));
    }
}

/** One "key = literal" of CREATE INDEX ... WITH (...): adds the key, then the value. */
void IndexOption(List<SqlNode> list) :
{
    final SqlIdentifier key;
    final SqlNode value;
}
{
    key = SimpleIdentifier() <EQ> value = Literal() {
        list.add(key);
        list.add(value);
    }
}

/** CREATE [OR REPLACE] VIEW name [(column, ...)] AS query. */
SqlCreate SqlCreateView(Span s, boolean replace) :
{
    final SqlIdentifier name;
    SqlNodeList columns = null;
    final SqlParserPos as;
    final SqlNode query;
}
{
    <VIEW> name = CompoundIdentifier()
    [ columns = ParenthesizedSimpleIdentifierList() ]
    <AS> { as = getPos(); }
    query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    {
        return new SqlCreateView(s.end(this), replace, name, columns, query, as);
    }
}

/** DROP VIEW [IF EXISTS] name. */
SqlDrop SqlDropView(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier id;
}
{
    <VIEW> ifExists = IfExistsOpt() id = CompoundIdentifier() {
        return new SqlDropView(s.end(this), ifExists, id);
    }
}

/** CREATE SCHEMA [IF NOT EXISTS] name. */
SqlCreate SqlCreateSchema(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier id;
}
{
    <SCHEMA> ifNotExists = IfNotExistsOpt() id = SimpleIdentifier() {
        return new SqlCreateSchema(s.end(this), ifNotExists, id);
    }
}

/** DROP SCHEMA [IF EXISTS] name [CASCADE | RESTRICT]. */
SqlDrop SqlDropSchema(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier id;
    boolean cascade = false;
}
{
    <SCHEMA> ifExists = IfExistsOpt() id = SimpleIdentifier()
    [ <CASCADE> { cascade = true; } | <RESTRICT> ]
    {
        return new SqlDropSchema(s.end(this), ifExists, id, cascade);
    }
}

/** DROP INDEX [IF EXISTS] name. */
SqlDrop SqlDropIndex(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier id;
}
{
    <INDEX> ifExists = IfExistsOpt() id = SimpleIdentifier() {
        return new SqlDropIndex(s.end(this), ifExists, id);
    }
}

/**
 * COPY table [(column, ...)] FROM 'path' [WITH (option [=] value, ...)],
 * COPY table [(column, ...)] TO 'path' [WITH (...)] and COPY (query) TO 'path' [WITH (...)].
 * Options are checked when the statement runs, so that a wrong one gets a message naming it.
 */
SqlNode SqlCopy() :
{
    final Span s;
    SqlIdentifier table = null;
    SqlNodeList columns = null;
    SqlNode query = null;
    SqlParserPos queryStart = null;
    SqlParserPos queryEnd = null;
    final boolean from;
    final SqlNode path;
    final List<SqlNode> optionNodes = new ArrayList<SqlNode>();
    final Span optionSpan;
}
{
    <COPY> { s = span(); }
    (
        table = CompoundIdentifier()
        [ columns = ParenthesizedSimpleIdentifierList() ]
        (
            <FROM> { from = true; }
        |
            <TO> { from = false; }
        )
    |
        <LPAREN> { queryStart = getPos(); }
        query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
        <RPAREN> { queryEnd = getPos(); }
        <TO> { from = false; }
    )
    path = StringLiteral()
    { optionSpan = span(); }
    [
        <WITH> <LPAREN>
        CopyOption(optionNodes)
        ( <COMMA> CopyOption(optionNodes) )*
        <RPAREN>
    ]
    {
        SqlNodeList optionList = new SqlNodeList(optionNodes, optionSpan.end(this));
        if (from) {
            return new SqlCopyFrom(s.end(this), table, columns, path, optionList);
        }
        return new SqlCopyTo(s.end(this), table, columns, query, queryStart, queryEnd, path,
            optionList);
    }
}

/**
 * One COPY option: a name, then optionally "=", then a literal (signed numbers included) or a word
 * (FORMAT csv); a name alone (HEADER) means TRUE. Adds the name, then the value.
 */
void CopyOption(List<SqlNode> list) :
{
    final SqlIdentifier key;
    SqlNode value;
}
{
    (
        key = SimpleIdentifier()
    |
        <NULL> { key = new SqlIdentifier("NULL", getPos()); }
    )
    [ <EQ> ]
    (
        value = Literal()
    |
        value = SimpleIdentifier()
    |
        { value = SqlLiteral.createBoolean(true, key.getParserPosition()); }
    )
    {
        list.add(key);
        list.add(value);
    }
}

/**
 * BEGIN [WORK | TRANSACTION] [modes], START TRANSACTION [modes], COMMIT [WORK | TRANSACTION],
 * END, ROLLBACK [WORK | TRANSACTION], ROLLBACK [WORK | TRANSACTION] TO [SAVEPOINT] name,
 * SAVEPOINT name, RELEASE [SAVEPOINT] name, SET TRANSACTION modes; as PostgreSQL writes them.
 */
SqlNode SqlTransactionStatement() :
{
    final Span s;
    SqlIdentifier name = null;
    final SqlTransactionControl.Isolation[] isolation = { null };
    final Boolean[] readOnly = { null };
}
{
    (
        <BEGIN> { s = span(); } [ <WORK> | <TRANSACTION> ]
        [ TransactionMode(isolation, readOnly) ( [ <COMMA> ] TransactionMode(isolation, readOnly) )* ]
        {
            return new SqlTransactionControl(s.end(this),
                SqlTransactionControl.Action.BEGIN, null, isolation[0], readOnly[0]);
        }
    |
        <START> { s = span(); } <TRANSACTION>
        [ TransactionMode(isolation, readOnly) ( [ <COMMA> ] TransactionMode(isolation, readOnly) )* ]
        {
            return new SqlTransactionControl(s.end(this),
                SqlTransactionControl.Action.BEGIN, null, isolation[0], readOnly[0]);
        }
    |
        ( <COMMIT> | <END> ) { s = span(); } [ <WORK> | <TRANSACTION> ]
        {
            return new SqlTransactionControl(s.end(this),
                SqlTransactionControl.Action.COMMIT, null, null, null);
        }
    |
        <ROLLBACK> { s = span(); } [ <WORK> | <TRANSACTION> ]
        (
            <TO> [ <SAVEPOINT> ] name = SimpleIdentifier()
            {
                return new SqlTransactionControl(s.end(this),
                    SqlTransactionControl.Action.ROLLBACK_TO_SAVEPOINT, name, null, null);
            }
        |
            {
                return new SqlTransactionControl(s.end(this),
                    SqlTransactionControl.Action.ROLLBACK, null, null, null);
            }
        )
    |
        <SAVEPOINT> { s = span(); } name = SimpleIdentifier()
        {
            return new SqlTransactionControl(s.end(this),
                SqlTransactionControl.Action.SAVEPOINT, name, null, null);
        }
    |
        <RELEASE> { s = span(); } [ <SAVEPOINT> ] name = SimpleIdentifier()
        {
            return new SqlTransactionControl(s.end(this),
                SqlTransactionControl.Action.RELEASE_SAVEPOINT, name, null, null);
        }
    |
        <SET> { s = span(); } <TRANSACTION>
        TransactionMode(isolation, readOnly) ( [ <COMMA> ] TransactionMode(isolation, readOnly) )*
        {
            return new SqlTransactionControl(s.end(this),
                SqlTransactionControl.Action.SET_TRANSACTION, null, isolation[0], readOnly[0]);
        }
    )
}

/** ISOLATION LEVEL level | READ ONLY | READ WRITE. */
void TransactionMode(SqlTransactionControl.Isolation[] isolation, Boolean[] readOnly) :
{
}
{
    <ISOLATION> <LEVEL>
    (
        <SERIALIZABLE> { isolation[0] = SqlTransactionControl.Isolation.SERIALIZABLE; }
    |
        <REPEATABLE> <READ> { isolation[0] = SqlTransactionControl.Isolation.REPEATABLE_READ; }
    |
        LOOKAHEAD(2) <READ> <COMMITTED>
        { isolation[0] = SqlTransactionControl.Isolation.READ_COMMITTED; }
    |
        <READ> <UNCOMMITTED> { isolation[0] = SqlTransactionControl.Isolation.READ_UNCOMMITTED; }
    )
|
    LOOKAHEAD(2) <READ> <ONLY> { readOnly[0] = true; }
|
    <READ> <WRITE> { readOnly[0] = false; }
}

/** VECTOR(n), a float32 vector of n dimensions; a bare VECTOR (any dimension) is allowed in casts. */
SqlTypeNameSpec VectorTypeName() :
{
    final Span s;
    int dimension = -1;
}
{
    <VECTOR> { s = span(); }
    [ <LPAREN> dimension = UnsignedIntLiteral() <RPAREN> ]
    {
        return new SqlVectorTypeNameSpec(dimension, s.end(this));
    }
}

/** The pgvector distance operators: a <-> b, a <=> b, a <#> b, a <+> b. */
/** PostgreSQL's cast {@code expr::type}, as Calcite's Babel parser reads it. */
void InfixCast(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlDataTypeSpec dt;
}
{
    <INFIX_CAST> {
        checkNonQueryExpression(exprContext);
    }
    dt = DataType() {
        list.add(new SqlParserUtil.ToTreeListItem(InfixCastOperator.INSTANCE, s.pos()));
        list.add(dt);
    }
}

void VectorDistanceExpression(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlOperator op;
}
{
    (
        <L2_DISTANCE_OP> { op = VectorOperators.L2_DISTANCE_OP; }
    |
        <COSINE_DISTANCE_OP> { op = VectorOperators.COSINE_DISTANCE_OP; }
    |
        <NEGATIVE_INNER_PRODUCT_OP> { op = VectorOperators.NEGATIVE_INNER_PRODUCT_OP; }
    |
        <L1_DISTANCE_OP> { op = VectorOperators.L1_DISTANCE_OP; }
    )
    {
        checkNonQueryExpression(exprContext);
        list.add(new SqlParserUtil.ToTreeListItem(op, getPos()));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
}

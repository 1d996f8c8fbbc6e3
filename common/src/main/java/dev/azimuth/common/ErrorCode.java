package dev.azimuth.common;

/**
 * The closed set of error conditions Azimuth reports, each with the SQLSTATE a client sees.
 *
 * <p>SQLSTATE values follow PostgreSQL's assignments, so that tools and people who know
 * PostgreSQL (and pgvector) read them without a table.
 */
public enum ErrorCode {
  /** Malformed SQL text. */
  SYNTAX_ERROR("42601"),
  /** A table that does not exist. */
  UNDEFINED_TABLE("42P01"),
  /** A column that does not exist. */
  UNDEFINED_COLUMN("42703"),
  /** A function or operator that does not exist for the given argument types. */
  UNDEFINED_FUNCTION("42883"),
  /** A column name that matches columns of several tables in scope. */
  AMBIGUOUS_COLUMN("42702"),
  /** CREATE TABLE of a name that exists. */
  DUPLICATE_TABLE("42P07"),
  /** A column name given twice, or ADD/RENAME COLUMN to a name the table has. */
  DUPLICATE_COLUMN("42701"),
  /** An object of another kind than the statement acts on (DROP TABLE of a view). */
  WRONG_OBJECT_TYPE("42809"),
  /** CREATE SCHEMA of a name that exists. */
  DUPLICATE_SCHEMA("42P06"),
  /** A schema named that does not exist. */
  INVALID_SCHEMA_NAME("3F000"),
  /** DROP SCHEMA of a schema that holds tables or views, without CASCADE. */
  DEPENDENT_OBJECTS_STILL_EXIST("2BP01"),
  /** CREATE INDEX of a name that exists. */
  DUPLICATE_OBJECT("42710"),
  /** An index (or other named object) that does not exist. */
  UNDEFINED_OBJECT("42704"),
  /** A table definition that breaks a rule (no primary key, bad type parameters, ...). */
  INVALID_TABLE_DEFINITION("42P16"),
  /** A table with more columns of a kind than allowed. */
  TOO_MANY_COLUMNS("54011"),
  /** A statement too large to compile (e.g. a VALUES list of thousands of rows). */
  STATEMENT_TOO_COMPLEX("54001"),
  /** A value or expression of the wrong type for where it is used. */
  DATATYPE_MISMATCH("42804"),
  /** Any other semantic error found while validating a statement. */
  INVALID_STATEMENT("42000"),
  /** A file COPY reads that is not laid out as its format says (wrong field count, bad header). */
  BAD_COPY_FILE_FORMAT("22P04"),
  /** A value that breaks a rule of its type: wrong vector dimension, NaN components, ... */
  DATA_EXCEPTION("22000"),
  /** Text that does not parse as a value of the expected type, e.g. a malformed vector literal. */
  INVALID_TEXT_REPRESENTATION("22P02"),
  /** Text that is not valid Unicode (an unpaired UTF-16 surrogate). */
  CHARACTER_NOT_IN_REPERTOIRE("22021"),
  /** A number outside the range of its type. */
  NUMERIC_VALUE_OUT_OF_RANGE("22003"),
  /** A string longer than its column allows. */
  STRING_DATA_RIGHT_TRUNCATION("22001"),
  /** Division by zero. */
  DIVISION_BY_ZERO("22012"),
  /** A bind parameter or option value that is not acceptable. */
  INVALID_PARAMETER_VALUE("22023"),
  /** NULL in a NOT NULL column. */
  NOT_NULL_VIOLATION("23502"),
  /** A statement that would change one row twice (a MERGE target matched twice). */
  CARDINALITY_VIOLATION("21000"),
  /** A second row with an existing primary key. */
  UNIQUE_VIOLATION("23505"),
  /**
   * An operation the connection may not do: DDL or DML in a read-only session, COPY of a file
   * outside the import directory.
   */
  INSUFFICIENT_PRIVILEGE("42501"),
  /** A statement cancelled by the client or by its timeout. */
  QUERY_CANCELED("57014"),
  /** A file named by a statement that does not exist. */
  UNDEFINED_FILE("58P01"),
  /** The database directory is held by another process. */
  OBJECT_IN_USE("55006"),
  /**
   * A transaction that cannot commit because another one committed a write to a row it also
   * wrote, after its snapshot was taken: nothing of it was applied; run it again.
   */
  SERIALIZATION_FAILURE("40001"),
  /** A statement that may not run inside a transaction block (DDL, COPY FROM, BEGIN). */
  ACTIVE_SQL_TRANSACTION("25001"),
  /** COMMIT, ROLLBACK or SAVEPOINT outside a transaction block. */
  NO_ACTIVE_SQL_TRANSACTION("25P01"),
  /** A write in a transaction started READ ONLY. */
  READ_ONLY_SQL_TRANSACTION("25006"),
  /** ROLLBACK TO or RELEASE of a savepoint that does not exist. */
  INVALID_SAVEPOINT_SPECIFICATION("3B001"),
  /** Something valid SQL asks for that Azimuth does not do (yet). */
  FEATURE_NOT_SUPPORTED("0A000"),
  /** The connection or engine is closed. */
  CONNECTION_DOES_NOT_EXIST("08003"),
  /** A failure of the disk or of the storage library. */
  IO_ERROR("58030"),
  /** A bug: a state the code believes cannot happen. */
  INTERNAL_ERROR("XX000");

  private final String sqlState;

  ErrorCode(String sqlState) {
    this.sqlState = sqlState;
  }

  /** The five-character SQLSTATE reported to JDBC clients. */
  public String sqlState() {
    return sqlState;
  }
}

package dev.azimuth.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.sql.SqlValidationException;
import dev.azimuth.sql.ddl.SqlColumnDeclaration;
import dev.azimuth.sql.ddl.SqlCreateTable;
import dev.azimuth.sql.ddl.SqlDropTable;
import dev.azimuth.sql.ddl.SqlKeyConstraint;
import dev.azimuth.sql.fun.VectorOperators;
import dev.azimuth.sql.type.SqlVectorTypeNameSpec;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;

class AzimuthSqlParserTest {
  @Test
  void createTableWithVectorColumnAndColumnLevelKey() {
    SqlNode node = AzimuthSqlParser.parse("create table if not exists docs ("
        + "id bigint primary key, title varchar(200), price decimal(10,2) not null, "
        + "embedding vector(128) not null)");
    SqlCreateTable create = assertInstanceOf(SqlCreateTable.class, node);
    assertTrue(create.ifNotExists);
    assertEquals("DOCS", create.name().getSimple());
    assertEquals(4, create.elements().size());
    SqlColumnDeclaration id = (SqlColumnDeclaration) create.elements().get(0);
    assertTrue(id.primaryKey());
    SqlColumnDeclaration embedding = (SqlColumnDeclaration) create.elements().get(3);
    assertEquals("EMBEDDING", embedding.name().getSimple());
    assertTrue(embedding.notNull());
    SqlVectorTypeNameSpec type =
        assertInstanceOf(SqlVectorTypeNameSpec.class, embedding.dataType().getTypeNameSpec());
    assertEquals(128, type.dimension());
  }

  @Test
  void tableLevelPrimaryKeyAndVectorAsColumnName() {
    SqlCreateTable create = (SqlCreateTable) AzimuthSqlParser.parse(
        "CREATE TABLE t (k VARCHAR, vector VECTOR(3), CONSTRAINT pk PRIMARY KEY (k))");
    SqlColumnDeclaration second = (SqlColumnDeclaration) create.elements().get(1);
    assertEquals("VECTOR", second.name().getSimple());
    SqlKeyConstraint pk = (SqlKeyConstraint) create.elements().get(2);
    assertEquals("K", pk.columns().get(0).getSimple());
    assertFalse(create.ifNotExists);
  }

  @Test
  void dropTable() {
    SqlDropTable drop = assertInstanceOf(SqlDropTable.class,
        AzimuthSqlParser.parse("DROP TABLE IF EXISTS docs"));
    assertTrue(drop.ifExists);
    assertEquals("DOCS", drop.name().getSimple());
  }

  @Test
  void distanceOperatorsBindBetweenComparisonAndAddition() {
    SqlOrderBy q = (SqlOrderBy) AzimuthSqlParser.parse(
        "SELECT id FROM docs WHERE embedding <=> '[1,2]' < 0.5 + 0.1 "
            + "ORDER BY embedding <-> ? LIMIT 5");
    SqlSelect select = (SqlSelect) q.query;
    SqlCall lessThan = (SqlCall) select.getWhere();
    assertEquals(SqlKind.LESS_THAN, lessThan.getKind());
    assertSame(VectorOperators.COSINE_DISTANCE_OP, ((SqlCall) lessThan.operand(0)).getOperator());
    assertEquals(SqlKind.PLUS, ((SqlCall) lessThan.operand(1)).getKind());
    SqlBasicCall order = (SqlBasicCall) q.orderList.get(0);
    assertSame(VectorOperators.L2_DISTANCE_OP, order.getOperator());
    for (String op : new String[] {"<#>", "<+>"}) {
      SqlSelect s = (SqlSelect) AzimuthSqlParser.parse("SELECT a " + op + " b FROM t");
      assertEquals(op, ((SqlCall) s.getSelectList().get(0)).getOperator().getName());
    }
  }

  @Test
  void upsertAndVectorCast() {
    SqlInsert upsert = (SqlInsert) AzimuthSqlParser.parse(
        "UPSERT INTO docs VALUES (1, CAST('[1,2,3]' AS VECTOR(3)))");
    assertTrue(upsert.isUpsert());
    assertTrue(upsert.toString().contains("VECTOR(3)"), upsert.toString());
  }

  @Test
  void syntaxErrorsAreShortAndPositioned() {
    SqlValidationException e = assertThrows(SqlValidationException.class,
        () -> AzimuthSqlParser.parse("SELECT FROM WHERE"));
    assertEquals(ErrorCode.SYNTAX_ERROR, e.code());
    assertTrue(e.getMessage().startsWith("syntax error: Incorrect syntax near the keyword 'FROM'"), e.getMessage());
    assertTrue(e.getMessage().endsWith("(at line 1, column 8)"), e.getMessage());
    assertThrows(SqlValidationException.class,
        () -> AzimuthSqlParser.parse("CREATE TABLE t (id BIGINT, v VECTOR(x))"));
  }
}

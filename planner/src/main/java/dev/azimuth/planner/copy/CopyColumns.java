package dev.azimuth.planner.copy;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.planner.PlanningException;
import dev.azimuth.storage.ColumnType;
import dev.azimuth.storage.TableDef;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Finds the table columns a COPY names, as SQL resolves names. Stateless. */
final class CopyColumns {
  private CopyColumns() {}

  /**
   * The index of a column named in a statement or in a file (exact name first, then ignoring
   * case, as SQL lookups do).
   *
   * @throws PlanningException 42703 if the table has no such column
   */
  static int find(TableDef table, String name) {
    int index = table.indexOf(name);
    if (index >= 0) {
      return index;
    }
    for (int i = 0; i < table.columns().size(); i++) {
      if (table.columns().get(i).name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    throw new PlanningException(ErrorCode.UNDEFINED_COLUMN,
        "column \"" + name + "\" of table " + table.name() + " does not exist");
  }

  /** The listed columns' indexes, or null if no list was written. */
  static int @Nullable [] listed(TableDef table, @Nullable SqlNodeList columns) {
    if (columns == null) {
      return null;
    }
    List<Integer> indexes = new ArrayList<>();
    for (SqlNode node : columns) {
      int c = find(table, ((SqlIdentifier) node).getSimple());
      if (indexes.contains(c)) {
        throw new PlanningException(ErrorCode.SYNTAX_ERROR,
            "column " + table.columns().get(c).name() + " is listed twice");
      }
      indexes.add(c);
    }
    return indexes.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The vector column a vectors-only file loads: the one listed, or the table's only one. */
  static int vectorColumn(TableDef table, int @Nullable [] listed) {
    List<Integer> vectors = new ArrayList<>();
    for (int c : listed != null ? listed : CsvSource.allColumns(table)) {
      if (table.columns().get(c).type() == ColumnType.VECTOR) {
        vectors.add(c);
      }
    }
    if (listed != null) {
      for (int c : listed) {
        if (c != table.primaryKey() && table.columns().get(c).type() != ColumnType.VECTOR) {
          throw new PlanningException(ErrorCode.INVALID_PARAMETER_VALUE, "an fvecs or npy file "
              + "holds only vectors (and keys); column " + table.columns().get(c).name()
              + " cannot be loaded from it");
        }
      }
    }
    if (vectors.size() != 1) {
      throw new PlanningException(ErrorCode.INVALID_PARAMETER_VALUE, vectors.isEmpty()
          ? "table " + table.name() + " has no VECTOR column to load an fvecs or npy file into"
          : "table " + table.name() + " has several VECTOR columns; name the one to load: "
              + "COPY " + table.name() + " (column) FROM ...");
    }
    return vectors.get(0);
  }
}

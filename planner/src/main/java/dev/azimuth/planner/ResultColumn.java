package dev.azimuth.planner;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.rel.type.RelDataType;

/**
 * One column of a statement's result.
 *
 * @param label the column's name as the client sees it
 * @param type  its SQL type; values are in Calcite's internal representation of that type
 *              (DATE as days, TIMESTAMP as milliseconds, VECTOR as {@code float[]})
 */
public record ResultColumn(String label, RelDataType type) {
  public ResultColumn {
    requireNonNull(label, "label");
    requireNonNull(type, "type");
  }
}

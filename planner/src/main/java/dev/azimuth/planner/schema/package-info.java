/** The Calcite schema adapter: stored tables as Calcite tables, and type translation. */
package dev.azimuth.planner.schema;

/**
 * The planner: ties SQL (Calcite) to storage and index. {@link dev.azimuth.planner.Engine} is
 * the entry point: it prepares statements into {@link dev.azimuth.planner.Prepared} plans and
 * executes them into {@link dev.azimuth.planner.QueryResult}s.
 */
package dev.azimuth.planner;

/**
 * What generated code calls at run time: scans, modification, vector and text search, the
 * vector and text functions, and the per-execution context that holds parameters, read views
 * and text statistics.
 */
package dev.azimuth.planner.runtime;

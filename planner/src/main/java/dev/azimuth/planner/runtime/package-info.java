/**
 * What generated code calls at run time: scans, modification, vector search, the vector
 * functions, and the per-execution context that holds parameters and read views.
 */
package dev.azimuth.planner.runtime;

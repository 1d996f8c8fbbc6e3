/**
 * The embedded JDBC implementation: Avatica's JDBC classes over an {@link
 * dev.azimuth.planner.Engine} in this JVM, with vector-aware result sets and parameters.
 */
package dev.azimuth.jdbc.embedded;

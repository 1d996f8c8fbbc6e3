/** The JDBC entry point: the {@code jdbc:azimuth:} driver and its URLs. */
package dev.azimuth.jdbc;

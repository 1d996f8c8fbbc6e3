/**
 * The {@code azimuth} command-line shell: argument parsing, the JDBC session that runs statements,
 * statement splitting and error reporting. The shell speaks only {@code java.sql}; the embedded
 * engine reaches it through {@link java.sql.DriverManager}.
 */
package dev.azimuth.shell;

/**
 * What the shell knows of the database's tables and columns, read through
 * {@link java.sql.DatabaseMetaData}: for tab completion and the {@code \d} commands.
 */
package dev.azimuth.shell.catalog;

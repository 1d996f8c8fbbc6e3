/**
 * The client-side {@code \copy}: files on the shell's machine read or written through JDBC
 * alone (prepared INSERT batches in, a query out), and the progress bar of long loads.
 */
package dev.azimuth.shell.copy;

/** The {@code azimuth serve} and {@code azimuth passwd} commands (picocli). */
package dev.azimuth.server.cli;

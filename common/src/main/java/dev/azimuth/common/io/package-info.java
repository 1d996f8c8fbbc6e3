/** Plumbing for reading files that COPY and the shell's {@code \copy} share. */
package dev.azimuth.common.io;

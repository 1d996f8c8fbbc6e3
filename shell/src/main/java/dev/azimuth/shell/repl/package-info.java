/**
 * The prompt: reads statements (through JLine on a terminal, with completion, history and
 * Ctrl-C handling; plainly from a pipe or an {@code \i} file) and hands them, or backslash
 * commands, to the session.
 */
package dev.azimuth.shell.repl;

/**
 * The prompt: reads lines (through JLine on a terminal, plainly from a pipe), gathers them into
 * statements and hands them, or backslash commands, to the session.
 */
package dev.azimuth.shell.repl;

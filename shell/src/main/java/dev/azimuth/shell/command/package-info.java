/**
 * Backslash commands of the prompt ({@code \q}, {@code \d}, {@code \x}, ...): one small class
 * each, registered in {@link dev.azimuth.shell.command.ShellCommands}.
 */
package dev.azimuth.shell.command;

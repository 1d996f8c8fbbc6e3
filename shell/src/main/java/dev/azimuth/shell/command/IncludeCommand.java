package dev.azimuth.shell.command;

import dev.azimuth.shell.Session;
import dev.azimuth.shell.repl.PlainLineSource;
import dev.azimuth.shell.repl.Repl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * {@code \i FILE}: runs a script's statements and backslash commands as if typed, carrying on
 * after errors (as piped input does). Counts its nesting, so a file including itself stops.
 */
final class IncludeCommand implements ShellCommand {
  /** Deeper nesting is almost surely a file that includes itself. */
  static final int MAX_DEPTH = 16;

  private final ShellCommands commands;
  private int depth;

  /** Runs included files' commands from {@code commands}. */
  IncludeCommand(ShellCommands commands) {
    this.commands = Objects.requireNonNull(commands, "commands");
  }

  @Override public String name() {
    return "i";
  }

  @Override public String arguments() {
    return "FILE";
  }

  @Override public String description() {
    return "run the statements and commands of a file";
  }

  @Override public Argument argument() {
    return Argument.FILE;
  }

  @Override public Outcome run(String argument, Session session) {
    if (argument.isEmpty()) {
      session.errors().shellError("\\i needs a file name");
      return Outcome.FAILED;
    }
    if (depth >= MAX_DEPTH) {
      session.errors().shellError("\\i " + argument + ": files nested more than " + MAX_DEPTH
          + " deep (does one include itself?)");
      return Outcome.FAILED;
    }
    Path file = Arguments.file(argument);
    depth++;
    try (InputStream in = Files.newInputStream(file)) {
      Repl.Result result = new Repl(session, new PlainLineSource(in), commands).run();
      return result.quit() ? Outcome.QUIT : result.ok() ? Outcome.DONE : Outcome.FAILED;
    } catch (NoSuchFileException e) {
      session.errors().shellError("cannot read " + file + ": no such file");
    } catch (AccessDeniedException e) {
      session.errors().shellError("cannot read " + file + ": permission denied");
    } catch (IOException e) {
      session.errors().shellError("cannot read " + file + ": " + e);
    } finally {
      depth--;
    }
    return Outcome.FAILED;
  }
}

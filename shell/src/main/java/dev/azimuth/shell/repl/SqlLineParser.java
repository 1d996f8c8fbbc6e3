package dev.azimuth.shell.repl;

import dev.azimuth.shell.StatementSplitter;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Tells JLine when the buffer is complete and where the word under the cursor is. Enter only
 * accepts the buffer once its statements end with {@code ;} outside quotes and comments (or it is
 * a backslash command, or empty): until then JLine opens a continuation line, so a multi-line
 * statement is edited, and kept in history, as one entry. Stateless.
 */
final class SqlLineParser implements Parser {
  @Override public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE && incomplete(line)) {
      throw new EOFError(-1, -1, "the statement is not ended by ';'", ";");
    }
    return SqlParsedLine.of(line, cursor);
  }

  /** Whether {@code buffer} holds the start of a statement not yet ended by {@code ;}. */
  static boolean incomplete(String buffer) {
    String text = buffer.strip();
    if (text.isEmpty() || text.startsWith("\\")) {
      return false;
    }
    return !StatementSplitter.split(buffer + "\n").remainder().isBlank();
  }

  /** A backslash is the start of a command, never an escape: {@code \q} must stay {@code \q}. */
  @Override public boolean isEscapeChar(char ch) {
    return false;
  }
}

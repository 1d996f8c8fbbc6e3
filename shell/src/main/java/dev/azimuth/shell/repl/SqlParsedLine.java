package dev.azimuth.shell.repl;

import java.util.ArrayList;
import java.util.List;
import org.jline.reader.CompletingParsedLine;

/**
 * The buffer cut into words for completion. In SQL, a word is a run of identifier characters
 * (letters, digits, {@code _ $ . "}), so {@code d.title} and {@code "My Table"}-less quoted names
 * are one word; string literals and comments are skipped, and a cursor inside one completes
 * nothing. In a backslash command, words are separated by whitespace (file names keep their
 * slashes).
 *
 * @param line       the whole buffer
 * @param cursor     the cursor's position in it
 * @param words      the words, with an empty one at the cursor if it is between words
 * @param wordIndex  the index of the word at the cursor
 * @param wordCursor the cursor's position within that word
 * @param command    whether the buffer is a backslash command
 * @param quoted     whether the cursor is inside a string literal or comment
 */
record SqlParsedLine(String line, int cursor, List<String> words, int wordIndex, int wordCursor,
    boolean command, boolean quoted) implements CompletingParsedLine {

  static SqlParsedLine of(String line, int cursor) {
    boolean command = line.stripLeading().startsWith("\\");
    List<String> words = new ArrayList<>();
    int wordIndex = -1;
    int wordCursor = 0;
    boolean quoted = false;
    int wordsBeforeCursor = 0;
    int n = line.length();
    int i = 0;
    while (i < n) {
      char c = line.charAt(i);
      int start = i;
      if (!command && (c == '\'' || c == '-' && i + 1 < n && line.charAt(i + 1) == '-')) {
        int end = c == '\'' ? closingQuote(line, i) : endOfLine(line, i);
        quoted |= cursor > start && cursor <= end;
        i = end < n && c == '\'' ? end + 1 : end;
        wordsBeforeCursor += i <= cursor ? 1 : 0;
        words.add(line.substring(start, i));
        continue;
      }
      if (!wordCharacter(c, command)) {
        i++;
        continue;
      }
      while (i < n && wordCharacter(line.charAt(i), command)) {
        i++;
      }
      if (wordIndex < 0 && cursor >= start && cursor <= i) {
        wordIndex = words.size();
        wordCursor = cursor - start;
      }
      if (i <= cursor) {
        wordsBeforeCursor++;
      }
      words.add(line.substring(start, i));
    }
    if (wordIndex < 0) {
      wordIndex = wordsBeforeCursor;
      words.add(wordIndex, "");
    }
    return new SqlParsedLine(line, cursor, List.copyOf(words), wordIndex, wordCursor, command,
        quoted);
  }

  private static boolean wordCharacter(char c, boolean command) {
    if (command) {
      return !Character.isWhitespace(c);
    }
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.' || c == '"';
  }

  /** The index of the quote closing the one at {@code from}, or the line's length. */
  private static int closingQuote(String line, int from) {
    int i = from + 1;
    while (i < line.length()) {
      if (line.charAt(i) == '\'') {
        if (i + 1 < line.length() && line.charAt(i + 1) == '\'') {
          i += 2;
          continue;
        }
        return i;
      }
      i++;
    }
    return line.length();
  }

  private static int endOfLine(String line, int from) {
    int i = from;
    while (i < line.length() && line.charAt(i) != '\n' && line.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  /** The part of the word at the cursor that precedes it: what completion extends. */
  String prefix() {
    return word().substring(0, wordCursor);
  }

  /** The word before the one at the cursor, or empty. */
  String previousWord() {
    return wordIndex > 0 ? words.get(wordIndex - 1) : "";
  }

  @Override public String word() {
    return words.get(wordIndex);
  }

  @Override public CharSequence escape(CharSequence candidate, boolean complete) {
    return candidate;
  }

  @Override public int rawWordCursor() {
    return wordCursor;
  }

  @Override public int rawWordLength() {
    return word().length();
  }
}

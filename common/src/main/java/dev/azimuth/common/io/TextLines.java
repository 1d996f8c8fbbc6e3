package dev.azimuth.common.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The non-blank lines of a UTF-8 text file, numbered from 1 as an editor numbers them (blank
 * lines count), with the bytes consumed so far for progress. JSON lines and text keys files
 * are read through it. Not thread-safe.
 */
public final class TextLines implements AutoCloseable {
  private final CountingInputStream counter;
  private final BufferedReader reader;
  private final long size;
  private long line;

  private TextLines(Path file) throws IOException {
    this.size = Files.size(file);
    this.counter = new CountingInputStream(Files.newInputStream(file));
    this.reader = new BufferedReader(new InputStreamReader(counter, StandardCharsets.UTF_8),
        1 << 16);
  }

  public static TextLines open(Path file) throws IOException {
    return new TextLines(file);
  }

  /** The next non-blank line, as it stands, or null at the end of the file. */
  public String next() throws IOException {
    String text;
    do {
      text = reader.readLine();
      line++;
      if (text == null) {
        return null;
      }
    } while (text.isBlank());
    return text;
  }

  /** Skips up to n non-blank lines; returns how many there were. */
  public long skip(long n) throws IOException {
    long done = 0;
    while (done < n) {
      String text = reader.readLine();
      if (text == null) {
        break;
      }
      line++;
      if (!text.isBlank()) {
        done++;
      }
    }
    return done;
  }

  /** The number of the line {@link #next} last returned (past the end after the last). */
  public long line() {
    return line;
  }

  public long bytesRead() {
    return counter.count();
  }

  /** The file's size in bytes. */
  public long size() {
    return size;
  }

  @Override public void close() throws IOException {
    reader.close();
  }
}

package dev.azimuth.shell.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Lines from a non-terminal stream (a pipe, a redirected file, a test), read as UTF-8 with no
 * prompts, so stdout holds only results. Does not close the stream, which its creator owns.
 */
public final class PlainLineSource implements LineSource {
  private final BufferedReader reader;

  /** Reads lines from {@code in}. */
  public PlainLineSource(InputStream in) {
    this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  @Override public String readLine(String prompt) throws IOException {
    return reader.readLine();
  }

  @Override public boolean interactive() {
    return false;
  }

  @Override public void close() {}
}

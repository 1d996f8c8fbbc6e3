package dev.azimuth.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.azimuth.shell.repl.TerminalLineSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jline.terminal.Size;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * Runs the real shell ({@link Main#run}) on a JLine terminal whose keyboard and screen are in
 * this JVM: keys typed here pass through the terminal's line discipline, as on a real tty, so
 * Ctrl-C raises SIGINT at the terminal while a statement runs. Results (stdout) and errors
 * (stderr) are captured apart from the screen, which shows prompts and echoed input.
 */
final class TerminalHarness implements AutoCloseable {
  /** Generous: this runs on a loaded two-core machine, and the first statement plans slowly. */
  static final long WAIT_SECONDS = 120;
  static final String CTRL_C = "\u0003";
  static final String CTRL_D = "\u0004";
  static final String CTRL_R = "\u0012";
  /** The up arrow as xterm sends it once JLine switched the keypad to application mode. */
  static final String UP = "\u001bOA";

  private final Keyboard keyboard = new Keyboard();
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Thread shell;
  private volatile Integer status;

  /**
   * Starts {@code azimuth ARGS} at the terminal.
   *
   * @param history the history file, or {@code null} for none
   */
  TerminalHarness(Path history, String... args) throws IOException {
    ExternalTerminal terminal = new ExternalTerminal("test", "xterm", keyboard, screen,
        StandardCharsets.UTF_8);
    terminal.setSize(new Size(160, 50));
    shell = new Thread(() -> status = Main.run(args, out, err,
        (session, commands) -> TerminalLineSource.open(terminal, session, commands, history)),
        "azimuth-shell-under-test");
    shell.setDaemon(true);
    shell.start();
  }

  /**
   * Types {@code keys} ({@code \r} is Enter) once the shell waits at its prompt. Keys typed
   * earlier, while a statement runs, would reach a terminal in cooked mode, as type-ahead does on
   * a real one: line-buffered, with Tab and arrows meaning nothing until the prompt reads them.
   */
  TerminalHarness type(String keys) {
    awaitPrompt();
    keyboard.type(keys);
    return this;
  }

  /** Types {@code keys} now, e.g. Ctrl-C while a statement runs. */
  TerminalHarness typeNow(String keys) {
    keyboard.type(keys);
    return this;
  }

  /** Waits until the shell is reading a line, its terminal in raw mode. */
  void awaitPrompt() {
    await("the shell's thread", () -> String.valueOf(inFrame("org.jline.reader.impl.LineReaderImpl",
        "readLine")), "true"::equals, "a prompt");
  }

  /** Whether the shell is running a statement. */
  boolean executing() {
    return inFrame("dev.azimuth.shell.Session", "execute");
  }

  private boolean inFrame(String className, String method) {
    for (StackTraceElement frame : shell.getStackTrace()) {
      if (frame.getClassName().equals(className) && frame.getMethodName().equals(method)) {
        return true;
      }
    }
    return false;
  }

  String out() {
    return text(out);
  }

  String err() {
    return text(err);
  }

  String screen() {
    return text(screen);
  }

  /** Waits until stdout holds {@code expected}; returns stdout. */
  String awaitOut(String expected) {
    return await("stdout", this::out, text -> text.contains(expected), expected);
  }

  /** Waits until stderr holds {@code expected}; returns stderr. */
  String awaitErr(String expected) {
    return await("stderr", this::err, text -> text.contains(expected), expected);
  }

  /** Waits until stdout holds {@code expected} {@code times} times; returns stdout. */
  String awaitOut(String expected, int times) {
    return await("stdout", this::out, text -> count(text, expected) >= times,
        times + " times " + expected);
  }

  /** Waits until the screen holds {@code expected} {@code times} times; returns the screen. */
  String awaitScreen(String expected, int times) {
    return await("the screen", this::screen, text -> count(text, expected) >= times,
        times + " times " + expected);
  }

  static int count(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      count++;
    }
    return count;
  }

  private String await(String where, java.util.function.Supplier<String> text,
      Predicate<String> done, String expected) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (System.nanoTime() < deadline) {
      String now = text.get();
      if (done.test(now)) {
        return now;
      }
      if (status != null) {
        break;
      }
      sleep(20);
    }
    return fail(where + " never showed " + expected + "\n--- stdout:\n" + out() + "\n--- stderr:\n"
        + err() + "\n--- screen:\n" + screen());
  }

  /** Types Ctrl-D and waits for the shell to end; returns its exit status. */
  int exit() {
    type(CTRL_D);
    return awaitStatus();
  }

  /** Waits for the shell to end by itself (e.g. after {@code \q}); returns its exit status. */
  int awaitStatus() {
    try {
      shell.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    assertTrue(status != null, "the shell did not exit; stderr:\n" + err());
    return status;
  }

  @Override public void close() {
    keyboard.end();
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Key presses waiting to be read by the terminal, which blocks for more until the end. */
  private static final class Keyboard extends InputStream {
    private static final int END = -1;
    private final BlockingQueue<Integer> keys = new LinkedBlockingQueue<>();

    void type(String text) {
      for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
        keys.add(b & 0xff);
      }
    }

    void end() {
      keys.add(END);
    }

    @Override public int read() throws IOException {
      try {
        int key = keys.take();
        if (key == END) {
          keys.add(END);
        }
        return key;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException();
      }
    }

    @Override public int read(byte[] buffer, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      int first = read();
      if (first == END) {
        return -1;
      }
      buffer[offset] = (byte) first;
      int n = 1;
      while (n < length && !keys.isEmpty() && keys.peek() != END) {
        buffer[offset + n++] = keys.poll().byteValue();
      }
      return n;
    }

    @Override public int available() {
      return keys.size();
    }
  }
}

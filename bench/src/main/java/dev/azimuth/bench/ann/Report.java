package dev.azimuth.bench.ann;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * One run's markdown report: every part is printed to stdout as it is added, and the whole is
 * appended to the results file when the run ends (also when it fails, with the error).
 * Not thread-safe.
 */
final class Report {
  private final Path results;
  private final StringBuilder text = new StringBuilder();

  /**
   * Starts a report with a heading, the date, the machine, the commit, the command line and an
   * optional note (null for none).
   */
  Report(Path results, String title, List<String> commandLine, String note) {
    this.results = results;
    add("## " + title + "\n");
    List<String> header = new ArrayList<>();
    header.add("- date: " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    header.addAll(Machine.describe());
    header.add("- repository HEAD: `" + Locations.gitHead() + "` (the working tree may differ)");
    header.add("- command: `AnnBench "
        + String.join(" ", commandLine.stream().map(Report::shellWord).toList()) + "`");
    if (note != null && !note.isBlank()) {
      header.add("- note: " + note);
    }
    add(String.join("\n", header) + "\n");
  }

  /** An argument as a shell would need it: single-quoted when it holds spaces or quotes. */
  private static String shellWord(String arg) {
    boolean plain = !arg.isEmpty() && arg.chars().noneMatch(
        c -> Character.isWhitespace(c) || "'\"`$\\;&|<>*?()".indexOf(c) >= 0);
    return plain ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }

  /** Adds a paragraph (or any markdown block). */
  void add(String markdown) {
    System.out.println(markdown);
    System.out.flush();
    text.append(markdown).append('\n');
  }

  /** Adds a fenced code block, e.g. a query plan. */
  void code(String content) {
    add("```\n" + content.strip() + "\n```\n");
  }

  /** Adds a table. */
  void table(MarkdownTable table) {
    add(table.render());
  }

  /** Appends everything added so far to the results file. */
  void save() {
    try {
      Files.createDirectories(results.toAbsolutePath().getParent());
      Files.writeString(results, text + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      System.out.println("(appended to " + results + ")");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + results, e);
    }
  }
}

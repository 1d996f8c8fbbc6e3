package dev.azimuth.shell.format;

/**
 * How results meant for people are laid out; formats meant for machines ignore it.
 *
 * @param expanded      whether records print one column per line ({@code \x})
 * @param terminalWidth the terminal's width in columns, or 0 when unknown (not a terminal)
 */
public record Display(Expanded expanded, int terminalWidth) {
  /** Aligned tables on a display of unknown width. */
  public static final Display PLAIN = new Display(Expanded.OFF, 0);

  /** The {@code \x} setting. */
  public enum Expanded {
    /** Aligned columns. */
    OFF,
    /** One line per column, each record under its own heading. */
    ON,
    /** Expanded when the aligned table would be wider than the terminal. */
    AUTO
  }

  /** Checks the parts. */
  public Display {
    java.util.Objects.requireNonNull(expanded, "expanded");
  }

  /** Whether a table {@code width} columns wide is to print expanded. */
  boolean expand(int width) {
    return expanded == Expanded.ON
        || expanded == Expanded.AUTO && terminalWidth > 0 && width > terminalWidth;
  }
}

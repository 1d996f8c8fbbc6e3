package dev.azimuth.shell.command;

import java.util.regex.Pattern;

/**
 * The pattern argument of the listing commands, as psql's: {@code *} matches any text,
 * {@code ?} one character, everything else itself, regardless of case. No pattern matches all.
 */
record NamePattern(Pattern regex) {
  static NamePattern of(String glob) {
    if (glob.isBlank()) {
      return new NamePattern(Pattern.compile(".*", Pattern.DOTALL));
    }
    StringBuilder regex = new StringBuilder();
    for (char c : glob.strip().toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return new NamePattern(Pattern.compile(regex.toString(),
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL));
  }

  boolean matches(String name) {
    return name != null && regex.matcher(name).matches();
  }
}

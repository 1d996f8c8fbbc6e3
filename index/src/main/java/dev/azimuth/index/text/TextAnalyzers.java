package dev.azimuth.index.text;

import static java.util.Objects.requireNonNull;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.core.SimpleAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * The analyzers a FULLTEXT index may name, one shared instance each.
 *
 * <ul>
 *   <li>{@code standard}: Unicode word boundaries (UAX #29), lower case, no stop words;
 *   <li>{@code english}: as {@code standard}, then possessives dropped, English stop words
 *       removed and Porter stemming ({@code running} → {@code run});
 *   <li>{@code simple}: runs of letters, lower case (digits split words and vanish);
 *   <li>{@code whitespace}: split on whitespace only, case kept.
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class TextAnalyzers {
  /** The analyzer used when an index names none. */
  public static final String DEFAULT = "standard";

  // Lucene's StandardAnalyzer has had no stop words by default since 8.0; say so explicitly
  // so that a change of default cannot change our terms, and with them existing index files.
  private static final Map<String, TextAnalyzer> BY_NAME = Map.of(
      "standard", new TextAnalyzer("standard", new StandardAnalyzer(CharArraySet.EMPTY_SET)),
      "english", new TextAnalyzer("english", new EnglishAnalyzer()),
      "simple", new TextAnalyzer("simple", new SimpleAnalyzer()),
      "whitespace", new TextAnalyzer("whitespace", new WhitespaceAnalyzer()));

  private static final List<String> NAMES = List.of("standard", "english", "simple", "whitespace");

  private TextAnalyzers() {}

  /**
   * The analyzer called {@code name}, ignoring case.
   *
   * @throws AzimuthException with {@link ErrorCode#INVALID_PARAMETER_VALUE} naming the valid
   *     analyzers when there is none of that name
   */
  public static TextAnalyzer forName(String name) {
    requireNonNull(name, "name");
    TextAnalyzer analyzer = BY_NAME.get(name.toLowerCase(Locale.ROOT));
    if (analyzer == null) {
      throw new AzimuthException(ErrorCode.INVALID_PARAMETER_VALUE, "unknown text analyzer '"
          + name + "'; valid analyzers are " + String.join(", ", NAMES));
    }
    return analyzer;
  }

  /** The analyzer of {@link #DEFAULT}. */
  public static TextAnalyzer standard() {
    return forName(DEFAULT);
  }

  /** The valid names, {@link #DEFAULT} first. */
  public static List<String> names() {
    return NAMES;
  }
}

package dev.azimuth.index.text;

import static java.util.Objects.requireNonNull;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import java.util.Locale;

/**
 * The validated options of one FULLTEXT index, named as in SQL ({@code analyzer}) in error
 * messages. Immutable and thread-safe.
 *
 * @param analyzer the name of a {@link TextAnalyzers} analyzer, in lower case
 */
public record TextIndexOptions(String analyzer) {
  /** The options of {@code CREATE INDEX ... USING FULLTEXT (col)} without {@code WITH}. */
  public static final TextIndexOptions DEFAULT = new TextIndexOptions(TextAnalyzers.DEFAULT);

  /**
   * Checks the analyzer name and folds it to lower case.
   *
   * @throws AzimuthException with {@link ErrorCode#INVALID_PARAMETER_VALUE} naming the valid
   *     analyzers when there is none of that name
   */
  public TextIndexOptions {
    requireNonNull(analyzer, "analyzer");
    TextAnalyzers.forName(analyzer);
    analyzer = analyzer.toLowerCase(Locale.ROOT);
  }

  /** The analyzer itself. */
  public TextAnalyzer textAnalyzer() {
    return TextAnalyzers.forName(analyzer);
  }
}

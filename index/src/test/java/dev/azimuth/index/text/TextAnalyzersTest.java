package dev.azimuth.index.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The named analyzers and what they make of text. */
class TextAnalyzersTest {
  @Test
  void standardSplitsOnWordBoundariesFoldsCaseAndKeepsStopWords() {
    TextAnalyzer standard = TextAnalyzers.forName("standard");
    assertEquals(List.of("the", "quick", "brown", "fox's", "running", "e.g", "42"),
        standard.terms("The QUICK, brown fox's RUNNING! e.g. 42"));
  }

  @Test
  void englishRemovesStopWordsAndPossessivesAndStems() {
    TextAnalyzer english = TextAnalyzers.forName("english");
    assertEquals(List.of("run"), english.terms("running"));
    assertEquals(List.of("quick", "brown", "fox", "run", "dog"),
        english.terms("The quick brown fox's running with the dogs"));
    assertEquals(english.terms("Runs"), english.terms("running"));
  }

  @Test
  void simpleKeepsLettersOnlyAndWhitespaceKeepsCase() {
    assertEquals(List.of("abc", "def"), TextAnalyzers.forName("simple").terms("ABC1def"));
    assertEquals(List.of("Hello,", "WORLD"),
        TextAnalyzers.forName("whitespace").terms("Hello,  WORLD"));
  }

  @Test
  void termFrequenciesCountRepeatsInTermOrder() {
    Map<String, Integer> frequencies =
        TextAnalyzers.standard().termFrequencies("b a B c b");
    assertEquals(Map.of("a", 1, "b", 3, "c", 1), frequencies);
    assertEquals(List.of("a", "b", "c"), List.copyOf(frequencies.keySet()));
  }

  @Test
  void namesIgnoreCaseAndUnknownNamesListTheValidOnes() {
    assertSame(TextAnalyzers.forName("english"), TextAnalyzers.forName("English"));
    assertEquals("standard", TextAnalyzers.standard().name());
    AzimuthException e =
        assertThrows(AzimuthException.class, () -> TextAnalyzers.forName("klingon"));
    assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.code());
    for (String name : TextAnalyzers.names()) {
      assertTrue(e.getMessage().contains(name), e.getMessage());
    }
  }

  @Test
  void queriesCountRepeatedTermsAndMatchOnAnyTerm() {
    TextQuery query = TextQuery.of(TextAnalyzers.forName("english"), "Running dogs, running");
    assertEquals(List.of("dog", "run"), query.terms());
    assertEquals(1, query.occurrences(0));
    assertEquals(2, query.occurrences(1));
    assertTrue(query.matches("a dog sleeps"));
    assertTrue(query.matches("she runs"));
    assertEquals(false, query.matches("cats sleep"));
    assertEquals(false, query.matches(null));
    assertTrue(TextQuery.of(TextAnalyzers.forName("english"), "the of and").isEmpty());
  }
}

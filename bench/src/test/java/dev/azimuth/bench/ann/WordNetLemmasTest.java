package dev.azimuth.bench.ann;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WordNetLemmasTest {
  @Test
  void baseLemmasAreTheLowerCasedListBeforeThePartOfSpeech() {
    String text = "dog, domestic dog, Canis familiaris (noun): a member of the genus Canis "
        + "(probably descended from the common wolf)";
    assertEquals(List.of("dog", "domestic dog", "canis familiaris"),
        WordNetLemmas.baseLemmas(text, "noun"));
    assertEquals("dog, domestic dog, Canis familiaris (noun)", WordNetLemmas.title(text, "noun"));
  }

  @Test
  void relevantAreTheBaseSynsetsSharingALemmaWithTheTermQuery() {
    WordNetLemmas lemmas = new WordNetLemmas();
    lemmas.add(0, "route, path, itinerary (noun): an established line of travel", "noun");
    lemmas.add(1, "route (verb): send documents to appropriate destinations", "verb");
    lemmas.add(2, "hurt, injury (noun): any physical damage", "noun");
    lemmas.add(3, "rout (verb): dig with the snout", "verb");
    assertEquals(Set.of(0, 1), lemmas.relevant("route"));
    assertEquals(Set.of(2), lemmas.relevant("detriment, Hurt"));
    assertEquals(Set.of(), lemmas.relevant("percher"));
  }

  @Test
  void aTextWithoutItsPartOfSpeechIsRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> WordNetLemmas.baseLemmas("dog: a member", "noun"));
  }
}

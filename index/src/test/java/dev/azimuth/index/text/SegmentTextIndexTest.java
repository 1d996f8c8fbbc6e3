package dev.azimuth.index.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building, writing and opening one segment's text index. */
class SegmentTextIndexTest {
  private static final TextAnalyzer ENGLISH = TextAnalyzers.forName("english");
  private static final String[] TEXTS = RandomCorpus.generate(7, 500);

  @TempDir Path dir;

  private static SegmentTextIndex build() {
    return SegmentTextIndex.build(ENGLISH, TEXTS.length, i -> TEXTS[i], i -> i % 7 != 3);
  }

  @Test
  void postingsAndLengthsAreThoseOfTheTexts() {
    SegmentTextIndex index = build();
    long documents = 0;
    long total = 0;
    for (int i = 0; i < TEXTS.length; i++) {
      boolean expected = TEXTS[i] != null && i % 7 != 3;
      assertEquals(expected, index.hasDocument(i));
      if (expected) {
        int length = ENGLISH.terms(TEXTS[i]).size();
        assertEquals(length, index.documentLength(i));
        documents++;
        total += length;
      }
    }
    assertEquals(documents, index.documentCount());
    assertEquals(total, index.totalLength());
    for (int t = 0; t < index.termCount(); t++) {
      String term = index.term(t);
      SegmentTextIndex.Postings postings = index.postings(term);
      List<Integer> ordinals = new ArrayList<>();
      List<Integer> frequencies = new ArrayList<>();
      for (int i = 0; i < TEXTS.length; i++) {
        Integer tf = index.hasDocument(i) ? ENGLISH.termFrequencies(TEXTS[i]).get(term) : null;
        if (tf != null) {
          ordinals.add(i);
          frequencies.add(tf);
        }
      }
      assertEquals(ordinals, boxed(postings.ordinals()), term);
      assertEquals(frequencies, boxed(postings.frequencies()), term);
      assertEquals(ordinals.size(), index.documentFrequency(term));
      if (t > 0) {
        assertTrue(index.term(t - 1).compareTo(term) < 0 || !isAscii(term));
      }
    }
    assertEquals(0, index.postings("absent").size());
    assertEquals(0, index.documentFrequency("absent"));
    assertTrue(index.residentBytes() > 4L * TEXTS.length);
  }

  @Test
  void aFileRoundTripGivesTheSameIndex() throws IOException {
    SegmentTextIndex index = build();
    Path file = dir.resolve("index-1-segment-2.text");
    Files.writeString(file, "an older index, replaced atomically");
    SegmentTextIndex.FileInfo info = index.write(file);
    assertEquals(crc32c(file), info.checksum());
    assertEquals(Files.size(file), info.bytes());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
    SegmentTextIndex opened = SegmentTextIndex.open(file, info.checksum(), ENGLISH,
        TEXTS.length);
    assertEquals(index.termCount(), opened.termCount());
    assertEquals(index.documentCount(), opened.documentCount());
    assertEquals(index.totalLength(), opened.totalLength());
    assertEquals(index.residentBytes(), opened.residentBytes());
    for (int i = 0; i < TEXTS.length; i++) {
      assertEquals(index.documentLength(i), opened.documentLength(i));
    }
    for (int t = 0; t < index.termCount(); t++) {
      assertEquals(index.term(t), opened.term(t));
      assertEquals(index.postings(index.term(t)), opened.postings(index.term(t)));
    }
    Random random = new Random(3);
    for (int q = 0; q < 20; q++) {
      TextQuery query = TextQuery.of(ENGLISH, RandomCorpus.query(random));
      assertEquals(Bm25.search(query, List.of(TextSegment.indexed(2, index, i -> i != 5)), 20,
              null),
          Bm25.search(query, List.of(TextSegment.indexed(2, opened, i -> i != 5)), 20, null));
    }
  }

  @Test
  void anEmptyIndexRoundTrips() throws IOException {
    SegmentTextIndex empty = SegmentTextIndex.build(ENGLISH, 3, i -> null, null);
    Path file = dir.resolve("empty");
    SegmentTextIndex opened = SegmentTextIndex.open(file, empty.write(file).checksum(),
        ENGLISH, 3);
    assertEquals(0, opened.termCount());
    assertEquals(0, opened.documentCount());
    assertFalse(opened.hasDocument(2));
    assertEquals(List.of(), Bm25.search(TextQuery.of(ENGLISH, "apple"),
        List.of(TextSegment.indexed(0, opened, null)), 5, null));
  }

  @Test
  void everyFlippedByteIsDetected() throws IOException {
    Path file = dir.resolve("index");
    SegmentTextIndex.FileInfo info = build().write(file);
    byte[] original = Files.readAllBytes(file);
    Random random = new Random(5);
    for (int trial = 0; trial < 50; trial++) {
      byte[] damaged = original.clone();
      int at = trial == 0 ? 0 : trial == 1 ? damaged.length - 1 : random.nextInt(damaged.length);
      damaged[at] ^= (byte) (1 << random.nextInt(8));
      Files.write(file, damaged);
      CorruptTextIndexException e = assertThrows(CorruptTextIndexException.class,
          () -> SegmentTextIndex.open(file, info.checksum(), ENGLISH, TEXTS.length));
      assertEquals(ErrorCode.IO_ERROR, e.code());
      assertEquals(file, e.file());
      assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    }
    Files.write(file, java.util.Arrays.copyOf(original, original.length - 10));
    assertThrows(CorruptTextIndexException.class,
        () -> SegmentTextIndex.open(file, info.checksum(), ENGLISH, TEXTS.length));
  }

  @Test
  void damageBehindAMatchingChecksumIsFoundByTheChecks() throws IOException {
    Path file = dir.resolve("index");
    build().write(file);
    byte[] original = Files.readAllBytes(file);
    Random random = new Random(9);
    int detected = 0;
    for (int trial = 0; trial < 200; trial++) {
      byte[] damaged = original.clone();
      damaged[random.nextInt(damaged.length)] ^= (byte) (1 << random.nextInt(8));
      Files.write(file, damaged);
      try {
        SegmentTextIndex.open(file, crc32c(file), ENGLISH, TEXTS.length);
      } catch (CorruptTextIndexException e) {
        detected++;
        continue;
      }
      // Some flips leave a valid index (a term's byte that keeps the dictionary in order).
    }
    assertTrue(detected > 150, "only " + detected + " of 200 damaged files were refused");
    Files.write(file, original);
    long checksum = crc32c(file);
    assertTrue(assertThrows(CorruptTextIndexException.class,
        () -> SegmentTextIndex.open(file, checksum, TextAnalyzers.standard(), TEXTS.length))
        .getMessage().contains("analyzer 'english'"));
    assertThrows(CorruptTextIndexException.class,
        () -> SegmentTextIndex.open(file, checksum, ENGLISH, TEXTS.length + 1));
    Files.write(file, ByteBuffer.allocate(8).putInt(0x12345678).array());
    assertThrows(CorruptTextIndexException.class,
        () -> SegmentTextIndex.open(file, crc32c(file), ENGLISH, TEXTS.length));
  }

  @Test
  void aMissingFileIsNamed() {
    Path file = dir.resolve("missing");
    NoSuchFileException e = assertThrows(NoSuchFileException.class,
        () -> SegmentTextIndex.open(file, 0, ENGLISH, 1));
    assertTrue(e.getMessage().contains("missing"));
  }

  @Test
  void aNegativeOrdinalCountIsABug() {
    AzimuthException e = assertThrows(AzimuthException.class,
        () -> SegmentTextIndex.build(ENGLISH, -1, i -> null, null));
    assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
  }

  private static long crc32c(Path file) throws IOException {
    CRC32C crc = new CRC32C();
    crc.update(Files.readAllBytes(file));
    return crc.getValue();
  }

  private static List<Integer> boxed(int[] values) {
    return java.util.Arrays.stream(values).boxed().toList();
  }

  private static boolean isAscii(String s) {
    return s.chars().allMatch(c -> c < 128);
  }
}

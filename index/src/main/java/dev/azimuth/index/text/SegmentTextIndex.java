package dev.azimuth.index.text;

import static java.util.Objects.requireNonNull;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * An immutable inverted index over the texts of one sealed segment: a sorted term dictionary,
 * per term the ascending ordinals that contain it with their term frequencies, and per ordinal
 * the document's length in terms.
 *
 * <p>An ordinal whose text is null, or that the build excluded, has no document: it is in no
 * posting list and counts in no statistic. Deletions are not the index's business: every query
 * method takes the segment's live ordinals, so a delete changes results (and statistics) at once.
 *
 * <p>Everything stays on the heap, the postings as the compressed bytes of the file (see the
 * module README for why). Immutable and thread-safe.
 */
public final class SegmentTextIndex {
  /** A lengths entry for an ordinal without a document. */
  static final int NO_DOCUMENT = -1;

  /**
   * The documents that contain one term.
   *
   * @param ordinals ascending
   * @param frequencies {@code frequencies[i]} is how often the term occurs in {@code ordinals[i]}
   */
  public record Postings(int[] ordinals, int[] frequencies) {
    /** Checks that the two arrays pair up. */
    public Postings {
      requireNonNull(ordinals, "ordinals");
      requireNonNull(frequencies, "frequencies");
      if (ordinals.length != frequencies.length) {
        throw new AzimuthException(ErrorCode.INTERNAL_ERROR, "postings need one frequency per "
            + "ordinal, got " + ordinals.length + " ordinals and " + frequencies.length
            + " frequencies");
      }
    }

    /** The number of documents. */
    public int size() {
      return ordinals.length;
    }

    // A record compares array components by identity; postings are values, so compare contents.
    @Override
    public boolean equals(Object o) {
      return o instanceof Postings other
          && Arrays.equals(ordinals, other.ordinals)
          && Arrays.equals(frequencies, other.frequencies);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(ordinals) + Arrays.hashCode(frequencies);
    }

    @Override
    public String toString() {
      return "Postings[ordinals=" + Arrays.toString(ordinals) + ", frequencies="
          + Arrays.toString(frequencies) + "]";
    }
  }

  /**
   * The facts about a written file that the caller records and hands back to {@link #open}.
   *
   * @param checksum the CRC32C of the whole file
   * @param bytes the file's size
   */
  public record FileInfo(long checksum, long bytes) {}

  private final TextAnalyzer analyzer;
  private final int[] lengths;
  private final int documentCount;
  private final long totalLength;
  private final byte[] termBytes;
  private final int[] termOffsets;
  private final int[] documentFrequencies;
  private final byte[] postings;
  private final int[] postingOffsets;

  /** Takes the arrays as they are; {@link TextIndexBuilder} and {@link TextIndexFile} check them. */
  SegmentTextIndex(TextAnalyzer analyzer, int[] lengths, int documentCount, long totalLength,
      byte[] termBytes, int[] termOffsets, int[] documentFrequencies, byte[] postings,
      int[] postingOffsets) {
    this.analyzer = analyzer;
    this.lengths = lengths;
    this.documentCount = documentCount;
    this.totalLength = totalLength;
    this.termBytes = termBytes;
    this.termOffsets = termOffsets;
    this.documentFrequencies = documentFrequencies;
    this.postings = postings;
    this.postingOffsets = postingOffsets;
  }

  /**
   * Indexes the texts of ordinals {@code 0 <= i < ordinalCount} that {@code include} accepts.
   *
   * @param analyzer how texts become terms
   * @param ordinalCount the number of ordinals in the segment
   * @param texts the text at an ordinal, null for none; called once per included ordinal, in
   *     ascending order, on the calling thread
   * @param include which ordinals to index; null includes all
   * @throws AzimuthException with {@link ErrorCode#FEATURE_NOT_SUPPORTED} when the postings
   *     would exceed 2 GB
   */
  public static SegmentTextIndex build(TextAnalyzer analyzer, int ordinalCount,
      IntFunction<String> texts, IntPredicate include) {
    requireNonNull(analyzer, "analyzer");
    requireNonNull(texts, "texts");
    if (ordinalCount < 0) {
      throw new AzimuthException(ErrorCode.INTERNAL_ERROR, "negative ordinal count "
          + ordinalCount);
    }
    return TextIndexBuilder.build(analyzer, ordinalCount, texts, include);
  }

  /**
   * Opens a file {@link #write} wrote, verifying its checksum before anything is parsed.
   *
   * @param file the file
   * @param checksum the checksum {@link #write} returned for it
   * @param analyzer the analyzer the index was built with
   * @param ordinalCount the ordinal count the index was built with
   * @throws CorruptTextIndexException when the checksum differs, the file does not parse or is
   *     inconsistent, or its header records another analyzer or ordinal count
   * @throws NoSuchFileException when the file does not exist
   * @throws IOException when the file cannot be read
   */
  public static SegmentTextIndex open(Path file, long checksum, TextAnalyzer analyzer,
      int ordinalCount) throws IOException {
    requireNonNull(file, "file");
    requireNonNull(analyzer, "analyzer");
    return TextIndexFile.read(file, checksum, analyzer, ordinalCount);
  }

  /**
   * Writes the index to {@code file} atomically (temporary file, fsync, rename, directory
   * fsync); on failure no temporary file is left and {@code file} is unchanged.
   */
  public FileInfo write(Path file) throws IOException {
    requireNonNull(file, "file");
    return TextIndexFile.write(this, file);
  }

  /** The analyzer the documents were analyzed with; queries must use it too. */
  public TextAnalyzer analyzer() {
    return analyzer;
  }

  /** The number of ordinals the index was built over. */
  public int ordinalCount() {
    return lengths.length;
  }

  /** The number of documents (ordinals with text), deleted or not. */
  public int documentCount() {
    return documentCount;
  }

  /** The sum of the documents' lengths, in terms. */
  public long totalLength() {
    return totalLength;
  }

  /** The number of distinct terms. */
  public int termCount() {
    return documentFrequencies.length;
  }

  /** Term {@code i} in dictionary order (ascending UTF-8 bytes). */
  public String term(int i) {
    return new String(termBytes, termOffsets[i], termOffsets[i + 1] - termOffsets[i],
        StandardCharsets.UTF_8);
  }

  /** True when {@code ordinal} has a document. */
  public boolean hasDocument(int ordinal) {
    return lengths[ordinal] != NO_DOCUMENT;
  }

  /** The length in terms of the document at {@code ordinal}, -1 when it has none. */
  public int documentLength(int ordinal) {
    return lengths[ordinal];
  }

  /** The number of documents, deleted or not, that contain {@code term} (an analyzed term). */
  public int documentFrequency(String term) {
    int i = termIndex(term.getBytes(StandardCharsets.UTF_8));
    return i < 0 ? 0 : documentFrequencies[i];
  }

  /** The documents, deleted or not, that contain {@code term} (an analyzed term). */
  public Postings postings(String term) {
    int i = termIndex(term.getBytes(StandardCharsets.UTF_8));
    return i < 0 ? new Postings(new int[0], new int[0]) : postings(i);
  }

  /**
   * The heap this index holds: lengths, dictionary, offsets and postings (array contents;
   * object headers are not counted).
   */
  public long residentBytes() {
    return 4L * lengths.length + termBytes.length + 4L * termOffsets.length
        + 4L * documentFrequencies.length + postings.length + 4L * postingOffsets.length;
  }

  /** One segment's statistics and matches for {@link Bm25}. */
  SegmentMatches match(int segment, TextQuery query, IntPredicate live, IntPredicate accept) {
    checkAnalyzer(query);
    int terms = query.termCount();
    SegmentMatches matches = new SegmentMatches(segment, terms);
    Postings[] lists = new Postings[terms];
    long[] df = new long[terms];
    for (int t = 0; t < terms; t++) {
      int i = termIndex(query.utf8(t));
      lists[t] = i < 0 ? new Postings(new int[0], new int[0]) : postings(i);
    }
    int[] cursors = new int[terms];
    int[] frequencies = new int[terms];
    while (true) {
      int ordinal = Integer.MAX_VALUE;
      for (int t = 0; t < terms; t++) {
        if (cursors[t] < lists[t].size()) {
          ordinal = Math.min(ordinal, lists[t].ordinals()[cursors[t]]);
        }
      }
      if (ordinal == Integer.MAX_VALUE) {
        break;
      }
      boolean isLive = live == null || live.test(ordinal);
      for (int t = 0; t < terms; t++) {
        Postings list = lists[t];
        if (cursors[t] < list.size() && list.ordinals()[cursors[t]] == ordinal) {
          frequencies[t] = list.frequencies()[cursors[t]++];
          if (isLive) {
            df[t]++;
          }
        } else {
          frequencies[t] = 0;
        }
      }
      if (isLive && (accept == null || accept.test(ordinal))) {
        matches.add(ordinal, lengths[ordinal], frequencies);
      }
    }
    matches.statistics(liveStatistics(live, df));
    return matches;
  }

  private CollectionStatistics liveStatistics(IntPredicate live, long[] df) {
    if (live == null) {
      return new CollectionStatistics(documentCount, totalLength, df);
    }
    long documents = 0;
    long total = 0;
    for (int ordinal = 0; ordinal < lengths.length; ordinal++) {
      int length = lengths[ordinal];
      if (length != NO_DOCUMENT && live.test(ordinal)) {
        documents++;
        total += length;
      }
    }
    return new CollectionStatistics(documents, total, df);
  }

  private void checkAnalyzer(TextQuery query) {
    if (!query.analyzer().name().equals(analyzer.name())) {
      throw new AzimuthException(ErrorCode.INTERNAL_ERROR, "a query analyzed with '"
          + query.analyzer().name() + "' cannot search a text index built with '"
          + analyzer.name() + "'");
    }
  }

  /** Decodes the postings of term {@code i}; they were checked when built or opened. */
  Postings postings(int i) {
    int count = documentFrequencies[i];
    int[] ordinals = new int[count];
    int[] frequencies = new int[count];
    ByteReader reader = new ByteReader(postings, postingOffsets[i], postingOffsets[i + 1]);
    try {
      int ordinal = -1;
      for (int d = 0; d < count; d++) {
        long code = reader.readVarLong();
        ordinal += (int) (code >>> 1);
        ordinals[d] = ordinal;
        frequencies[d] = (code & 1) != 0 ? 1 : reader.readVarInt();
      }
    } catch (ByteReader.Malformed e) {
      throw new AzimuthException(ErrorCode.INTERNAL_ERROR,
          "postings of term " + i + " changed after they were checked", e);
    }
    return new Postings(ordinals, frequencies);
  }

  /** The dictionary position of {@code utf8}, or a negative number when absent. */
  int termIndex(byte[] utf8) {
    int low = 0;
    int high = documentFrequencies.length - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int c = Arrays.compareUnsigned(termBytes, termOffsets[mid], termOffsets[mid + 1],
          utf8, 0, utf8.length);
      if (c < 0) {
        low = mid + 1;
      } else if (c > 0) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -(low + 1);
  }

  // Package-private views for the file writer.
  int[] lengths() {
    return lengths;
  }

  byte[] termBytes() {
    return termBytes;
  }

  int[] termOffsets() {
    return termOffsets;
  }

  int[] documentFrequencies() {
    return documentFrequencies;
  }

  byte[] postingBytes() {
    return postings;
  }

  int[] postingOffsets() {
    return postingOffsets;
  }
}

package dev.azimuth.index.text;

import static java.util.Objects.requireNonNull;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import java.util.Arrays;

/**
 * What BM25 needs to know about the whole table for one query, counted over live rows only: the
 * documents (live rows whose text is not null), their total length in terms, and for each query
 * term the number of those documents that contain it.
 *
 * <p>Statistics of disjoint parts (segments) add up with {@link #plus}, which is how a growing
 * segment's counts from raw text join the sealed segments' counts from their indexes. Immutable
 * by convention: the array is shared, not copied.
 *
 * @param documents live documents with text
 * @param totalLength the sum of their lengths, in terms
 * @param documentFrequencies entry {@code i}: live documents containing query term {@code i}
 */
public record CollectionStatistics(long documents, long totalLength, long[] documentFrequencies) {
  /** Checks that the counts are possible. */
  public CollectionStatistics {
    requireNonNull(documentFrequencies, "documentFrequencies");
    if (documents < 0 || totalLength < 0) {
      throw new AzimuthException(ErrorCode.INTERNAL_ERROR, "negative text statistics: "
          + documents + " documents, total length " + totalLength);
    }
    for (long df : documentFrequencies) {
      if (df < 0 || df > documents) {
        throw new AzimuthException(ErrorCode.INTERNAL_ERROR, "document frequency " + df
            + " outside 0.." + documents);
      }
    }
  }

  /** No documents, for a query of {@code termCount} distinct terms. */
  public static CollectionStatistics empty(int termCount) {
    return new CollectionStatistics(0, 0, new long[termCount]);
  }

  /** The statistics of both parts together; they must be for the same query. */
  public CollectionStatistics plus(CollectionStatistics other) {
    if (other.documentFrequencies.length != documentFrequencies.length) {
      throw new AzimuthException(ErrorCode.INTERNAL_ERROR, "text statistics of "
          + documentFrequencies.length + " and " + other.documentFrequencies.length
          + " query terms do not add up");
    }
    long[] df = new long[documentFrequencies.length];
    for (int i = 0; i < df.length; i++) {
      df[i] = documentFrequencies[i] + other.documentFrequencies[i];
    }
    return new CollectionStatistics(documents + other.documents,
        totalLength + other.totalLength, df);
  }

  /** The average document length, 0 when there are no documents. */
  public double averageLength() {
    return documents == 0 ? 0 : (double) totalLength / documents;
  }

  // A record compares array components by identity; statistics are values, so compare contents.
  @Override
  public boolean equals(Object o) {
    return o instanceof CollectionStatistics other
        && documents == other.documents
        && totalLength == other.totalLength
        && Arrays.equals(documentFrequencies, other.documentFrequencies);
  }

  @Override
  public int hashCode() {
    return (Long.hashCode(documents) * 31 + Long.hashCode(totalLength)) * 31
        + Arrays.hashCode(documentFrequencies);
  }

  @Override
  public String toString() {
    return "CollectionStatistics[documents=" + documents + ", totalLength=" + totalLength
        + ", documentFrequencies=" + Arrays.toString(documentFrequencies) + "]";
  }
}

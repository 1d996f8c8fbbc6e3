package dev.azimuth.common.vectors;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import dev.azimuth.common.io.TextLines;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The rows of a file of vectors for COPY: row i (from 0) is the i-th vector with either the key
 * {@code keyOffset + i}, so that keys match ground-truth row numbers, or the i-th key of a keys
 * file: ivecs of dimension 1, a 1-D integer {@code .npy}, or text with one key per line (blank
 * lines skipped). The engine's COPY and the shell's {@code \copy} both read through it, each
 * checking the vector column and the key column against its own idea of a table. Not
 * thread-safe.
 */
public final class KeyedVectors implements AutoCloseable {
  private final VectorFile vectors;
  private final VectorFile keyNumbers;
  private final TextLines keyLines;
  private final long keyOffset;
  private long row;
  private float[] vector;
  private Object key;

  private KeyedVectors(VectorFile vectors, VectorFile keyNumbers, TextLines keyLines,
      long keyOffset) {
    this.vectors = vectors;
    this.keyNumbers = keyNumbers;
    this.keyLines = keyLines;
    this.keyOffset = keyOffset;
  }

  /**
   * Takes {@code vectors} over (closing it if this fails) and opens the keys file, if any.
   *
   * @param keys the keys file, or null to number the rows from {@code keyOffset}
   * @throws KeysFileException if the keys file does not fit the vectors
   */
  public static KeyedVectors open(VectorFile vectors, Path keys, long keyOffset)
      throws IOException {
    VectorFile numbers = null;
    TextLines lines = null;
    try {
      if (keys != null) {
        String name = keys.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".ivecs")) {
          numbers = VectorFile.vecs(keys);
          if (numbers.records() > 0 && numbers.dimension() != 1) {
            throw new KeysFileException("an ivecs file of keys must hold one number per "
                + "record, not " + numbers.dimension());
          }
        } else if (name.endsWith(".npy")) {
          numbers = VectorFile.npy(keys, false);
        } else {
          lines = TextLines.open(keys);
        }
        if (numbers != null && numbers.records() != vectors.records()) {
          throw new KeysFileException("the keys file holds " + numbers.records() + " keys for "
              + vectors.records() + " vectors");
        }
      }
      return new KeyedVectors(vectors, numbers, lines, keyOffset);
    } catch (IOException | RuntimeException e) {
      vectors.close();
      if (numbers != null) {
        numbers.close();
      }
      if (lines != null) {
        lines.close();
      }
      throw e;
    }
  }

  /**
   * Reads the next row: its {@link #vector} and {@link #key}.
   *
   * @return false at the end of the vectors
   * @throws KeysFileException if the keys file holds fewer or more keys than there are vectors
   */
  public boolean next() throws IOException {
    if (!vectors.hasNext()) {
      if (keyLines != null && keyLines.next() != null) {
        throw new KeysFileException("the keys file holds more keys than the " + row
            + " vectors");
      }
      return false;
    }
    row++;
    vector = vectors.nextFloats();
    if (keyNumbers != null) {
      key = keyNumbers.nextLong();
    } else if (keyLines != null) {
      String line = keyLines.next();
      if (line == null) {
        throw new KeysFileException("the keys file ends before vector " + row);
      }
      key = line;
    } else {
      key = keyOffset + row - 1;
    }
    return true;
  }

  /** The vector of the row last read. */
  public float[] vector() {
    return vector;
  }

  /**
   * The key of the row last read: a {@link Long}, or the {@link String} line of a text keys
   * file as it stands (the caller parses it for its key column).
   */
  public Object key() {
    return key;
  }

  /** Skips up to n rows, vectors and keys alike; returns how many there were. */
  public long skip(long n) throws IOException {
    long done = vectors.skip(n);
    if (keyNumbers != null) {
      keyNumbers.skip(done);
    } else if (keyLines != null) {
      keyLines.skip(done);
    }
    row += done;
    return done;
  }

  /** The 1-based number of the row last read (0 before the first). */
  public long row() {
    return row;
  }

  public long bytesRead() {
    return vectors.bytesRead();
  }

  public long bytesTotal() {
    return vectors.size();
  }

  public long records() {
    return vectors.records();
  }

  @Override public void close() throws IOException {
    vectors.close();
    if (keyNumbers != null) {
      keyNumbers.close();
    }
    if (keyLines != null) {
      keyLines.close();
    }
  }

  /**
   * A keys file that does not fit the vectors (22P04). A type of its own so that a caller can
   * tell it from a malformed file, which {@link VectorFile} reports as a plain
   * {@link AzimuthException}.
   */
  public static final class KeysFileException extends AzimuthException {
    private static final long serialVersionUID = 1L;

    KeysFileException(String message) {
      super(ErrorCode.BAD_COPY_FILE_FORMAT, message);
    }
  }
}

package dev.azimuth.index.sorted;

import static java.util.Objects.requireNonNull;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import java.nio.file.Path;

/**
 * A sorted index file that cannot be used: its checksum differs from the recorded one, it is
 * cut short, or it was built over another number of ordinals than it is opened with. The
 * remedy is always to rebuild it from the rows.
 */
public class CorruptSortedIndexException extends AzimuthException {
  private static final long serialVersionUID = 1L;

  /** Not serialized with the exception: a path is only meaningful on the machine that threw. */
  private final transient Path file;

  public CorruptSortedIndexException(Path file, String message) {
    super(ErrorCode.IO_ERROR, "sorted index file " + file + ": " + message);
    this.file = requireNonNull(file, "file");
  }

  /** The file that failed its checks. */
  public Path file() {
    return file;
  }
}

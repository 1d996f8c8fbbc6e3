package dev.azimuth.index.graph;

import static java.util.Objects.requireNonNull;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import java.nio.file.Path;

/**
 * A graph file that cannot be used: its checksum differs from the recorded one, it is cut
 * short, its content does not parse, or it was built for other options than it is opened with.
 *
 * <p>The remedy is the same in every case (drop the file and rebuild it from the vectors), so
 * the cases share one type; the message says which it was.
 */
public class CorruptGraphException extends AzimuthException {
  private static final long serialVersionUID = 1L;

  /** Not serialized with the exception: a path is only meaningful on the machine that threw. */
  private final transient Path file;

  public CorruptGraphException(Path file, String message) {
    super(ErrorCode.IO_ERROR, "graph index file " + file + ": " + message);
    this.file = requireNonNull(file, "file");
  }

  public CorruptGraphException(Path file, String message, Throwable cause) {
    super(ErrorCode.IO_ERROR, "graph index file " + file + ": " + message, cause);
    this.file = requireNonNull(file, "file");
  }

  /** The file that failed its checks. */
  public Path file() {
    return file;
  }
}

package dev.azimuth.index.text;

import static java.util.Objects.requireNonNull;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import java.nio.file.Path;

/**
 * A text index file that cannot be used: its checksum differs from the recorded one, it is cut
 * short, its content does not parse or is inconsistent, or it was built with another analyzer
 * or ordinal count than it is opened with.
 *
 * <p>The remedy is the same in every case (drop the file and rebuild it from the rows), so the
 * cases share one type; the message says which it was.
 */
public class CorruptTextIndexException extends AzimuthException {
  private static final long serialVersionUID = 1L;

  /** Not serialized with the exception: a path is only meaningful on the machine that threw. */
  private final transient Path file;

  public CorruptTextIndexException(Path file, String message) {
    super(ErrorCode.IO_ERROR, "text index file " + file + ": " + message);
    this.file = requireNonNull(file, "file");
  }

  /** The file that failed its checks. */
  public Path file() {
    return file;
  }
}

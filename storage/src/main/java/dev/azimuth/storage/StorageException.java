package dev.azimuth.storage;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;

/** A failure in the storage layer: a constraint broken by a write, or a disk or RocksDB error. */
public class StorageException extends AzimuthException {
  private static final long serialVersionUID = 1L;

  public StorageException(ErrorCode code, String message) {
    super(code, message);
  }

  public StorageException(ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }
}

package dev.azimuth.storage;

import dev.azimuth.common.ErrorCode;

/** A batch insert whose row repeats a key that exists, or that an earlier row of it has. */
public final class DuplicateKeyException extends StorageException {
  private static final long serialVersionUID = 1L;

  private final int row;

  public DuplicateKeyException(String message, int row) {
    super(ErrorCode.UNIQUE_VIOLATION, message);
    this.row = row;
  }

  /** The index, in the batch, of the row whose key is taken. */
  public int row() {
    return row;
  }
}

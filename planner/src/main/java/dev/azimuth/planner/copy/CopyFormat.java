package dev.azimuth.planner.copy;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.planner.PlanningException;
import java.util.Locale;

/** The file formats COPY knows, and which directions each supports. */
public enum CopyFormat {
  /** RFC 4180 comma-separated values, one row per record. */
  CSV(true, true, ".csv"),
  /** One JSON object per line, keys naming columns. */
  JSONL(true, true, ".jsonl", ".ndjson"),
  /** Apache Parquet, columns matched by name. */
  PARQUET(true, false, ".parquet"),
  /** Vectors as little-endian records: int32 dimension, then that many float32. */
  FVECS(true, true, ".fvecs"),
  /** A NumPy {@code .npy} array of shape (rows, dimension), float32 (or float64 on input). */
  NPY(true, true, ".npy");

  private final boolean readable;
  private final boolean writable;
  private final String[] extensions;

  CopyFormat(boolean readable, boolean writable, String... extensions) {
    this.readable = readable;
    this.writable = writable;
    this.extensions = extensions;
  }

  /** Whether this format carries only vectors (keys are generated or come from elsewhere). */
  public boolean vectorsOnly() {
    return this == FVECS || this == NPY;
  }

  /**
   * The format named in a FORMAT option.
   *
   * @throws PlanningException 22023 for a name that is no format
   */
  public static CopyFormat named(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    if (n.equals("ndjson")) {
      return JSONL;
    }
    for (CopyFormat f : values()) {
      if (f.name().toLowerCase(Locale.ROOT).equals(n)) {
        return f;
      }
    }
    throw new PlanningException(ErrorCode.INVALID_PARAMETER_VALUE, "unknown COPY format '"
        + name + "'; formats are csv, jsonl, parquet, fvecs and npy");
  }

  /**
   * The format a file's name implies.
   *
   * @throws PlanningException 22023 if the extension says nothing
   */
  public static CopyFormat ofPath(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    for (CopyFormat f : values()) {
      for (String e : f.extensions) {
        if (lower.endsWith(e)) {
          return f;
        }
      }
    }
    throw new PlanningException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot tell the format of '"
        + path + "' from its name; add WITH (FORMAT 'csv' | 'jsonl' | 'parquet' | 'fvecs' | "
        + "'npy')");
  }

  /** @throws PlanningException 0A000 if COPY cannot go this way in this format */
  public void requireDirection(boolean from) {
    if (from ? !readable : !writable) {
      throw new PlanningException(ErrorCode.FEATURE_NOT_SUPPORTED, "COPY " + (from ? "FROM" : "TO")
          + " does not support FORMAT " + name().toLowerCase(Locale.ROOT)
          + (this == PARQUET ? " (Parquet files can be loaded, not written)" : ""));
    }
  }
}

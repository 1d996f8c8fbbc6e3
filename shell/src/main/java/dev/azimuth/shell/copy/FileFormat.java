package dev.azimuth.shell.copy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;

/** The file formats {@code \copy} reads and writes; the same names as COPY's. */
enum FileFormat {
  /** RFC 4180 comma-separated values. */
  CSV(true, ".csv"),
  /** One JSON object per line. */
  JSONL(true, ".jsonl", ".ndjson"),
  /** Apache Parquet, read only (Hardwood writes no Parquet yet). */
  PARQUET(false, ".parquet"),
  /** fvecs records: int32 dimension, then the float32 values. */
  FVECS(true, ".fvecs"),
  /** A NumPy float32 (or float64, read) array of shape (rows, dimension). */
  NPY(true, ".npy");

  private final boolean writable;
  private final String[] extensions;

  FileFormat(boolean writable, String... extensions) {
    this.writable = writable;
    this.extensions = extensions;
  }

  /** Whether the file holds vectors only (keys generated or from a KEYS file). */
  boolean vectorsOnly() {
    return this == FVECS || this == NPY;
  }

  String lowerName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws SQLException 22023 for a name that is no format */
  static FileFormat named(String name) throws SQLException {
    String n = name.strip().toLowerCase(Locale.ROOT);
    for (FileFormat f : values()) {
      if (f.lowerName().equals(n) || n.equals("ndjson") && f == JSONL) {
        return f;
      }
    }
    throw new SQLException("unknown \\copy format '" + name + "'; formats are csv, jsonl, "
        + "parquet, fvecs and npy", "22023");
  }

  /** @throws SQLException 22023 if the file's extension names no format */
  static FileFormat of(Path file) throws SQLException {
    String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
    for (FileFormat f : values()) {
      for (String e : f.extensions) {
        if (lower.endsWith(e)) {
          return f;
        }
      }
    }
    throw new SQLException("cannot tell the format of '" + file + "' from its name; add "
        + "WITH (FORMAT 'csv' | 'jsonl' | 'parquet' | 'fvecs' | 'npy')", "22023");
  }

  /** @throws SQLException 0A000 if files of this format cannot be written */
  void requireDirection(boolean from) throws SQLException {
    if (!from && !writable) {
      throw new SQLException("\\copy TO does not support FORMAT " + lowerName()
          + " (Parquet files can be loaded, not written)", "0A000");
    }
  }
}

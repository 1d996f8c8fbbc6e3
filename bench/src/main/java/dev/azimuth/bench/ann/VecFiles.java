package dev.azimuth.bench.ann;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Readers and a writer for the texmex formats (little-endian): {@code .fvecs} (int32 d, then d
 * float32), {@code .bvecs} (int32 d, then d uint8, widened to float) and {@code .ivecs} (int32 d,
 * then d int32), as described in the shared data's README.
 */
final class VecFiles {
  private VecFiles() {}

  /** Reads up to {@code limit} vectors of an {@code .fvecs} or {@code .bvecs} file. */
  static Vectors readVectors(Path file, int limit) {
    String name = file.getFileName().toString();
    if (name.endsWith(".bvecs")) {
      return read(file, limit, 1);
    }
    if (name.endsWith(".fvecs")) {
      return read(file, limit, 4);
    }
    throw new IllegalArgumentException("not an .fvecs or .bvecs file: " + file);
  }

  /** Reads up to {@code limit} rows of an {@code .ivecs} file. */
  static int[][] readInts(Path file, int limit) {
    List<int[]> rows = new ArrayList<>();
    try (DataInputStream in = open(file)) {
      ByteBuffer header = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
      while (rows.size() < limit && readHeader(in, header)) {
        int d = header.getInt(0);
        ByteBuffer body = ByteBuffer.allocate(d * 4).order(ByteOrder.LITTLE_ENDIAN);
        in.readFully(body.array());
        int[] row = new int[d];
        body.asIntBuffer().get(row);
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return rows.toArray(new int[0][]);
  }

  /** Writes {@code rows} as an {@code .ivecs} file, through a temporary file and a rename. */
  static void writeInts(Path file, int[][] rows) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      int bytes = 0;
      for (int[] row : rows) {
        bytes += 4 + 4 * row.length;
      }
      ByteBuffer out = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
      for (int[] row : rows) {
        out.putInt(row.length);
        for (int v : row) {
          out.putInt(v);
        }
      }
      Files.write(tmp, out.array());
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Reads one integer per line (labels files). */
  static int[] readLines(Path file, int limit) {
    try (var lines = Files.lines(file)) {
      return lines.map(String::trim).filter(s -> !s.isEmpty()).limit(limit)
          .mapToInt(Integer::parseInt).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static Vectors read(Path file, int limit, int width) {
    try (DataInputStream in = open(file)) {
      ByteBuffer header = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
      if (!readHeader(in, header)) {
        throw new IOException("empty file");
      }
      int d = header.getInt(0);
      long recordBytes = 4L + (long) d * width;
      long available = Files.size(file) / recordBytes;
      int n = (int) Math.min(limit, available);
      float[] data = new float[Math.multiplyExact(n, d)];
      ByteBuffer body = ByteBuffer.allocate(d * width).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          readHeader(in, header);
          if (header.getInt(0) != d) {
            throw new IOException(
                "vector " + i + " has " + header.getInt(0) + " dimensions, not " + d);
          }
        }
        in.readFully(body.array());
        int base = i * d;
        if (width == 1) {
          byte[] b = body.array();
          for (int j = 0; j < d; j++) {
            data[base + j] = b[j] & 0xff;
          }
        } else {
          body.clear();
          body.asFloatBuffer().get(data, base, d);
        }
      }
      return new Vectors(data, d, n);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static DataInputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    return new DataInputStream(new BufferedInputStream(in, 1 << 20));
  }

  /** Reads the next 4-byte header; false at a clean end of file. */
  private static boolean readHeader(DataInputStream in, ByteBuffer header) throws IOException {
    header.clear();
    int first = in.read();
    if (first < 0) {
      return false;
    }
    header.array()[0] = (byte) first;
    try {
      in.readFully(header.array(), 1, 3);
    } catch (EOFException e) {
      throw new IOException("truncated vector header", e);
    }
    return true;
  }
}

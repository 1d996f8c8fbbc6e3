package dev.azimuth.common.vectors;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a NumPy {@code .npy} file (format versions 1 to 3): magic, version, header
 * length, then a Python dict literal with {@code descr}, {@code fortran_order} and
 * {@code shape}; the array's bytes follow. Only what COPY and the shell's {@code \copy} need:
 * C-ordered arrays of little-endian numbers.
 *
 * @param descr      the element type, e.g. {@code <f4}
 * @param shape      the array's dimensions
 * @param dataOffset where the array's bytes start
 */
public record NpyHeader(String descr, long[] shape, long dataOffset) {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
  /** Header bytes written by COPY TO, room for any row count (a multiple of 64). */
  public static final int WRITTEN_HEADER_BYTES = 128;

  /** Reads and checks the header at the start of a file. */
  public static NpyHeader read(FileChannel channel) throws IOException {
    ByteBuffer start = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    channel.read(start, 0);
    start.flip();
    if (start.remaining() < 10) {
      throw bad("the file is too short to be an .npy array");
    }
    for (byte b : MAGIC) {
      if (start.get() != b) {
        throw bad("the file does not start with the .npy magic bytes");
      }
    }
    int major = start.get();
    start.get();
    long length;
    int prefix;
    if (major == 1) {
      length = start.getShort() & 0xFFFF;
      prefix = 10;
    } else if (major == 2 || major == 3) {
      if (start.remaining() < 4) {
        throw bad("the .npy header is cut short");
      }
      length = start.getInt() & 0xFFFFFFFFL;
      prefix = 12;
    } else {
      throw bad(".npy format version " + major + " is not supported");
    }
    if (length > 1 << 20) {
      throw bad("the .npy header claims " + length + " bytes");
    }
    ByteBuffer text = ByteBuffer.allocate((int) length);
    channel.read(text, prefix);
    String dict = new String(text.array(), 0, text.position(),
        major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    Matcher descr = DESCR.matcher(dict);
    Matcher fortran = FORTRAN.matcher(dict);
    Matcher shape = SHAPE.matcher(dict);
    if (!descr.find() || !fortran.find() || !shape.find()) {
      throw bad("the .npy header is not a dict with descr, fortran_order and shape: " + dict);
    }
    if (fortran.group(1).equals("True")) {
      throw bad("the .npy array is in Fortran order; save it in C order (numpy.ascontiguousarray)");
    }
    List<Long> dims = new ArrayList<>();
    for (String part : shape.group(1).split(",")) {
      if (!part.isBlank()) {
        try {
          dims.add(Long.parseLong(part.strip().replace("L", "")));
        } catch (NumberFormatException e) {
          throw bad("the .npy shape (" + shape.group(1) + ") is not a list of integers");
        }
      }
    }
    return new NpyHeader(descr.group(1), dims.stream().mapToLong(Long::longValue).toArray(),
        prefix + length);
  }

  /** Bytes per element, for the little-endian numeric types COPY reads. */
  public int elementBytes() {
    return switch (descr) {
      case "<f4", "<i4", "<u4" -> 4;
      case "<f8", "<i8", "<u8" -> 8;
      default -> throw bad("the .npy element type '" + descr + "' is not supported; use "
          + "little-endian float32 or float64 for vectors, int32 or int64 for keys");
    };
  }

  /** The header COPY TO writes for a float32 array of {@code rows} × {@code dimension}. */
  public static ByteBuffer float32(long rows, int dimension) {
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", "
        + dimension + "), }";
    byte[] bytes = new byte[WRITTEN_HEADER_BYTES];
    java.util.Arrays.fill(bytes, (byte) ' ');
    System.arraycopy(MAGIC, 0, bytes, 0, MAGIC.length);
    bytes[6] = 1;
    bytes[7] = 0;
    int length = WRITTEN_HEADER_BYTES - 10;
    bytes[8] = (byte) length;
    bytes[9] = (byte) (length >>> 8);
    byte[] text = dict.getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(text, 0, bytes, 10, text.length);
    bytes[WRITTEN_HEADER_BYTES - 1] = '\n';
    return ByteBuffer.wrap(bytes);
  }

  private static AzimuthException bad(String message) {
    return new AzimuthException(ErrorCode.BAD_COPY_FILE_FORMAT, message);
  }
}

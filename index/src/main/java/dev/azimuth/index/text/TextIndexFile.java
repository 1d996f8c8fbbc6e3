package dev.azimuth.index.text;

import dev.azimuth.index.io.AtomicFiles;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The file format of a {@link SegmentTextIndex} (described in the module README): writing it
 * atomically, and reading it back with every count, offset and posting checked. Stateless and
 * thread-safe.
 */
final class TextIndexFile {
  static final int MAGIC = 0x415A5458; // "AZTX"
  static final int VERSION = 1;

  private TextIndexFile() {}

  /** Appends one posting: the gap from the previous ordinal, with tf = 1 folded into it. */
  static void writePosting(ByteSink sink, int gap, int frequency) {
    if (frequency == 1) {
      sink.writeVarLong(((long) gap << 1) | 1);
    } else {
      sink.writeVarLong((long) gap << 1);
      sink.writeVarInt(frequency);
    }
  }

  static SegmentTextIndex.FileInfo write(SegmentTextIndex index, Path file) throws IOException {
    AtomicFiles.Written written = AtomicFiles.write(file, temporary -> {
      try (DataOutputStream out = new DataOutputStream(
          new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16))) {
        writeContent(index, out);
      }
    });
    return new SegmentTextIndex.FileInfo(written.checksum(), written.bytes());
  }

  private static void writeContent(SegmentTextIndex index, DataOutputStream out)
      throws IOException {
    byte[] analyzer = index.analyzer().name().getBytes(StandardCharsets.UTF_8);
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeInt(index.ordinalCount());
    out.writeInt(index.documentCount());
    out.writeLong(index.totalLength());
    out.writeInt(index.termCount());
    out.writeInt(index.termBytes().length);
    out.writeInt(index.postingBytes().length);
    out.writeInt(analyzer.length);
    out.write(analyzer);

    ByteSink lengths = new ByteSink(index.ordinalCount());
    for (int length : index.lengths()) {
      lengths.writeVarInt(length + 1);
    }
    out.write(lengths.array(), 0, lengths.size());

    int[] termOffsets = index.termOffsets();
    int[] postingOffsets = index.postingOffsets();
    ByteSink dictionary = new ByteSink(index.termCount() * 4);
    for (int i = 0; i < index.termCount(); i++) {
      dictionary.writeVarInt(termOffsets[i + 1] - termOffsets[i]);
    }
    out.write(dictionary.array(), 0, dictionary.size());
    out.write(index.termBytes());
    dictionary = new ByteSink(index.termCount() * 4);
    for (int i = 0; i < index.termCount(); i++) {
      dictionary.writeVarInt(index.documentFrequencies()[i]);
      dictionary.writeVarInt(postingOffsets[i + 1] - postingOffsets[i]);
    }
    out.write(dictionary.array(), 0, dictionary.size());
    out.write(index.postingBytes());
  }

  static SegmentTextIndex read(Path file, long expectedChecksum, TextAnalyzer analyzer,
      int ordinalCount) throws IOException {
    // One read serves both the checksum and the parse: the postings are kept in memory anyway.
    byte[] bytes = Files.readAllBytes(file);
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    if (crc.getValue() != expectedChecksum) {
      throw new CorruptTextIndexException(file, "checksum mismatch: expected CRC32C "
          + Long.toHexString(expectedChecksum) + " but the file's " + bytes.length
          + " bytes give " + Long.toHexString(crc.getValue()));
    }
    try {
      return parse(bytes, analyzer, ordinalCount);
    } catch (ByteReader.Malformed | ArithmeticException e) {
      throw new CorruptTextIndexException(file, e.getMessage());
    }
  }

  private static SegmentTextIndex parse(byte[] bytes, TextAnalyzer analyzer, int ordinalCount)
      throws ByteReader.Malformed {
    ByteReader in = new ByteReader(bytes, 0, bytes.length);
    int magic = in.readInt();
    int version = in.readInt();
    check(magic == MAGIC, "not a text index (magic " + Integer.toHexString(magic) + ")");
    check(version == VERSION, "format version " + version + ", expected " + VERSION);
    int ordinals = in.readInt();
    int documents = in.readInt();
    long total = in.readLong();
    int termCount = in.readInt();
    int termBytesLength = in.readInt();
    int postingsLength = in.readInt();
    int nameLength = in.readInt();
    String name = new String(bytes, in.skip(nameLength), nameLength, StandardCharsets.UTF_8);
    check(name.equals(analyzer.name()), "built with analyzer '" + name + "', opened with '"
        + analyzer.name() + "'");
    check(ordinals == ordinalCount, "built over " + ordinals + " ordinals, opened for "
        + ordinalCount);
    check(termCount >= 0 && termCount <= bytes.length, "term count " + termCount);

    int[] lengths = new int[ordinals];
    long counted = 0;
    long summed = 0;
    for (int i = 0; i < ordinals; i++) {
      lengths[i] = in.readVarInt() - 1;
      if (lengths[i] != SegmentTextIndex.NO_DOCUMENT) {
        counted++;
        summed += lengths[i];
      }
    }
    check(counted == documents && summed == total, "header records " + documents
        + " documents of total length " + total + ", the lengths give " + counted + " and "
        + summed);

    int[] termOffsets = new int[termCount + 1];
    for (int i = 0; i < termCount; i++) {
      termOffsets[i + 1] = Math.addExact(termOffsets[i], in.readVarInt());
    }
    check(termOffsets[termCount] == termBytesLength, "term lengths do not add up");
    byte[] termBytes = Arrays.copyOfRange(bytes, in.skip(termBytesLength),
        in.position());
    for (int i = 1; i < termCount; i++) {
      if (Arrays.compareUnsigned(termBytes, termOffsets[i - 1], termOffsets[i],
          termBytes, termOffsets[i], termOffsets[i + 1]) >= 0) {
        throw new ByteReader.Malformed("terms out of order at " + i);
      }
    }
    int[] documentFrequencies = new int[termCount];
    int[] postingOffsets = new int[termCount + 1];
    for (int i = 0; i < termCount; i++) {
      documentFrequencies[i] = in.readVarInt();
      postingOffsets[i + 1] = Math.addExact(postingOffsets[i], in.readVarInt());
    }
    check(postingOffsets[termCount] == postingsLength, "posting lengths do not add up");
    byte[] postings = Arrays.copyOfRange(bytes, in.skip(postingsLength), in.position());
    check(in.atEnd(), "bytes after the postings");
    checkPostings(lengths, documentFrequencies, postings, postingOffsets);
    return new SegmentTextIndex(analyzer, lengths, documents, total, termBytes, termOffsets,
        documentFrequencies, postings, postingOffsets);
  }

  // Every posting in range, ascending, of a document, and each document's frequencies adding
  // up to its length: a file that passes cannot make a query read out of bounds.
  private static void checkPostings(int[] lengths, int[] documentFrequencies, byte[] postings,
      int[] postingOffsets) throws ByteReader.Malformed {
    int[] summed = new int[lengths.length];
    for (int term = 0; term < documentFrequencies.length; term++) {
      ByteReader in = new ByteReader(postings, postingOffsets[term], postingOffsets[term + 1]);
      check(documentFrequencies[term] > 0, "term " + term + " has no documents");
      long ordinal = -1;
      for (int d = 0; d < documentFrequencies[term]; d++) {
        long code = in.readVarLong();
        ordinal += code >>> 1;
        // Tested before any message is built: this loop runs once per posting.
        if ((code >>> 1) == 0 || ordinal < 0 || ordinal >= lengths.length
            || lengths[(int) ordinal] == SegmentTextIndex.NO_DOCUMENT) {
          throw new ByteReader.Malformed("term " + term + " has a posting for ordinal "
              + ordinal);
        }
        int frequency = (code & 1) != 0 ? 1 : in.readVarInt();
        if (frequency <= 1 && (code & 1) == 0) {
          throw new ByteReader.Malformed("term " + term + " has frequency " + frequency);
        }
        summed[(int) ordinal] += frequency;
      }
      check(in.atEnd(), "term " + term + " has more postings than its document frequency");
    }
    for (int i = 0; i < lengths.length; i++) {
      if (summed[i] != Math.max(lengths[i], 0)) {
        throw new ByteReader.Malformed("the postings of ordinal " + i + " add up to "
            + summed[i] + " terms, its length is " + lengths[i]);
      }
    }
  }

  private static void check(boolean condition, String message) throws ByteReader.Malformed {
    if (!condition) {
      throw new ByteReader.Malformed(message);
    }
  }
}

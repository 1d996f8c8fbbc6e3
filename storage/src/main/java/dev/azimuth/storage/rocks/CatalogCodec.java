package dev.azimuth.storage.rocks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.azimuth.common.ErrorCode;
import dev.azimuth.storage.StorageException;
import dev.azimuth.storage.TableDef;
import java.io.IOException;

/**
 * Catalog entries as JSON: readable with {@code ldb} when something goes wrong, and tolerant of
 * fields added by later versions. Thread-safe.
 */
final class CatalogCodec {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private CatalogCodec() {}

  static byte[] encode(TableDef table) {
    try {
      return MAPPER.writeValueAsBytes(table);
    } catch (JsonProcessingException e) {
      throw new StorageException(ErrorCode.INTERNAL_ERROR, "cannot encode " + table.name(), e);
    }
  }

  static TableDef decode(byte[] json) {
    return decode(json, TableDef.class);
  }

  static byte[] encodeAny(Object entry) {
    try {
      return MAPPER.writeValueAsBytes(entry);
    } catch (JsonProcessingException e) {
      throw new StorageException(ErrorCode.INTERNAL_ERROR, "cannot encode " + entry, e);
    }
  }

  static <T> T decode(byte[] json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new StorageException(ErrorCode.IO_ERROR, "damaged catalog entry: " + e.getMessage(),
          e);
    }
  }
}

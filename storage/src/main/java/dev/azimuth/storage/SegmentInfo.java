package dev.azimuth.storage;

/**
 * One segment of a table, for the system tables.
 *
 * @param rows    ordinals used, live or deleted
 * @param deleted ordinals whose row was deleted or updated away
 */
public record SegmentInfo(long tableId, String table, int segment, boolean sealed, int rows,
    int deleted) {}

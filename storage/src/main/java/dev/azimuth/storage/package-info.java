/**
 * Storage: the catalog and table data, RocksDB-backed, knowing nothing of SQL. Tables are read
 * through {@link dev.azimuth.storage.ReadView}s and written through atomic sets of
 * {@link dev.azimuth.storage.RowChange}s; RocksDB itself stays in the {@code rocks} package.
 */
package dev.azimuth.storage;

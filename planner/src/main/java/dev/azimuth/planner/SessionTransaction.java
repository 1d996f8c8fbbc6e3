package dev.azimuth.planner;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.storage.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * The transaction a session has open: the storage transaction that holds its snapshot and its
 * writes, whether it was opened by BEGIN (a transaction block) or by running a statement with
 * auto-commit off, its named savepoints, and whether it may write. Confined to the session.
 */
final class SessionTransaction {
  private record Savepoint(String name, int mark) {}

  private final Transaction storage;
  private final boolean block;
  private final List<Savepoint> savepoints = new ArrayList<>();
  private boolean readOnly;
  private boolean used;

  /** @param block whether BEGIN opened it (else a statement run with auto-commit off) */
  SessionTransaction(Transaction storage, boolean block) {
    this.storage = storage;
    this.block = block;
  }

  Transaction storage() {
    return storage;
  }

  /** Whether BEGIN or START TRANSACTION opened it. */
  boolean block() {
    return block;
  }

  /** Whether a statement other than transaction control has run in it. */
  boolean used() {
    return used;
  }

  /** Notes that a statement runs in it; its snapshot is taken by that statement's first read. */
  void use() {
    used = true;
  }

  boolean readOnly() {
    return readOnly;
  }

  void readOnly(boolean readOnly) {
    this.readOnly = readOnly;
  }

  /** SAVEPOINT name: a new savepoint, which hides an older one of the same name. */
  void savepoint(String name) {
    savepoints.add(new Savepoint(name, storage.savepoint()));
  }

  /** ROLLBACK TO SAVEPOINT name: undoes what came after it; the savepoint stays. */
  void rollbackTo(String name) {
    int i = find(name);
    storage.rollbackTo(savepoints.get(i).mark());
    savepoints.subList(i + 1, savepoints.size()).clear();
  }

  /** RELEASE SAVEPOINT name: forgets it and every later savepoint, keeping what they did. */
  void release(String name) {
    int i = find(name);
    storage.release(savepoints.get(i).mark());
    savepoints.subList(i, savepoints.size()).clear();
  }

  private int find(String name) {
    for (int i = savepoints.size() - 1; i >= 0; i--) {
      if (savepoints.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new PlanningException(ErrorCode.INVALID_SAVEPOINT_SPECIFICATION,
        "savepoint " + name + " does not exist");
  }
}

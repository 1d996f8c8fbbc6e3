package dev.azimuth.planner;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.planner.runtime.InputParallelism;
import java.util.Locale;
import java.util.TimeZone;

/**
 * One connection's state: what a statement's meaning may depend on besides its text, and the
 * settings {@code SET} changes. Confined to the connection's thread of use.
 */
public final class Session {
  /** The beam width of index searches when neither SET nor a hint says otherwise. */
  public static final int DEFAULT_EF_SEARCH = 40;
  private static final int MAX_EF_SEARCH = 10_000;

  private final TimeZone timeZone;
  private final boolean readOnly;
  private int efSearch = DEFAULT_EF_SEARCH;
  private InputParallelism fusionParallel = InputParallelism.ALWAYS;
  /** The JDBC batch being executed, whose inserts are held until its end; null otherwise. */
  private dev.azimuth.planner.runtime.BatchedWrites batch;

  Session(TimeZone timeZone, boolean readOnly) {
    this.timeZone = timeZone;
    this.readOnly = readOnly;
  }

  /**
   * Whether this session may only read: the engine refuses its DDL and DML (42501). Fixed when
   * the session is made, so nothing the session runs can lift it.
   */
  public boolean readOnly() {
    return readOnly;
  }

  dev.azimuth.planner.runtime.BatchedWrites batch() {
    return batch;
  }

  void batch(dev.azimuth.planner.runtime.BatchedWrites batch) {
    this.batch = batch;
  }

  /** The zone CURRENT_TIMESTAMP and friends are reported in. */
  public TimeZone timeZone() {
    return timeZone;
  }

  /** Candidates an index search keeps while walking the graph (more: better recall, slower). */
  public int efSearch() {
    return efSearch;
  }

  /** Whether a fusion's inputs run concurrently, one after the other, or as the load allows. */
  public InputParallelism fusionParallel() {
    return fusionParallel;
  }

  /**
   * Applies {@code SET name = value}; a null value resets the setting.
   *
   * @throws PlanningException for an unknown setting (42704) or a bad value (22023)
   */
  public void set(String name, Object value) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "ef_search" -> efSearch = value == null ? DEFAULT_EF_SEARCH
          : checkedEfSearch(value);
      case "fusion_parallel" -> fusionParallel = value == null ? InputParallelism.ALWAYS
          : checkedParallelism(name, value);
      default -> throw new PlanningException(ErrorCode.UNDEFINED_OBJECT,
          "unrecognized setting " + name + "; settable: ef_search, fusion_parallel");
    }
  }

  /** The value of a setting, as SHOW would print it. */
  public String get(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "ef_search" -> Integer.toString(efSearch);
      case "fusion_parallel" -> switch (fusionParallel) {
        case AUTO -> "auto";
        case ALWAYS -> "true";
        case NEVER -> "false";
      };
      default -> throw new PlanningException(ErrorCode.UNDEFINED_OBJECT,
          "unrecognized setting " + name);
    };
  }

  private static InputParallelism checkedParallelism(String name, Object value) {
    if (value instanceof Boolean b) {
      return b ? InputParallelism.ALWAYS : InputParallelism.NEVER;
    }
    return switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
      case "true", "on" -> InputParallelism.ALWAYS;
      case "false", "off" -> InputParallelism.NEVER;
      case "auto", "default" -> InputParallelism.AUTO;
      default -> throw new PlanningException(ErrorCode.INVALID_PARAMETER_VALUE,
          name + " must be true, false or auto, got '" + value + "'");
    };
  }

  /**
   * An ef_search value as SET, the connection property and the ANN hint give it.
   *
   * @throws PlanningException (22023) unless it is an integer in 1..10000
   */
  public static int checkedEfSearch(Object value) {
    long n;
    try {
      n = value instanceof Number num ? num.longValue()
          : Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new PlanningException(ErrorCode.INVALID_PARAMETER_VALUE,
          "ef_search must be an integer, got '" + value + "'");
    }
    if (n < 1 || n > MAX_EF_SEARCH) {
      throw new PlanningException(ErrorCode.INVALID_PARAMETER_VALUE,
          "ef_search must be between 1 and " + MAX_EF_SEARCH + ", got " + n);
    }
    return (int) n;
  }
}

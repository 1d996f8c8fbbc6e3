package dev.azimuth.planner;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;

/** A statement the planner rejects or cannot run, with the condition a client should see. */
public class PlanningException extends AzimuthException {
  private static final long serialVersionUID = 1L;

  public PlanningException(ErrorCode code, String message) {
    super(code, message);
  }

  public PlanningException(ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }
}

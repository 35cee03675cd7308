package org.opencpis.casework.application;

import java.time.Duration;
import java.time.Instant;

/**
 * Due times counted in working hours (R24): what arrives out of hours is due from the next working
 * morning.
 */
public interface WorkingTime {

  Instant due(Instant arrival, Duration workingTime);

  /** Whether the instant is inside working hours (09:00-17:00 Monday to Friday, not a holiday). */
  boolean isWorkingTime(Instant at);
}

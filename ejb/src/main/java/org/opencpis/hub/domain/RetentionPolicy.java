package org.opencpis.hub.domain;

import java.time.LocalDate;

/**
 * How long shared information stays visible to health (R10, R11).
 *
 * <ul>
 *   <li>With an end date: visible up to and including the day {@code months} after it (ended 28 Feb
 *       2018, visible until 28 Feb 2019), gone from the next day.
 *   <li>With no end date: visible indefinitely.
 *   <li>With a delete date: gone from that day on, whatever the end date says.
 * </ul>
 *
 * Information that is no longer visible is removed for good by the retention timer.
 */
public record RetentionPolicy(int months) {

  public RetentionPolicy {
    if (months < 0) {
      throw new IllegalArgumentException("retention months must not be negative: " + months);
    }
  }

  public boolean visibleOn(LocalDate endDate, LocalDate deleteDate, LocalDate day) {
    if (deleteDate != null && !day.isBefore(deleteDate)) {
      return false;
    }
    return endDate == null || !day.isAfter(lastVisibleDay(endDate));
  }

  /** The last day information that ended on {@code endDate} is shown. */
  public LocalDate lastVisibleDay(LocalDate endDate) {
    return endDate.plusMonths(months);
  }
}

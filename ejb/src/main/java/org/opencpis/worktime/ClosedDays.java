package org.opencpis.worktime;

import java.time.LocalDate;
import java.util.Set;

/**
 * The days on which the inbox is not worked although they fall on a working day of the week: bank
 * holidays, and the closures an administrator adds. Composed from a bank-holiday source and the
 * administrator's two lists (days added, days taken away).
 */
@FunctionalInterface
public interface ClosedDays {

  boolean isClosed(LocalDate day);

  /** No closed days: every working day of the week is worked. */
  static ClosedDays none() {
    return day -> false;
  }

  /** Exactly these days. */
  static ClosedDays of(Set<LocalDate> days) {
    Set<LocalDate> copy = Set.copyOf(days);
    return copy::contains;
  }

  /** These days as well (for example a council closure between Christmas and New Year). */
  default ClosedDays plus(Set<LocalDate> extra) {
    Set<LocalDate> copy = Set.copyOf(extra);
    return day -> copy.contains(day) || isClosed(day);
  }

  /** These days are worked after all (for example a bank holiday the council staffs). */
  default ClosedDays minus(Set<LocalDate> worked) {
    Set<LocalDate> copy = Set.copyOf(worked);
    return day -> !copy.contains(day) && isClosed(day);
  }
}

package org.opencpis.casework.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.opencpis.casework.application.WorkingTime;
import org.opencpis.shared.Settings;

/**
 * Working time as 09:00-17:00 Monday to Friday in the service's zone. Bank holidays come with the
 * worktime context's calendar, which replaces this.
 */
@ApplicationScoped
public class OfficeHoursWorkingTime implements WorkingTime {

  private static final LocalTime START = LocalTime.of(9, 0);
  private static final LocalTime END = LocalTime.of(17, 0);

  @Inject Settings settings;

  @Override
  public Instant due(Instant arrival, Duration workingTime) {
    ZonedDateTime t = arrival.atZone(settings.zone());
    long left = workingTime.toMinutes();
    while (true) {
      t = nextWorking(t);
      ZonedDateTime endOfDay = t.with(END);
      long today = Duration.between(t, endOfDay).toMinutes();
      if (left <= today) {
        return t.plusMinutes(left).toInstant();
      }
      left -= today;
      t = endOfDay;
    }
  }

  private static ZonedDateTime nextWorking(ZonedDateTime t) {
    while (true) {
      boolean weekday =
          t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY;
      if (weekday && t.toLocalTime().isBefore(START)) {
        return t.with(START);
      }
      if (weekday && t.toLocalTime().isBefore(END)) {
        return t;
      }
      t = t.plusDays(1).with(START);
    }
  }
}

package org.opencpis.casework.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.opencpis.casework.application.WorkingTime;
import org.opencpis.worktime.WorkingCalendars;

/**
 * Due times on the council's working calendar (R24): 09:00-17:00 Monday to Friday, England and
 * Wales bank holidays closed, as the cpis.worktime.* settings say at the time of asking.
 */
@ApplicationScoped
public class CalendarWorkingTime implements WorkingTime {

  @Inject WorkingCalendars calendars;

  @Override
  public Instant due(Instant arrival, Duration workingTime) {
    return calendars.current().addWorkingTime(arrival, workingTime);
  }

  @Override
  public boolean isWorkingTime(Instant at) {
    return calendars.current().isWorkingTime(at);
  }
}

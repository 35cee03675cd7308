package org.opencpis.worktime;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import org.opencpis.shared.InvalidSettingException;
import org.opencpis.shared.Setting;

/**
 * Where the application gets its working-hours calendar (R24): {@code @Inject WorkingCalendars
 * calendars; ... calendars.current().addWorkingTime(arrival, Duration.ofHours(2))}.
 *
 * <p>The settings are WildFly system properties (ear/src/main/server/cli/35-worktime.cli), read at
 * each call: a change in the management console takes effect at the next call, without a redeploy.
 * The calendar is rebuilt only when a property's text has changed (a comparison of a few strings);
 * jollyday's calendar is loaded once per region. A wrong setting fails every call with an {@link
 * InvalidSettingException} naming the property, until it is fixed: no due time is ever computed
 * from a guess.
 */
@ApplicationScoped
public class WorkingCalendars {

  private static final Logger LOG = Logger.getLogger(WorkingCalendars.class.getName());

  private record Built(List<String> raw, WorkingCalendar calendar) {}

  private final UnaryOperator<String> properties;
  private final Map<BankHolidays.Region, BankHolidays> holidays = new ConcurrentHashMap<>();
  private volatile Built built;
  private List<String> lastRefused; // logged once per wrong value, not at every call

  public WorkingCalendars() {
    this(name -> Setting.text(name).orElse(null));
  }

  /** For tests: settings from elsewhere than the system properties. */
  WorkingCalendars(UnaryOperator<String> properties) {
    this.properties = properties;
  }

  /** The calendar as the settings stand now. */
  public WorkingCalendar current() {
    List<String> raw = WorktimeSettings.PROPERTIES.stream().map(properties).toList(); // nulls kept
    Built b = built;
    if (b != null && b.raw().equals(raw)) {
      return b.calendar();
    }
    return rebuild(raw);
  }

  private synchronized WorkingCalendar rebuild(List<String> raw) {
    Built b = built;
    if (b != null && b.raw().equals(raw)) {
      return b.calendar();
    }
    WorktimeSettings settings;
    try {
      // from the snapshot compared above, so the calendar kept matches its key exactly
      settings = WorktimeSettings.read(p -> raw.get(WorktimeSettings.PROPERTIES.indexOf(p)));
    } catch (InvalidSettingException e) {
      if (!raw.equals(lastRefused)) {
        lastRefused = raw;
        LOG.severe("Working hours (R24) cannot be computed: " + e.getMessage());
      }
      throw e;
    }
    BankHolidays bank = holidays.computeIfAbsent(settings.bankHolidays(), BankHolidays::of);
    WorkingCalendar calendar = settings.calendar(bank);
    built = new Built(raw, calendar);
    LOG.info(
        "Working hours (R24): "
            + calendar
            + ", bank holidays "
            + settings.bankHolidays().settingName()
            + ", extra closures "
            + settings.extraClosures()
            + ", worked holidays "
            + settings.workedHolidays());
    return calendar;
  }
}

package org.opencpis.worktime;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * UK bank holidays from jollyday (its GB calendar, which knows Easter, the substitute days when a
 * holiday falls at a weekend, and the one-off holidays such as 2022's and 2023's). Both the day
 * itself and its substitute are closed: Christmas Day on a Saturday closes the Saturday and the
 * Monday after.
 *
 * <p>Jollyday reads its calendar (an XML file in its jar) once per region, with JAXB; inside
 * WildFly that is the server's JAXB. The holidays of a year are computed once and kept.
 */
public final class BankHolidays implements ClosedDays {

  /** The bank-holiday calendars of the UK, by the name used in the settings. */
  public enum Region {
    ENGLAND_AND_WALES("england-and-wales", "eng"),
    SCOTLAND("scotland", "sct"),
    NORTHERN_IRELAND("northern-ireland", "nir"),
    /** No bank holidays at all: only the administrator's closures. */
    NONE("none", null);

    private final String settingName;
    private final String subdivision;

    Region(String settingName, String subdivision) {
      this.settingName = settingName;
      this.subdivision = subdivision;
    }

    public String settingName() {
      return settingName;
    }

    /** The region named {@code name} in the settings (case-insensitive), if there is one. */
    public static Optional<Region> bySettingName(String name) {
      String wanted = name.trim().toLowerCase(Locale.ROOT);
      return Arrays.stream(values()).filter(r -> r.settingName.equals(wanted)).findFirst();
    }

    /** The names the settings accept, for messages. */
    public static String settingNames() {
      return Arrays.stream(values()).map(Region::settingName).collect(Collectors.joining(", "));
    }
  }

  private final Region region;
  private final HolidayManager manager;
  private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

  private BankHolidays(Region region, HolidayManager manager) {
    this.region = region;
    this.manager = manager;
  }

  /**
   * The bank holidays of a region. Loads jollyday's GB calendar (with the class loader of this
   * class as the thread's context loader, which jollyday's service lookup uses, so the answer does
   * not depend on the calling thread).
   */
  public static BankHolidays of(Region region) {
    if (region == Region.NONE) {
      return new BankHolidays(region, null);
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(BankHolidays.class.getClassLoader());
    try {
      HolidayManager manager =
          HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
      BankHolidays holidays = new BankHolidays(region, manager);
      holidays.inYear(LocalDate.now().getYear()); // parse now, so a broken setup fails at once
      return holidays;
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  public Region region() {
    return region;
  }

  @Override
  public boolean isClosed(LocalDate day) {
    return inYear(day.getYear()).contains(day);
  }

  /** The closed days of a year: each holiday's own date and, where it has one, its substitute. */
  public Set<LocalDate> inYear(int year) {
    if (manager == null) {
      return Set.of();
    }
    return byYear.computeIfAbsent(year, this::load);
  }

  private Set<LocalDate> load(int year) {
    Set<LocalDate> days = new HashSet<>();
    for (Holiday h : manager.getHolidays(Year.of(year), region.subdivision)) {
      days.add(h.getActualDate());
      h.getObservedDate().ifPresent(days::add);
    }
    return Set.copyOf(days);
  }

  @Override
  public String toString() {
    return "BankHolidays[" + region.settingName + "]";
  }
}

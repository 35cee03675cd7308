package org.opencpis.shared;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The application's settings. Each is a WildFly system property (set by the CLI scripts in ear/,
 * visible and changeable in the management console) read through MicroProfile Config at each use
 * ({@link Setting}), so a change takes effect without a redeploy; the default here applies when an
 * administrator removes the property, and a value that cannot be used is refused, naming it.
 */
@ApplicationScoped
public class Settings {

  public int retentionMonths() {
    return intValue("cpis.retention.months", 12);
  }

  public int accessHistoryLimit() {
    return intValue("cpis.access-history.limit", 25);
  }

  public int repeatWindowHours() {
    return intValue("cpis.access-history.repeat-window-hours", 24);
  }

  public ZoneId zone() {
    return Setting.zone("cpis.zone", "Europe/London");
  }

  /** The hub's own ASID, the sender of its answers. */
  public String hubAsid() {
    return Setting.text("cpis.hub.asid", "928942012545");
  }

  /** Working hours within which a CPIS Follow Up should be worked (R21, R24). */
  public int followUpDueWorkingHours() {
    return intValue("cpis.followup.due-working-hours", 8);
  }

  /** Working hours within which screening should decide (R22, R24). */
  public int screeningDueWorkingHours() {
    return intValue("cpis.screening.due-working-hours", 16);
  }

  /** R25: this many accesses in 30 days flag a step. */
  public int patternAccessesIn30Days() {
    return intValue("cpis.pattern.accesses-30d", 3);
  }

  /** R25: this many distinct organisations in 7 days flag a step. */
  public int patternOrganisationsIn7Days() {
    return intValue("cpis.pattern.organisations-7d", 2);
  }

  /**
   * Seconds after which the council workflow sends again a file the hub has not answered (R9, R28),
   * and again after as long while it stays unanswered.
   */
  public int councilFileResendAfterSeconds() {
    return intValue("cpis.council.resend-after-seconds", 300);
  }

  /** Hours within which the Emergency Duty Team should look at an escalated step (R24). */
  public int edtDueHours() {
    return intValue("cpis.edt.due-hours", 2);
  }

  /**
   * The application's clock: the system's, unless {@code cpis.clock.fixed} names an instant (e.g.
   * 2026-12-05T11:00:00Z), at which the clock then stands. That is for rehearsals and tests of what
   * happens at a given time (a weekend, a bank holiday), never for a live service; a value that is
   * not an instant is refused, naming the property.
   */
  public Clock clock() {
    String fixed = Setting.text("cpis.clock.fixed").orElse(null);
    if (fixed != null) {
      try {
        return Clock.fixed(Instant.parse(fixed), zone());
      } catch (DateTimeParseException e) {
        throw new InvalidSettingException(
            "cpis.clock.fixed", fixed, "an instant such as 2026-12-05T11:00:00Z, or no value");
      }
    }
    return Clock.system(zone());
  }

  /** At least 1: a count, a period or a threshold of 0 or less is refused. */
  static int intValue(String name, int fallback) {
    return Setting.integer(name, fallback, 1);
  }
}

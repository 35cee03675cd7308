package org.opencpis.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opencpis.casework.domain.OutOfHoursEscalation.Access;
import org.opencpis.casework.domain.OutOfHoursEscalation.PlanType;
import org.opencpis.casework.domain.OutOfHoursEscalation.Policy;
import org.opencpis.casework.domain.OutOfHoursEscalation.Reason;
import org.opencpis.casework.domain.OutOfHoursEscalation.Setting;
import org.opencpis.worktime.BankHolidays;
import org.opencpis.worktime.WorkingCalendar;

/** Out-of-hours escalation to the Emergency Duty Team (R24, R25) on the standard calendar. */
class OutOfHoursEscalationTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final Setting ED_CPP = new Setting("ED", PlanType.CPP);
  static final Policy ON = new Policy(true, true, List.of(ED_CPP));
  static WorkingCalendar calendar;

  @BeforeAll
  static void standardCalendar() {
    calendar = WorkingCalendar.standard(BankHolidays.of(BankHolidays.Region.ENGLAND_AND_WALES));
  }

  static Instant london(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
  }

  /** Two organisations in 7 days: flagged by the default thresholds (R25). */
  static AccessPattern flagged(Instant at) {
    return AccessPattern.of(
        List.of(
            new AccessPattern.Access(at, "RWE"),
            new AccessPattern.Access(at.minus(Duration.ofDays(2)), "RBK")),
        at,
        new AccessPattern.Thresholds(3, 2));
  }

  static AccessPattern quiet(Instant at) {
    return AccessPattern.of(
        List.of(new AccessPattern.Access(at, "RWE")), at, new AccessPattern.Thresholds(3, 2));
  }

  static Optional<Reason> flaggedAt(String when) {
    Instant at = london(when);
    return decide(ON, new Access(at, "MIU", flagged(at), Set.of()));
  }

  static Optional<Reason> decide(Policy policy, Access access) {
    return OutOfHoursEscalation.decide(policy, calendar::isWorkingTime, access);
  }

  @Test
  @DisplayName(
      "R24 R25: a flagged pattern on a weekday at 10:00 is worked by the admin team: no escalation")
  void weekdayInHours() {
    assertThat(flaggedAt("2026-12-02T10:00")).isEmpty(); // Wednesday
    assertThat(flaggedAt("2026-12-04T16:59")).isEmpty(); // Friday, a minute before close
  }

  @Test
  @DisplayName("R24 R25: a flagged pattern on Saturday at 11:00 escalates, and says why and when")
  void saturday() {
    Reason r = flaggedAt("2026-12-05T11:00").orElseThrow();
    assertThat(r.pattern()).isTrue();
    assertThat(r.setting()).isNull();
    assertThat(r.text())
        .isEqualTo(
            "Arrived out of hours, Saturday 5 December 2026 at 11:00: pattern flagged (2"
                + " different organisations in 7 days)");
  }

  @Test
  @DisplayName(
      "R24 R25: a flagged pattern on a bank holiday Monday (Easter Monday 6 April 2026, 10:00) escalates")
  void bankHolidayMonday() {
    Reason r = flaggedAt("2026-04-06T10:00").orElseThrow();
    assertThat(r.text()).startsWith("Arrived out of hours, Monday 6 April 2026 at 10:00");
    assertThat(flaggedAt("2026-12-28T10:00")).as("Boxing Day's substitute Monday").isPresent();
  }

  @Test
  @DisplayName(
      "R24 R25: a weekday evening (18:30) and before opening (08:59) escalate; 09:00 does not")
  void weekdayOutOfHours() {
    assertThat(flaggedAt("2026-12-02T18:30")).isPresent();
    assertThat(flaggedAt("2026-12-02T08:59")).isPresent();
    assertThat(flaggedAt("2026-12-02T09:00")).isEmpty();
    assertThat(flaggedAt("2026-12-02T17:00")).as("closing time is out of hours").isPresent();
  }

  @Test
  @DisplayName(
      "R24 R25: out of hours, a chosen setting (ED, child on a CPP) escalates without a pattern;"
          + " the same setting for a child on no CPP, or another setting, does not")
  void chosenSetting() {
    Instant saturday = london("2026-12-05T11:00");
    Reason r =
        decide(ON, new Access(saturday, "ed", quiet(saturday), Set.of(PlanType.CPP))).orElseThrow();
    assertThat(r.pattern()).isFalse();
    assertThat(r.setting()).isEqualTo(ED_CPP);
    assertThat(r.text())
        .isEqualTo(
            "Arrived out of hours, Saturday 5 December 2026 at 11:00: ED attendance of a child on"
                + " a CPP (the council's setting)");
    assertThat(decide(ON, new Access(saturday, "ED", quiet(saturday), Set.of(PlanType.LAC))))
        .as("on a LAC plan only")
        .isEmpty();
    assertThat(decide(ON, new Access(saturday, "MIU", quiet(saturday), Set.of(PlanType.CPP))))
        .as("another setting")
        .isEmpty();
    assertThat(decide(ON, new Access(saturday, null, quiet(saturday), Set.of(PlanType.CPP))))
        .as("no setting given")
        .isEmpty();
  }

  @Test
  @DisplayName("R24 R25: flagged and a chosen setting at once: one escalation naming both")
  void both() {
    Instant evening = london("2026-12-02T18:30");
    Reason r =
        decide(ON, new Access(evening, "ED", flagged(evening), Set.of(PlanType.CPP))).orElseThrow();
    assertThat(r.pattern()).isTrue();
    assertThat(r.setting()).isEqualTo(ED_CPP);
    assertThat(r.text())
        .endsWith(
            "pattern flagged (2 different organisations in 7 days); ED attendance of a child on a"
                + " CPP (the council's setting)");
  }

  @Test
  @DisplayName(
      "R24 R25: neither flagged nor a chosen setting: no escalation, even at 03:00 on a Sunday")
  void neither() {
    Instant sunday = london("2026-12-06T03:00");
    assertThat(decide(ON, new Access(sunday, "GP", quiet(sunday), Set.of(PlanType.CPP)))).isEmpty();
  }

  @Test
  @DisplayName(
      "R24 R25: escalation off (the default) never escalates; flagged patterns off leaves only the"
          + " chosen settings")
  void policyOff() {
    Instant saturday = london("2026-12-05T11:00");
    Access flaggedEd = new Access(saturday, "ED", flagged(saturday), Set.of(PlanType.CPP));
    assertThat(decide(Policy.OFF, flaggedEd)).isEmpty();
    Policy settingsOnly = new Policy(true, false, List.of(ED_CPP));
    assertThat(decide(settingsOnly, new Access(saturday, "MIU", flagged(saturday), Set.of())))
        .isEmpty();
    assertThat(decide(settingsOnly, flaggedEd).orElseThrow().pattern()).isFalse();
  }

  @Test
  @DisplayName("R25: a setting is a short code with a plan type; duplicates count once")
  void settingsChecked() {
    assertThat(new Setting(" ed ", PlanType.CPP).careSetting()).isEqualTo("ED");
    assertThatThrownBy(() -> new Setting("", PlanType.CPP))
        .isInstanceOf(CaseworkRefusal.class)
        .hasMessageContaining("1 to 20");
    assertThatThrownBy(() -> new Setting("ED", null))
        .isInstanceOf(CaseworkRefusal.class)
        .hasMessageContaining("CPP, LAC or UCPP");
    assertThat(new Policy(true, true, List.of(ED_CPP, new Setting("ed", PlanType.CPP))).settings())
        .containsExactly(ED_CPP);
  }
}

package org.opencpis.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AccessTimelineTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  static final AccessPattern.Thresholds DEFAULTS = new AccessPattern.Thresholds(3, 2);
  static final String UHL = "University Hospitals of Leicester NHS Trust";
  static final String WALSALL = "Walsall Healthcare NHS Trust";

  private final List<AccessNotice> notices = new ArrayList<>();

  AccessTimelineTest at(Instant when, String ods, String name, String setting) {
    notices.add(
        new AccessNotice(
            "N-" + notices.size(),
            "855",
            "9990000018",
            null,
            null,
            null,
            null,
            when,
            when,
            "Ada Okafor",
            "Nurse Access Role",
            ods,
            name,
            setting));
    return this;
  }

  AccessTimelineTest daysAgo(double days, String ods, String name, String setting) {
    return at(NOW.minus(Duration.ofMinutes(Math.round(days * 24 * 60))), ods, name, setting);
  }

  AccessTimeline timeline(AccessPattern.Thresholds t) {
    return AccessTimeline.of(notices, NOW, LONDON, t);
  }

  static Instant ago(double days) {
    return NOW.minus(Duration.ofMinutes(Math.round(days * 24 * 60)));
  }

  @Test
  @DisplayName(
      "R25: the timeline is the last 12 calendar months, oldest access first, each with where, when and the care setting")
  void twelveMonthsOldestFirst() {
    daysAgo(2, "RWE", UHL, "ED").daysAgo(400, "RWE", UHL, "ED").daysAgo(200, "RBK", WALSALL, "MIU");
    AccessTimeline t = timeline(DEFAULTS);
    assertThat(t.from())
        .isEqualTo(ZonedDateTime.ofInstant(NOW, LONDON).minusMonths(12).toInstant());
    assertThat(t.to()).isEqualTo(NOW);
    assertThat(t.accesses())
        .extracting(
            AccessTimeline.Entry::at,
            AccessTimeline.Entry::organisationOds,
            AccessTimeline.Entry::careSetting,
            AccessTimeline.Entry::flagged)
        .containsExactly(tuple(ago(200), "RBK", "MIU", false), tuple(ago(2), "RWE", "ED", false));
    assertThat(t.flaggedWindows()).isEmpty();
  }

  @Test
  @DisplayName(
      "R25: two organisations within 7 days raise a flag; its window runs from the first of them to the flagged access; an access months before is outside it")
  void placesWindow() {
    daysAgo(150, "RWE", UHL, "ED").daysAgo(40, "RWE", UHL, "ED").daysAgo(37, "RBK", WALSALL, "MIU");
    AccessTimeline t = timeline(DEFAULTS);
    assertThat(t.accesses())
        .extracting(AccessTimeline.Entry::flagged, AccessTimeline.Entry::reason)
        .containsExactly(
            tuple(false, null),
            tuple(false, null),
            tuple(true, "2 different organisations in 7 days"));
    assertThat(t.flaggedWindows())
        .containsExactly(
            new AccessTimeline.Window(ago(40), ago(37), 2, "2 different organisations in 7 days"));
  }

  @Test
  @DisplayName(
      "R25: the 3rd access in 30 days raises a flag from the 1st of them; a 4th soon after is flagged too and the windows are one")
  void accessesWindowsMerge() {
    daysAgo(100, "RWE", UHL, "ED")
        .daysAgo(80, "RWE", UHL, "ED")
        .daysAgo(75, "RWE", UHL, "PAED")
        .daysAgo(60, "RWE", UHL, "ED")
        .daysAgo(5, "RWE", UHL, "ED");
    AccessTimeline t = timeline(DEFAULTS);
    assertThat(t.accesses())
        .extracting(AccessTimeline.Entry::flagged)
        .containsExactly(false, false, true, true, false);
    assertThat(t.flaggedWindows())
        .containsExactly(new AccessTimeline.Window(ago(100), ago(60), 4, "3 accesses in 30 days"));
  }

  @Test
  @DisplayName(
      "R25: accesses before the 12 months still count toward a flag inside them; the window is cut at the start of the 12 months")
  void windowCutAtTheStart() {
    Instant from = ZonedDateTime.ofInstant(NOW, LONDON).minusMonths(12).toInstant();
    at(from.minus(Duration.ofDays(10)), "RWE", UHL, "ED")
        .at(from.minus(Duration.ofDays(2)), "RWE", UHL, "ED")
        .at(from.plus(Duration.ofDays(3)), "RWE", UHL, "ED");
    AccessTimeline t = timeline(DEFAULTS);
    assertThat(t.accesses())
        .singleElement()
        .extracting(AccessTimeline.Entry::flagged)
        .isEqualTo(true);
    assertThat(t.flaggedWindows())
        .containsExactly(
            new AccessTimeline.Window(
                from, from.plus(Duration.ofDays(3)), 1, "3 accesses in 30 days"));
  }

  @Test
  @DisplayName(
      "R25: the council's own thresholds decide the flags: with 3 organisations in 7 days, two places are not a pattern")
  void councilThresholds() {
    daysAgo(3, "RWE", UHL, "ED").daysAgo(1, "RBK", WALSALL, "MIU");
    assertThat(timeline(DEFAULTS).flaggedWindows()).hasSize(1);
    AccessTimeline own = timeline(new AccessPattern.Thresholds(5, 3));
    assertThat(own.flaggedWindows()).isEmpty();
    assertThat(own.accesses()).extracting(AccessTimeline.Entry::flagged).containsOnly(false);
  }

  @Test
  @DisplayName(
      "R25: the key's organisations come in the order they first appear, each with its name and count; one without a code is 'Not given'")
  void organisationsForTheKey() {
    daysAgo(90, "RBK", WALSALL, "MIU")
        .daysAgo(60, "RWE", null, "ED")
        .daysAgo(30, "RWE", UHL, "ED")
        .daysAgo(10, null, null, null)
        .daysAgo(5, "RBK", WALSALL, "WIC");
    assertThat(timeline(DEFAULTS).organisations())
        .containsExactly(
            new AccessTimeline.Organisation("RBK", WALSALL, 2),
            new AccessTimeline.Organisation("RWE", UHL, 2),
            new AccessTimeline.Organisation("Not given", "Not given", 1));
  }

  @Test
  @DisplayName("R25: an access dated after now (a clock ahead elsewhere) is not drawn")
  void nothingAfterNow() {
    at(NOW.plusSeconds(60), "RWE", UHL, "ED");
    assertThat(timeline(DEFAULTS).accesses()).isEmpty();
  }
}

package org.opencpis.hub.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opencpis.shared.PersonName;

class AccessHistoryTest {

  static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
  final AccessHistory history = new AccessHistory(25, Duration.ofHours(24));

  static AccessEvent event(String sdsUser, String org, Instant at) {
    Viewer v =
        new Viewer(
            sdsUser,
            null,
            "200000000999",
            PersonName.unparsed("Name " + sdsUser),
            "R8000",
            "Clinician",
            org,
            org + " Trust");
    return new AccessEvent("9990001006", at, "q", "SOAP", "ED", v, List.of("855"));
  }

  @Test
  @DisplayName("R19: a repeat by the same person within 24 hours is shown once (the latest)")
  void repeatWithin24Hours() {
    AccessEvent later = event("A", "RWE", T0.plus(Duration.ofHours(23)));
    AccessEvent other = event("B", "RBK", T0.plus(Duration.ofHours(2)));
    AccessEvent earlier = event("A", "RWE", T0);

    assertThat(history.select(List.of(later, other, earlier))).containsExactly(later, other);
  }

  @Test
  @DisplayName("R19: the same person 24 hours or more apart is shown twice")
  void twentyFourHoursApart() {
    AccessEvent later = event("A", "RWE", T0.plus(Duration.ofHours(24)));
    AccessEvent earlier = event("A", "RWE", T0);
    assertThat(history.select(List.of(later, earlier))).containsExactly(later, earlier);
  }

  @Test
  @DisplayName(
      "R19: a chain of views, each within 24 h of the next, is measured from the view shown")
  void chain() {
    AccessEvent t40 = event("A", "RWE", T0.plus(Duration.ofHours(40)));
    AccessEvent t20 = event("A", "RWE", T0.plus(Duration.ofHours(20)));
    AccessEvent t0 = event("A", "RWE", T0);
    assertThat(history.select(List.of(t40, t20, t0))).containsExactly(t40, t0);
  }

  @Test
  @DisplayName("R19: at most 25, the most recent")
  void cap() {
    List<AccessEvent> newestFirst = new ArrayList<>();
    for (int i = 30; i > 0; i--) {
      newestFirst.add(event("U" + i, "RWE", T0.plus(Duration.ofMinutes(i))));
    }
    List<AccessEvent> shown = history.select(newestFirst);
    assertThat(shown).hasSize(25);
    assertThat(shown.get(0).viewer().sdsUserId()).isEqualTo("U30");
    assertThat(shown.get(24).viewer().sdsUserId()).isEqualTo("U6");
  }

  @Test
  @DisplayName("R19: a system author is the same person when the ASID and nominated name match")
  void systemAuthors() {
    Viewer sys1 =
        new Viewer(
            null,
            null,
            "918999198738",
            PersonName.unparsed("Tom Price"),
            null,
            null,
            "RBK",
            "Walsall");
    Viewer sys2 =
        new Viewer(
            null,
            null,
            "918999198738",
            PersonName.unparsed("Ann Lee"),
            null,
            null,
            "RBK",
            "Walsall");
    AccessEvent a =
        new AccessEvent("9990001006", T0.plusSeconds(60), "q", "SOAP", "MIU", sys1, List.of("855"));
    AccessEvent b =
        new AccessEvent("9990001006", T0.plusSeconds(30), "q", "SOAP", "MIU", sys2, List.of("855"));
    AccessEvent c = new AccessEvent("9990001006", T0, "q", "SOAP", "MIU", sys1, List.of("855"));
    assertThat(history.select(List.of(a, b, c))).containsExactly(a, b);
  }

  @Test
  @DisplayName(
      "R19: read in growing prefixes, the history shown is the same as over the whole, and a usual child costs one read of 50")
  void prefixesGiveTheWholeAnswer() {
    // 1,200 accesses: bursts by one nurse every minute, then 40 people a day apart
    List<AccessEvent> all = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      boolean burst = i < 300;
      all.add(
          event(
              burst ? "nurse-1" : "viewer-" + (i % 40),
              "RWE",
              T0.minus(Duration.ofMinutes(burst ? i : 300 + (long) (i - 300) * 60 * 24))));
    }
    List<Integer> reads = new ArrayList<>();
    java.util.function.IntFunction<List<AccessEvent>> newest =
        n -> {
          reads.add(n);
          return all.subList(0, Math.min(n, all.size()));
        };

    assertThat(history.select(newest, 50, 1000)).isEqualTo(history.select(all.subList(0, 1000)));
    assertThat(reads).as("the burst makes it read further").containsExactly(50, 200, 800);

    reads.clear();
    List<AccessEvent> usual = all.subList(300, 1200);
    java.util.function.IntFunction<List<AccessEvent>> usualNewest =
        n -> {
          reads.add(n);
          return usual.subList(0, Math.min(n, usual.size()));
        };
    assertThat(history.select(usualNewest, 50, 1000)).hasSize(25);
    assertThat(reads).containsExactly(50);
  }
}

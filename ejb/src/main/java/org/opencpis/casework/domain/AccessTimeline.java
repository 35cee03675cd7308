package org.opencpis.casework.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A child's attendances as the council was told of them over the last 12 months (R25), for the
 * attendance timeline on the person summary and the step: each access (when, where, the care
 * setting, whether it raised a pattern flag), the organisations in the order they first appear, and
 * the windows that raised a pattern flag.
 *
 * <p>A flag is decided as the step's own is ({@link AccessPattern}, with the council's thresholds),
 * at each access with the accesses up to it. The window it raised runs from the earliest access the
 * rule counted (within 30 days for "several attendances", within 7 days for "several places") to
 * the access that was flagged; windows that overlap are one. Accesses before the 12 months still
 * count toward a flag inside them; a window is cut at the start of the 12 months.
 */
public record AccessTimeline(
    Instant from,
    Instant to,
    List<Entry> accesses,
    List<Organisation> organisations,
    List<Window> flaggedWindows) {

  /** How far back the timeline looks. */
  public static final int MONTHS = 12;

  /** What the timeline says where the health system gave no organisation code. */
  public static final String UNKNOWN_ORGANISATION = "Not given";

  /**
   * One access, oldest first; {@code flagged}: this access raised a pattern flag, and {@code
   * reason} says why (as the step does).
   */
  public record Entry(
      String notificationId,
      Instant at,
      String organisationOds,
      String organisationName,
      String careSetting,
      String viewerName,
      String jobRole,
      boolean flagged,
      String reason) {}

  /** An organisation in the timeline: its key, name and how many of the accesses are its. */
  public record Organisation(String ods, String name, int accesses) {}

  /** A window that raised a pattern flag: its span, the accesses in it, and why (the last flag). */
  public record Window(Instant from, Instant to, int accesses, String reason) {}

  public AccessTimeline {
    accesses = List.copyOf(accesses);
    organisations = List.copyOf(organisations);
    flaggedWindows = List.copyOf(flaggedWindows);
  }

  /**
   * @param notices every access the council was notified of for the child, in any order
   * @param now the end of the timeline
   * @param zone the time zone whose calendar months the 12 months are counted in
   * @param thresholds the council's pattern thresholds (R25)
   */
  public static AccessTimeline of(
      Collection<AccessNotice> notices,
      Instant now,
      ZoneId zone,
      AccessPattern.Thresholds thresholds) {
    Instant from = now.atZone(zone).minusMonths(MONTHS).toInstant();
    List<AccessNotice> all =
        notices.stream()
            .filter(n -> !n.accessedAt().isAfter(now))
            .sorted(
                Comparator.comparing(AccessNotice::accessedAt)
                    .thenComparing(AccessNotice::notificationId))
            .toList();

    List<Entry> entries = new ArrayList<>();
    Map<String, Organisation> organisations = new LinkedHashMap<>();
    List<Window> windows = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      AccessNotice n = all.get(i);
      Instant at = n.accessedAt();
      List<AccessPattern.Access> upToIt =
          all.stream()
              .filter(o -> !o.accessedAt().isAfter(at))
              .map(o -> new AccessPattern.Access(o.accessedAt(), o.organisationOds()))
              .toList();
      AccessPattern p = AccessPattern.of(upToIt, at, thresholds);
      if (at.isBefore(from)) {
        continue;
      }
      entries.add(
          new Entry(
              n.notificationId(),
              at,
              key(n),
              n.organisationName(),
              n.careSetting(),
              n.viewerName(),
              n.jobRole(),
              p.flagged(),
              p.reason()));
      organisations.merge(
          key(n),
          new Organisation(key(n), name(n), 1),
          (was, one) ->
              new Organisation(
                  was.ods(),
                  n.organisationName() != null ? one.name() : was.name(),
                  was.accesses() + 1));
      if (p.flagged()) {
        boolean many = p.accesses30d() >= thresholds.accessesIn30Days();
        Instant since = at.minus(Duration.ofDays(many ? 30 : 7));
        Instant start =
            upToIt.stream()
                .map(AccessPattern.Access::at)
                .filter(t -> !t.isBefore(since))
                .min(Comparator.naturalOrder())
                .orElse(at);
        if (start.isBefore(from)) {
          start = from;
        }
        windows.add(new Window(start, at, 0, p.reason()));
      }
    }
    List<Window> merged = new ArrayList<>();
    windows.sort(Comparator.comparing(Window::from).thenComparing(Window::to));
    for (Window w : windows) {
      Window last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && !w.from().isAfter(last.to())) {
        boolean later = w.to().isAfter(last.to());
        merged.set(
            merged.size() - 1,
            new Window(
                last.from(), later ? w.to() : last.to(), 0, later ? w.reason() : last.reason()));
      } else {
        merged.add(w);
      }
    }
    List<Window> counted =
        merged.stream()
            .map(
                w ->
                    new Window(
                        w.from(),
                        w.to(),
                        (int)
                            entries.stream()
                                .filter(e -> !e.at().isBefore(w.from()) && !e.at().isAfter(w.to()))
                                .count(),
                        w.reason()))
            .toList();
    return new AccessTimeline(from, now, entries, new ArrayList<>(organisations.values()), counted);
  }

  private static String key(AccessNotice n) {
    return n.organisationOds() != null ? n.organisationOds() : UNKNOWN_ORGANISATION;
  }

  private static String name(AccessNotice n) {
    if (n.organisationName() != null) {
      return n.organisationName();
    }
    return n.organisationOds() != null ? n.organisationOds() : UNKNOWN_ORGANISATION;
  }
}

package org.opencpis.casework.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

/**
 * How often, and from how many places, health looked at a child recently (R25): accesses in the
 * last 7, 30 and 90 days and the distinct organisations among them, and whether that passes the
 * thresholds that flag a step (defaults: 3 or more accesses in 30 days, or 2 or more organisations
 * in 7 days).
 */
@Embeddable
public class AccessPattern {

  @Column(name = "accesses_7d")
  private int accesses7d;

  @Column(name = "accesses_30d")
  private int accesses30d;

  @Column(name = "accesses_90d")
  private int accesses90d;

  @Column(name = "organisations_7d")
  private int organisations7d;

  @Column(name = "organisations_30d")
  private int organisations30d;

  @Column(name = "organisations_90d")
  private int organisations90d;

  @Column(name = "pattern_flagged")
  private boolean flagged;

  @Column(name = "pattern_reason", length = 200)
  private String reason;

  protected AccessPattern() {}

  /** The thresholds that flag a pattern. */
  public record Thresholds(int accessesIn30Days, int organisationsIn7Days) {}

  /** One access as the pattern sees it. */
  public record Access(Instant at, String organisationOds) {}

  /**
   * @param accesses the child's accesses known to the council, the current one included
   */
  public static AccessPattern of(Collection<Access> accesses, Instant now, Thresholds t) {
    AccessPattern p = new AccessPattern();
    p.accesses7d = count(accesses, now, 7);
    p.accesses30d = count(accesses, now, 30);
    p.accesses90d = count(accesses, now, 90);
    p.organisations7d = organisations(accesses, now, 7);
    p.organisations30d = organisations(accesses, now, 30);
    p.organisations90d = organisations(accesses, now, 90);
    boolean many = p.accesses30d >= t.accessesIn30Days();
    boolean places = p.organisations7d >= t.organisationsIn7Days();
    p.flagged = many || places;
    if (many && places) {
      p.reason =
          p.accesses30d
              + " accesses in 30 days, from "
              + p.organisations7d
              + " organisations in 7 days";
    } else if (many) {
      p.reason = p.accesses30d + " accesses in 30 days";
    } else if (places) {
      p.reason = p.organisations7d + " different organisations in 7 days";
    }
    return p;
  }

  private static int count(Collection<Access> accesses, Instant now, int days) {
    Instant since = now.minus(Duration.ofDays(days));
    return (int) accesses.stream().filter(a -> !a.at().isBefore(since)).count();
  }

  private static int organisations(Collection<Access> accesses, Instant now, int days) {
    Instant since = now.minus(Duration.ofDays(days));
    return (int)
        accesses.stream()
            .filter(a -> !a.at().isBefore(since))
            .map(Access::organisationOds)
            .filter(Objects::nonNull)
            .distinct()
            .count();
  }

  public int accesses7d() {
    return accesses7d;
  }

  public int accesses30d() {
    return accesses30d;
  }

  public int accesses90d() {
    return accesses90d;
  }

  public int organisations7d() {
    return organisations7d;
  }

  public int organisations30d() {
    return organisations30d;
  }

  public int organisations90d() {
    return organisations90d;
  }

  public boolean flagged() {
    return flagged;
  }

  public String reason() {
    return reason;
  }
}

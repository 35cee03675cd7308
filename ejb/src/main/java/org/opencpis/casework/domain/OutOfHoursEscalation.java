package org.opencpis.casework.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whether an access notification that arrives out of working hours (R24) also goes to the council's
 * Emergency Duty Team, so a weekend pattern is seen before Monday: when the child's access pattern
 * is flagged (R25), or when the access is in a care setting the council chose for a kind of plan
 * the child is on (e.g. any ED attendance of a child on a CPP). In working hours nothing escalates:
 * the Safeguarding Admin Team works the CP-IS Virtual Worker inbox then (R21).
 */
public final class OutOfHoursEscalation {

  /** A plan as CP-IS names it: child protection, looked after, unborn child protection. */
  public enum PlanType {
    CPP,
    LAC,
    UCPP
  }

  /** A care setting (as the access names it, e.g. ED) that escalates for a child on this plan. */
  public record Setting(String careSetting, PlanType planType) {
    public Setting {
      if (careSetting == null || !careSetting.trim().matches("[A-Za-z0-9 _-]{1,20}")) {
        throw new CaseworkRefusal(
            CaseworkRefusal.Kind.INVALID,
            "careSetting",
            "a care setting is 1 to 20 letters or digits (e.g. ED), not '" + careSetting + "'");
      }
      if (planType == null) {
        throw new CaseworkRefusal(CaseworkRefusal.Kind.INVALID, "planType", "say CPP, LAC or UCPP");
      }
      careSetting = careSetting.trim().toUpperCase(Locale.ROOT);
    }

    boolean matches(String accessSetting, Set<PlanType> plans) {
      return accessSetting != null
          && careSetting.equalsIgnoreCase(accessSetting.trim())
          && plans.contains(planType);
    }

    String describe() {
      return careSetting + " attendance of a child on a " + planType;
    }
  }

  /**
   * What a council's administrator chose: whether escalation is on, whether flagged patterns
   * escalate, and which settings always escalate.
   */
  public record Policy(boolean enabled, boolean flaggedPatterns, List<Setting> settings) {

    /** The most settings a council may list. */
    public static final int MAX_SETTINGS = 30;

    /** Escalation off: a council's until its administrator turns it on. */
    public static final Policy OFF = new Policy(false, true, List.of());

    public Policy {
      settings = settings == null ? List.of() : List.copyOf(new LinkedHashSet<>(settings));
      if (settings.size() > MAX_SETTINGS) {
        throw new CaseworkRefusal(
            CaseworkRefusal.Kind.INVALID,
            "settings",
            "at most " + MAX_SETTINGS + " settings, not " + settings.size());
      }
    }
  }

  /** The access as the decision sees it. */
  public record Access(
      Instant arrivedAt, String careSetting, AccessPattern pattern, Set<PlanType> plans) {}

  /**
   * Why a step was escalated, as council staff read it.
   *
   * @param pattern whether the flagged pattern escalated it (R25)
   * @param setting the council's setting that escalated it, or null
   */
  public record Reason(boolean pattern, Setting setting, String text) {}

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK)
          .withZone(ZoneId.of("Europe/London"));

  private OutOfHoursEscalation() {}

  /**
   * @param workingTime whether an instant is inside the council's working hours (R24)
   * @return why the access goes to the Emergency Duty Team too, or empty when it does not
   */
  public static Optional<Reason> decide(
      Policy policy, Predicate<Instant> workingTime, Access access) {
    if (!policy.enabled() || workingTime.test(access.arrivedAt())) {
      return Optional.empty();
    }
    boolean byPattern =
        policy.flaggedPatterns() && access.pattern() != null && access.pattern().flagged();
    Setting bySetting =
        policy.settings().stream()
            .filter(s -> s.matches(access.careSetting(), access.plans()))
            .findFirst()
            .orElse(null);
    if (!byPattern && bySetting == null) {
      return Optional.empty();
    }
    List<String> why = new ArrayList<>();
    if (byPattern) {
      why.add("pattern flagged (" + access.pattern().reason() + ")");
    }
    if (bySetting != null) {
      why.add(bySetting.describe() + " (the council's setting)");
    }
    String text =
        "Arrived out of hours, " + WHEN.format(access.arrivedAt()) + ": " + String.join("; ", why);
    return Optional.of(new Reason(byPattern, bySetting, text));
  }
}

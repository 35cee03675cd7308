package org.opencpis.demographics.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The matching rules of the hub's identity check (R2, R4), in the order the national service
 * applies them:
 *
 * <ol>
 *   <li>no record for the number: UNKNOWN;
 *   <li>the number was replaced: SUPERSEDED, with the current number (following the chain A -> B ->
 *       C to its end);
 *   <li>the record is sensitive: SENSITIVE, and nothing is compared (a sensitive record gives
 *       nothing away);
 *   <li>given name, family name and date of birth compared, names trimmed, case and runs of spaces
 *       ignored: MISMATCH naming each that differs, else VERIFIED.
 * </ol>
 */
public final class DemographicMatcher {

  /** A chain of replacements longer than this is treated as broken (a loop in the data). */
  public static final int MAX_CHAIN = 20;

  private DemographicMatcher() {}

  public static Verification verify(
      Subject s, Function<String, Optional<DemographicRecord>> lookup) {
    Optional<DemographicRecord> found = lookup.apply(s.nhsNumber());
    if (found.isEmpty()) {
      return new Verification(Verification.Outcome.UNKNOWN, s.nhsNumber(), null);
    }
    DemographicRecord r = found.get();
    if (r.superseded()) {
      return new Verification(
          Verification.Outcome.SUPERSEDED, current(s.nhsNumber(), lookup), null);
    }
    if (r.sensitive()) {
      return new Verification(Verification.Outcome.SENSITIVE, s.nhsNumber(), null);
    }
    List<Verification.Field> mismatches = new ArrayList<>();
    if (!sameName(s.givenName(), r.givenName())) {
      mismatches.add(Verification.Field.GIVEN_NAME);
    }
    if (!sameName(s.familyName(), r.familyName())) {
      mismatches.add(Verification.Field.FAMILY_NAME);
    }
    if (s.birthDate() == null || !s.birthDate().equals(r.birthDate())) {
      mismatches.add(Verification.Field.BIRTH_DATE);
    }
    return mismatches.isEmpty()
        ? new Verification(Verification.Outcome.VERIFIED, s.nhsNumber(), null)
        : new Verification(Verification.Outcome.MISMATCH, s.nhsNumber(), mismatches);
  }

  /**
   * The number now in use for {@code nhsNumber}: itself when it is current or unknown, else the end
   * of its chain of replacements. A loop in the data stops at the last number before it repeats.
   */
  public static String current(
      String nhsNumber, Function<String, Optional<DemographicRecord>> lookup) {
    String at = nhsNumber;
    Set<String> seen = new HashSet<>();
    seen.add(at);
    for (int i = 0; i < MAX_CHAIN; i++) {
      Optional<DemographicRecord> r = lookup.apply(at);
      if (r.isEmpty() || !r.get().superseded() || seen.contains(r.get().supersededBy())) {
        return at;
      }
      at = r.get().supersededBy();
      seen.add(at);
    }
    return at;
  }

  /** Names compare trimmed, ignoring case and runs of white space. */
  public static boolean sameName(String submitted, String held) {
    return normalise(submitted).equals(normalise(held));
  }

  private static String normalise(String name) {
    return name == null ? "" : name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}

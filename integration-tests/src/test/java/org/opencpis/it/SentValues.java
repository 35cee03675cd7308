package org.opencpis.it;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The personal data the integration tests sent (NHS numbers, names, dates of birth), kept so that
 * {@link LogHygieneIT} can look for each of them in the server's log afterwards.
 */
public final class SentValues {

  static final Set<String> NHS_NUMBERS = ConcurrentHashMap.newKeySet();
  static final Set<String> NAMES = ConcurrentHashMap.newKeySet();
  static final Set<LocalDate> BIRTH_DATES = ConcurrentHashMap.newKeySet();

  private SentValues() {}

  static String nhsNumber(String n) {
    NHS_NUMBERS.add(n);
    return n;
  }

  /** Whether this run has used the number already. */
  static boolean used(String n) {
    return NHS_NUMBERS.contains(n);
  }

  static void person(String given, String family, LocalDate birthDate) {
    if (given != null) {
      NAMES.add(given);
    }
    if (family != null) {
      NAMES.add(family);
    }
    if (birthDate != null) {
      BIRTH_DATES.add(birthDate);
    }
  }
}

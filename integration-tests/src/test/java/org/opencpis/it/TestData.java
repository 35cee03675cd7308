package org.opencpis.it;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Test identities: NHS numbers from the test range 999 000 0000 - 999 999 9999, file sequences. */
public final class TestData {

  public static final ZoneId LONDON = ZoneId.of("Europe/London");

  private static final Map<String, AtomicInteger> FILE_SEQUENCES = new ConcurrentHashMap<>();

  private TestData() {}

  /**
   * A fresh NHS number in the test range with a valid modulus-11 check digit, above the block the
   * development seed of the demographic store uses (999 000 0000 - 999 099 9999), so a test's
   * number is never a seeded person's.
   */
  public static String nhsNumber() {
    while (true) {
      String nine =
          "999" + String.format("%06d", 100_000 + ThreadLocalRandom.current().nextInt(900_000));
      int check = checkDigit(nine);
      if (check != 10) {
        return SentValues.nhsNumber(nine + check);
      }
    }
  }

  /** A test-range number whose check digit is wrong. */
  public static String nhsNumberWithBadCheckDigit() {
    String good = nhsNumber();
    int last = good.charAt(9) - '0';
    return SentValues.nhsNumber(good.substring(0, 9) + ((last + 1) % 10));
  }

  static int checkDigit(String nine) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (nine.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - sum % 11;
    return check == 11 ? 0 : check;
  }

  /** The next file sequence id of an LA (the server is fresh for every run). */
  public static int nextFileSequence(String la) {
    return FILE_SEQUENCES.computeIfAbsent(la, k -> new AtomicInteger()).incrementAndGet();
  }

  public static LocalDate today() {
    return LocalDate.now(LONDON);
  }
}

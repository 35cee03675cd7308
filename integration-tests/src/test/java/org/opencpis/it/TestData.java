package org.opencpis.it;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;

/** Test identities: NHS numbers from the test range 999 000 0000 - 999 999 9999, file sequences. */
public final class TestData {

  public static final ZoneId LONDON = ZoneId.of("Europe/London");

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
      // never one this run has used: a child made fresh by a test has no other test's accesses
      if (check != 10 && !SentValues.used(nine + check)) {
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

  /** The modulus-11 check digit of nine digits (10: no valid number has them). */
  public static int checkDigit(String nine) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (nine.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - sum % 11;
    return check == 11 ? 0 : check;
  }

  /**
   * The number the LA's next cpisupload file must have (each file is exactly the next one), as the
   * server's stream says (the administrators' {@code GET /api/admin/uploads/{la}}): a file refused
   * or not applied (CPF01, CPF05) does not take its number, so a count kept here would drift. 1 for
   * an LA the hub does not know. Build the file just before sending it; one uploader per LA at a
   * time.
   */
  public static int nextFileSequence(String la) {
    Rest.Reply r = Rest.get(Spine.ADMIN, "/admin/uploads/" + la + "?max=1");
    if (r.status() == 400) {
      return 1;
    }
    if (r.status() != 200) {
      throw new IllegalStateException("upload streams of " + la + ": HTTP " + r.status());
    }
    return ((JsonObject) r.json())
        .getJsonArray("streams").getValuesAs(JsonObject.class).stream()
            .filter(s -> "CPISUPLOAD".equals(s.getString("channel")))
            .mapToInt(s -> s.getInt("nextFileSequenceId"))
            .findFirst()
            .orElse(1);
  }

  /**
   * Today as the server counts it (its zone, cpis.zone, is Europe/London; it runs on this machine's
   * clock). Every plan date in the tests is counted from it, never fixed, so no test meets the
   * 12-month retention, or today, as the calendar moves on.
   */
  public static LocalDate today() {
    return LocalDate.now(LONDON);
  }

  public static LocalDate monthsAgo(int months) {
    return today().minusMonths(months);
  }

  public static LocalDate daysAgo(int days) {
    return today().minusDays(days);
  }

  /** A date as HL7 v3 and v2 write it (YYYYMMDD). */
  public static String hl7(LocalDate day) {
    return day.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
  }
}

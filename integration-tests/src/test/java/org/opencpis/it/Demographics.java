package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.LocalDate;

/**
 * The hub's demographic store, through the administrator's CSV load ({@code POST
 * /api/admin/demographics}, text/csv): tests register the people they upload, so the hub's identity
 * check (R2) knows them.
 */
public final class Demographics {

  private Demographics() {}

  /** Registers (adds or updates) a current, not sensitive person. */
  public static void register(String nhs, String given, String family, LocalDate birthDate) {
    load(row(nhs, given, family, birthDate, null, false));
  }

  /** Registers a person whose NHS number {@code old} was replaced by {@code current}. */
  public static void registerSuperseded(
      String old, String current, String given, String family, LocalDate birthDate) {
    load(row(old, given, family, birthDate, current, false));
  }

  /** Registers a person whose demographic record is sensitive. */
  public static void registerSensitive(
      String nhs, String given, String family, LocalDate birthDate) {
    load(row(nhs, given, family, birthDate, null, true));
  }

  /** Registers a person unless the number is not a valid NHS number (a test of that refusal). */
  static void registerIfValid(String nhs, String given, String family, LocalDate birthDate) {
    if (nhs != null
        && nhs.matches("[0-9]{10}")
        && TestData.checkDigit(nhs.substring(0, 9)) == nhs.charAt(9) - '0'
        && given != null
        && family != null
        && birthDate != null) {
      register(nhs, given, family, birthDate);
    }
  }

  /** Loads a CSV file as the administrator; asserts that no row was rejected. */
  public static JsonObject load(String csv) {
    Rest.Reply r = loadReply(csv);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonObject report = (JsonObject) r.json();
    assertThat(report.getInt("rejected")).as(r.body()).isZero();
    return report;
  }

  /** Loads a CSV file as the administrator, and returns whatever the server answered. */
  public static Rest.Reply loadReply(String csv) {
    return Rest.post(Spine.ADMIN, "/admin/demographics", "text/csv", csv);
  }

  static String row(
      String nhs,
      String given,
      String family,
      LocalDate birthDate,
      String supersededBy,
      boolean sensitive) {
    SentValues.person(given, family, birthDate);
    return String.join(
            ",",
            nhs,
            quoted(given),
            quoted(family),
            birthDate.toString(),
            supersededBy == null ? "" : supersededBy,
            Boolean.toString(sensitive))
        + "\n";
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}

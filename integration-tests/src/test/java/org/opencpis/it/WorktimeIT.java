package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The working-hours calendar (R24) on the running server, through its read-only REST resource. The
 * bank-holiday answers prove that jollyday reads its calendar inside WildFly, on the server's JAXB
 * (the EAR ships none). The full rule set is in ejb's WorkingCalendarTest.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WorktimeIT {

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  static JsonObject due(String from, String hours) {
    Rest.Reply r = Rest.get(Spine.ADMIN, "/worktime/due?from=" + from + "&hours=" + hours);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return (JsonObject) r.json();
  }

  @Test
  @DisplayName("R24: across a weekend: Friday 16:30 + 2 working hours is due Monday 10:30")
  void acrossAWeekend() {
    JsonObject friday = due("2026-11-20T16:30:00Z", "2");
    assertThat(friday.getString("from")).isEqualTo("2026-11-20T16:30:00Z");
    assertThat(friday.getString("due")).isEqualTo("2026-11-23T10:30:00Z");
    assertThat(friday.getBoolean("workingTime")).isTrue();

    JsonObject saturday = due("2026-11-21T10:00:00Z", "1");
    assertThat(saturday.getString("due")).isEqualTo("2026-11-23T10:00:00Z");
    assertThat(saturday.getBoolean("workingTime")).isFalse();
  }

  @Test
  @DisplayName(
      "R24: across bank holidays from jollyday inside WildFly: Easter 2026 (BST) and Christmas"
          + " 2026 with Boxing Day's substitute Monday")
  void acrossBankHolidays() {
    // Thursday 2 April 16:00 BST; Good Friday and Easter Monday are closed: Tuesday 10:00 BST
    assertThat(due("2026-04-02T15:00:00Z", "2").getString("due")).isEqualTo("2026-04-07T09:00:00Z");
    // Christmas Eve 16:00; 25 (Fri) and 28 (Mon, for Boxing Day on the Saturday) are closed
    assertThat(due("2026-12-24T16:00:00Z", "2").getString("due")).isEqualTo("2026-12-29T10:00:00Z");
    JsonObject bankHoliday = due("2026-05-25T10:00:00Z", "0");
    assertThat(bankHoliday.getBoolean("workingTime")).isFalse();
    assertThat(bankHoliday.getString("due")).isEqualTo("2026-05-26T08:00:00Z"); // 09:00 BST
  }

  @Test
  @DisplayName("R24: a 'from' that is not an instant is refused with 400 and a JSON reason")
  void badFrom() {
    Rest.Reply r = Rest.get(Spine.ADMIN, "/worktime/due?from=next-friday&hours=2");
    assertThat(r.status()).isEqualTo(400);
    JsonObject error = (JsonObject) r.json();
    assertThat(error.getString("code")).isEqualTo("INVALID_PARAMETER");
    assertThat(error.getString("field")).isEqualTo("from");
    assertThat(error.getString("message")).contains("next-friday").contains("ISO-8601");

    Rest.Reply hours =
        Rest.get(Spine.CLINICIAN, "/worktime/due?from=2026-11-20T16:30:00Z&hours=-1");
    assertThat(hours.status()).isEqualTo(400);
    assertThat(((JsonObject) hours.json()).getString("field")).isEqualTo("hours");
  }

  @Test
  @DisplayName("Security: any signed-in user may ask (a clinician too); nobody anonymously (401)")
  void signedIn() {
    assertThat(
            Rest.get(Spine.CLINICIAN, "/worktime/due?from=2026-11-20T16:30:00Z&hours=2").status())
        .isEqualTo(200);
    assertThat(Rest.get(null, "/worktime/due?from=2026-11-20T16:30:00Z&hours=2").status())
        .isEqualTo(401);
  }
}

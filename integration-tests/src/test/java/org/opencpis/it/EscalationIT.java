package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Out-of-hours escalation to Leicestershire's Emergency Duty Team (R24, R25), driven by real
 * accesses on the server's clock fixed ({@code cpis.clock.fixed}) at a Saturday, a bank holiday and
 * a weekday morning. The days are the next ones after today, found on the server's own calendar, so
 * the child's plan (started 9 months ago) is current on each.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EscalationIT {

  static final String SETTINGS = "/admin/councils/855/edt-escalation";
  static final String CLOCK = "cpis.clock.fixed";
  static final Spine.User ADMIN = Spine.LEICS_ADMIN;
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

  String clockBefore;
  long followUps;
  long edt;

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  @BeforeEach
  void escalationOn() throws Exception {
    clockBefore = ServerConfig.systemProperty(CLOCK);
    followUps = Council.inbox(ADMIN, "CPIS_VIRTUAL_WORKER");
    edt = Council.inbox(ADMIN, "EDT_VIRTUAL_WORKER");
    JsonObject on =
        Council.ok(
            Rest.put(
                Spine.ADMIN,
                SETTINGS,
                "{\"enabled\":true,\"flaggedPatterns\":true,"
                    + "\"settings\":[{\"careSetting\":\"ED\",\"planType\":\"CPP\"}]}"));
    assertThat(on.getBoolean("enabled")).isTrue();
    assertThat(on.getJsonObject("inbox").getString("name")).isEqualTo("Emergency Duty Team");
  }

  @AfterEach
  void escalationOff() throws Exception {
    ServerConfig.restore(CLOCK, clockBefore);
    Council.ok(
        Rest.put(
            Spine.ADMIN, SETTINGS, "{\"enabled\":false,\"flaggedPatterns\":true,\"settings\":[]}"));
  }

  @Test
  @DisplayName(
      "R24 R25: on a Saturday at 11:00 the first access is only the CPIS Follow Up; the second,"
          + " from another organisation, flags the pattern and also reaches the Emergency Duty Team"
          + " with why; redelivered, it makes no second step")
  void saturdayPattern() throws Exception {
    LocalDate saturday = TestData.today().with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
    Instant at = london(saturday, LocalTime.of(11, 0));
    String nhs = Children.sharedByLeicestershire(); // not on the council's file: no plan known
    fixClock(at);

    access(nhs, "RWE", "University Hospitals of Leicester NHS Trust", "MIU", "Kim Lowe");
    JsonObject first = Council.awaitStepFor(ADMIN, followUps, nhs, 1);
    assertThat(first.getBoolean("flagged")).isFalse();
    assertThat(first.containsKey("escalationReason"))
        .as("neither flagged nor a chosen setting")
        .isFalse();

    access(nhs, "RBK", "Walsall Healthcare NHS Trust", "MIU", "Lee Moss");
    JsonObject second = Council.awaitStepFor(ADMIN, followUps, nhs, 2);
    assertThat(second.getBoolean("flagged")).isTrue();
    assertThat(second.getString("createdAt")).isEqualTo(at.toString());
    JsonObject escalated = awaitEdtStep(nhs);
    String reason =
        "Arrived out of hours, "
            + DAY.format(saturday)
            + " at 11:00: pattern flagged (2 different organisations in 7 days)";
    assertThat(escalated.getString("escalationReason")).isEqualTo(reason);
    assertThat(escalated.getString("type")).isEqualTo("EDT_ESCALATION");
    assertThat(escalated.getJsonObject("inbox").getString("name")).isEqualTo("Emergency Duty Team");
    assertThat(escalated.getJsonNumber("escalatedFromStepId").longValue())
        .isEqualTo(second.getJsonNumber("id").longValue());
    assertThat(escalated.getJsonObject("access").getString("organisationOds")).isEqualTo("RBK");
    assertThat(escalated.getBoolean("flagged")).isTrue();
    assertThat(escalated.getString("routeAdvice")).startsWith("review it now");
    assertThat(Instant.parse(escalated.getString("dueAt"))).isEqualTo(at.plus(Duration.ofHours(2)));
    // the follow-up stays with the admin team, due from Monday morning, and says where it went
    assertThat(second.getJsonObject("inbox").getString("role")).isEqualTo("CPIS_VIRTUAL_WORKER");
    assertThat(second.getString("escalationReason")).isEqualTo(reason);
    assertThat(second.getJsonArray("history").toString())
        .contains("Also sent to Emergency Duty Team (out of hours)");
    assertThat(Instant.parse(second.getString("dueAt")))
        .isAfter(london(saturday.plusDays(2), LocalTime.of(9, 0)));

    if (Browser.available()) {
      // the step page says why (the pages' own assertions are PagesIT's)
      try (Browser b = Browser.as(ADMIN)) {
        b.open("app/step.html?id=" + escalated.getJsonNumber("id").longValue());
        assertThat(b.awaitText("#escalation", reason))
            .startsWith("Escalated to the Emergency Duty Team.");
        assertThat(b.find("#step-tags").getText()).contains("Out of hours").contains("Pattern");
        assertThat(b.find("#escalation a").getAttribute("href"))
            .endsWith("step.html?id=" + second.getJsonNumber("id").longValue());
        b.screenshot("edt-escalation-step");
      }
    }

    // the hub delivers the notification again: nothing more is made
    String id = second.getJsonObject("access").getString("notificationId");
    Council.ok(Rest.post(Spine.ADMIN, "/admin/messaging/notifications/" + id + "/resend", null));
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ServerAdmin.logCount("notification " + id + " received again") > 0);
    assertThat(edtSteps(nhs)).hasSize(1);
    assertThat(stepsIn(followUps, nhs)).hasSize(2);
  }

  @Test
  @DisplayName(
      "R24 R25: on a bank holiday an ED attendance of a child on a CPP (the council's setting)"
          + " reaches the Emergency Duty Team without a pattern; an MIU access of the same child"
          + " does not")
  void bankHolidaySetting() throws Exception {
    OnFile child = childOnCpp();
    String nhs = child.nhs();
    LocalDate holiday = nextDay(false);
    Instant at = london(holiday, LocalTime.of(10, 0));
    fixClock(at);

    access(nhs, "RWE", "University Hospitals of Leicester NHS Trust", "ED", "Kim Lowe");
    JsonObject step = Council.awaitStepFor(ADMIN, followUps, nhs, 1);
    assertThat(step.getBoolean("flagged")).isFalse();
    JsonObject escalated = awaitEdtStep(nhs);
    assertThat(escalated.getString("escalationReason"))
        .isEqualTo(
            "Arrived out of hours, "
                + DAY.format(holiday)
                + " at 10:00: ED attendance of a child on a CPP (the council's setting)");
    assertThat(escalated.getJsonObject("child").getJsonNumber("id").longValue())
        .isEqualTo(child.id());
    assertThat(escalated.getString("createdAt")).isEqualTo(at.toString());

    access(nhs, "RWE", "University Hospitals of Leicester NHS Trust", "MIU", "Lee Moss");
    Council.awaitStepFor(ADMIN, followUps, nhs, 2);
    assertThat(edtSteps(nhs)).as("the MIU access is not escalated").hasSize(1);
  }

  @Test
  @DisplayName(
      "R24: on a working weekday at 10:00 the same ED attendance of a child on a CPP is the admin"
          + " team's alone: no Emergency Duty Team step")
  void weekdayHours() throws Exception {
    String nhs = childOnCpp().nhs();
    fixClock(london(nextDay(true), LocalTime.of(10, 0)));

    access(nhs, "RWE", "University Hospitals of Leicester NHS Trust", "ED", "Kim Lowe");
    JsonObject step = Council.awaitStepFor(ADMIN, followUps, nhs, 1);
    assertThat(step.containsKey("escalationReason")).isFalse();
    assertThat(edtSteps(nhs)).isEmpty();
  }

  @Test
  @DisplayName(
      "R24 R25: the settings are refused by field (an unknown plan type, a blank setting); an"
          + " unknown council is 404; council staff may not set them")
  void refusals() {
    Rest.Reply badPlan =
        Rest.put(
            Spine.ADMIN,
            SETTINGS,
            "{\"enabled\":true,\"settings\":[{\"careSetting\":\"ED\",\"planType\":\"CIN\"}]}");
    assertThat(badPlan.status()).isEqualTo(400);
    assertThat(((JsonObject) badPlan.json()).getString("field")).isEqualTo("planType");
    Rest.Reply blank =
        Rest.put(
            Spine.ADMIN,
            SETTINGS,
            "{\"enabled\":true,\"settings\":[{\"careSetting\":\" \",\"planType\":\"CPP\"}]}");
    assertThat(blank.status()).isEqualTo(400);
    assertThat(((JsonObject) blank.json()).getString("field")).isEqualTo("careSetting");
    assertThat(Council.ok(Rest.get(Spine.ADMIN, SETTINGS)).getJsonArray("settings").toString())
        .as("a refusal changes nothing")
        .contains("\"careSetting\":\"ED\"");
    assertThat(Rest.get(Spine.ADMIN, "/admin/councils/ZZZ99/edt-escalation").status())
        .isEqualTo(404);
    assertThat(Rest.put(ADMIN, SETTINGS, "{\"enabled\":false}").status()).isEqualTo(403);
  }

  // --- helpers

  static Instant london(LocalDate day, LocalTime time) {
    return day.atTime(time).atZone(TestData.LONDON).toInstant();
  }

  static void fixClock(Instant at) throws Exception {
    ServerConfig.setSystemProperty(CLOCK, at.toString());
  }

  /** The next weekday after today that is a working day (true) or a bank holiday (false). */
  static LocalDate nextDay(boolean working) {
    for (LocalDate d = TestData.today().plusDays(1);
        d.isBefore(TestData.today().plusDays(400));
        d = d.plusDays(1)) {
      if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
        continue;
      }
      Rest.Reply r =
          Rest.get(
              Spine.ADMIN, "/worktime/due?from=" + london(d, LocalTime.of(10, 0)) + "&hours=0");
      if (((JsonObject) r.json()).getBoolean("workingTime") == working) {
        return d;
      }
    }
    throw new AssertionError(
        "no " + (working ? "working day" : "bank holiday") + " within 400 days");
  }

  /** A child on Leicestershire's file with a CPP from 9 months ago, shared with the hub. */
  record OnFile(long id, String nhs) {}

  static OnFile childOnCpp() {
    String nhs = TestData.nhsNumber();
    long child =
        Council.addChild(
            Spine.LEICS_SW, "EDT-" + nhs, nhs, "Ivy", "Marsh", LocalDate.of(2017, 5, 3));
    CouncilRecordsIT.addPlan(child, "CHILD_PROTECTION_PLAN", null, TestData.monthsAgo(9), null);
    CouncilRecordsIT.awaitStatus(child, "SHARED");
    return new OnFile(child, nhs);
  }

  static void access(String nhs, String ods, String orgName, String setting, String viewer) {
    String q =
        Json.createObjectBuilder()
            .add("nhsNumber", nhs)
            .add("careSetting", setting)
            .add("viewerName", viewer)
            .add("jobRole", "Nurse Access Role")
            .add("organisationOds", ods)
            .add("organisationName", orgName)
            .build()
            .toString();
    Council.ok(Rest.post(Spine.CLINICIAN, "/health/cpis", q));
  }

  JsonObject awaitEdtStep(String nhs) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> edtSteps(nhs), s -> !s.isEmpty())
        .get(0);
  }

  List<JsonObject> edtSteps(String nhs) {
    return stepsIn(edt, nhs);
  }

  static List<JsonObject> stepsIn(long inbox, String nhs) {
    return Council.steps(ADMIN, inbox, "all=true").getValuesAs(JsonObject.class).stream()
        .filter(s -> !s.isNull("notifiedChild"))
        .filter(s -> nhs.equals(s.getJsonObject("notifiedChild").getString("nhsNumber")))
        .toList();
  }
}

package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencpis.it.QueryMessages.ED_NURSE;
import static org.opencpis.it.QueryMessages.byPerson;
import static org.opencpis.it.UploadFiles.child;
import static org.opencpis.it.UploadFiles.file;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Nothing accepted is lost, nothing is worked twice (R28), through the real Artemis queues. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReliabilityIT {

  static final LocalDate DOB = LocalDate.of(2014, 10, 1);

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  @Test
  @DisplayName(
      "R9 R28: a council's file the broker lost (removed from the queue before delivery) is sent again by the council workflow once it stays unanswered, and applied: the child is SHARED")
  void aLostCouncilFileIsSentAgain() throws Exception {
    String[] queue = {
      "subsystem", "messaging-activemq", "server", "default", "jms-queue", "CpisRecordUpdates"
    };
    String was = ServerConfig.setSystemProperty("cpis.council.resend-after-seconds", "5");
    try {
      String nhs = TestData.nhsNumber();
      long child =
          Council.addChild(
              Spine.LEICS_SW, "LOST-" + nhs, nhs, "Rae", "Moss", LocalDate.of(2016, 4, 4));
      ServerConfig.execute("pause", queue);
      try {
        CouncilRecordsIT.addPlan(
            child, "CHILD_PROTECTION_PLAN", null, TestData.today().minusMonths(2), null);
        Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    ServerConfig.execute("read-attribute", queue, "name", "message-count").asLong()
                        > 0);
        // the delivery is lost: the broker forgets the file before any consumer saw it
        ServerConfig.execute("remove-messages", queue);
        assertThat(ServerConfig.execute("read-attribute", queue, "name", "message-count").asLong())
            .isZero();
      } finally {
        ServerConfig.execute("resume", queue);
      }
      assertThat(CouncilRecordsIT.status(child).getString("state")).isEqualTo("PENDING");

      // sent again 5 s after it went, at the next run of the resend (every 10 s), then applied
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> "SHARED".equals(CouncilRecordsIT.status(child).getString("state")));
      assertThat(ServerAdmin.logCount("unanswered since")).isPositive();
      assertThat(DeadLetterReplayIT.held(nhs))
          .singleElement()
          .satisfies(r -> assertThat(r.getString("planType")).isEqualTo("CPP"));
    } finally {
      ServerConfig.restore("cpis.council.resend-after-seconds", was);
    }
  }

  @Test
  @DisplayName("R28: a notification delivered again never makes a second step")
  void redeliveryMakesNoSecondStep() throws Exception {
    String nhs = TestData.nhsNumber();
    Spine.upload(Spine.LEICESTERSHIRE)
        .upload(
            file(
                "855",
                child("RD-" + nhs, nhs, "Oli", "Vance", DOB, "CPP", TestData.monthsAgo(5), null)));
    Spine.query(Spine.CLINICIAN).query(byPerson(nhs, ED_NURSE));
    long inbox = Council.inbox(Spine.LEICS_ADMIN, "CPIS_VIRTUAL_WORKER");
    JsonObject step = Council.awaitStepFor(Spine.LEICS_ADMIN, inbox, nhs, 1);
    String notificationId = step.getJsonObject("access").getString("notificationId");

    for (int i = 0; i < 3; i++) {
      Rest.Reply resent =
          Rest.post(
              Spine.ADMIN, "/admin/messaging/notifications/" + notificationId + "/resend", null);
      assertThat(resent.status()).as(resent.body()).isEqualTo(200);
    }
    // a later notification for another child shows the queue has moved past the resends
    String other = TestData.nhsNumber();
    Spine.upload(Spine.LEICESTERSHIRE)
        .upload(
            file(
                "855",
                child(
                    "RD-" + other,
                    other,
                    "Pat",
                    "Vance",
                    DOB,
                    "CPP",
                    TestData.monthsAgo(5),
                    null)));
    Spine.query(Spine.CLINICIAN).query(byPerson(other, ED_NURSE));
    Council.awaitStepFor(Spine.LEICS_ADMIN, inbox, other, 1);

    long steps =
        Council.steps(Spine.LEICS_ADMIN, inbox, "all=true").getValuesAs(JsonObject.class).stream()
            .filter(s -> !s.isNull("notifiedChild"))
            .filter(s -> nhs.equals(s.getJsonObject("notifiedChild").getString("nhsNumber")))
            .count();
    assertThat(steps).isEqualTo(1);
    assertThat(
            Rest.post(Spine.ADMIN, "/admin/messaging/notifications/no-such-id/resend", null)
                .status())
        .isEqualTo(404);
  }

  @Test
  @DisplayName(
      "R20 R28: a council with no workflow here gets its notification stored for its pull, acknowledged at once without a step, never parked")
  void councilWithoutWorkflowPulls() throws Exception {
    LocalDateTime from = LocalDateTime.now(TestData.LONDON).minusMinutes(1);
    String nhs = TestData.nhsNumber();
    Spine.upload(Spine.BIRMINGHAM)
        .upload(
            file(
                "330",
                child("BCC-" + nhs, nhs, "Uri", "West", DOB, "CPP", TestData.monthsAgo(6), null)));
    Spine.query(Spine.CLINICIAN).query(byPerson(nhs, ED_NURSE));

    String id = pulled(Spine.BIRMINGHAM, "330", from, nhs);
    String acknowledged = "notification " + id + ": council 330 has no workflow here";
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ServerAdmin.logCount(acknowledged) > 0);
    assertThat(ServerAdmin.logCount(acknowledged)).as("delivered once, not retried").isEqualTo(1);
    assertThat(parkedFor("330")).isEmpty();
  }

  @Test
  @DisplayName(
      "R21 R28: a council set up later: a notification that met it half set up is parked and replayed once its CP-IS Virtual Worker exists; what came before is resent from the hub's store; one step each")
  void councilSetUpLater() throws Exception {
    Instant windowStart = Instant.now().minusSeconds(60);
    LocalDateTime from = LocalDateTime.now(TestData.LONDON).minusMinutes(1);
    String before = TestData.nhsNumber();
    shareWithLeeds(before, "Ava");
    Spine.query(Spine.CLINICIAN).query(byPerson(before, ED_NURSE));
    String beforeId = pulled(Spine.LEEDS, "383", from, before);
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                ServerAdmin.logCount(
                        "notification " + beforeId + ": council 383 has no workflow here")
                    == 1);

    // the administrator starts setting Leeds up: a member of staff, no CP-IS Virtual Worker yet
    addWorker(
        "{\"name\":\"Lou Admin\",\"username\":\"leeds.admin\",\"role\":\"ADMIN_OFFICER\","
            + "\"team\":\"Safeguarding Admin Team\"}");
    String during = TestData.nhsNumber();
    shareWithLeeds(during, "Ben");
    Spine.query(Spine.CLINICIAN).query(byPerson(during, ED_NURSE));

    // now a real failure: retried, then parked
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> parkedFor("383").size() == 1);
    JsonObject parked = parkedFor("383").getJsonObject(0);
    String duringId = parked.getString("notificationId");
    assertThat(duringId).endsWith(":383").isNotEqualTo(beforeId);
    assertThat(parked.getString("originalQueue")).contains("CpisLaNotifications");
    assertThat(parked.toString()).as("no personal data in the admin's view").doesNotContain(during);

    // the CP-IS Virtual Worker is set up; the parked notification is replayed
    addWorker(
        "{\"name\":\"CP-IS Virtual Worker\",\"role\":\"CPIS_VIRTUAL_WORKER\","
            + "\"team\":\"Safeguarding Admin Team\"}");
    assertThat(ServerAdmin.replay("LaNotifications")).isGreaterThanOrEqualTo(1);
    long inbox = Council.inbox(Spine.LEEDS_ADMIN, "CPIS_VIRTUAL_WORKER");
    JsonObject step = Council.awaitStepFor(Spine.LEEDS_ADMIN, inbox, during, 1);
    assertThat(step.getString("typeName")).isEqualTo("CPIS Follow Up");
    assertThat(parkedFor("383")).isEmpty();

    // what the hub stored for Leeds before it was set up is resent over a window
    Rest.Reply resent =
        Rest.post(
            Spine.ADMIN, "/admin/messaging/notifications/resend?la=383&from=" + windowStart, null);
    assertThat(resent.status()).as(resent.body()).isEqualTo(200);
    assertThat(((JsonObject) resent.json()).getInt("resent")).isGreaterThanOrEqualTo(2);
    assertThat(((JsonObject) resent.json()).getBoolean("complete")).isTrue();
    Council.awaitStepFor(Spine.LEEDS_ADMIN, inbox, before, 1);
    // the one worked already comes again and changes nothing
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ServerAdmin.logCount("notification " + duringId + " received again") > 0);
    assertThat(stepsFor(inbox, before)).isEqualTo(1);
    assertThat(stepsFor(inbox, during)).isEqualTo(1);

    assertThat(
            Rest.post(
                    Spine.ADMIN, "/admin/messaging/notifications/resend?from=" + windowStart, null)
                .status())
        .isEqualTo(400);
    Rest.Reply backwards =
        Rest.post(
            Spine.ADMIN,
            "/admin/messaging/notifications/resend?la=383&from="
                + windowStart
                + "&to="
                + windowStart.minusSeconds(1),
            null);
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(((JsonObject) backwards.json()).getString("field")).isEqualTo("to");
    assertThat(
            Rest.post(
                    Spine.LEICS_ADMIN,
                    "/admin/messaging/notifications/resend?la=383&from=" + windowStart,
                    null)
                .status())
        .isEqualTo(403);
    assertThat(Rest.get(Spine.ADMIN, "/admin/messaging/dead-letters/Nope").status()).isEqualTo(404);
    assertThat(
            Rest.get(Spine.LEICS_ADMIN, "/admin/messaging/dead-letters/LaNotifications").status())
        .isEqualTo(403);
  }

  static LocalDate start() {
    return TestData.today().minusMonths(2);
  }

  static void shareWithLeeds(String nhs, String given) throws Exception {
    Spine.upload(Spine.LEEDS)
        .upload(file("383", child("LDS-" + nhs, nhs, given, "Shaw", DOB, "CPP", start(), null)));
  }

  static void addWorker(String json) {
    Rest.Reply r = Rest.post(Spine.ADMIN, "/admin/councils/383/workers", json);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  /** The id of the one notification the council pulls for this child (waits for it). */
  static String pulled(Spine.User uploader, String la, LocalDateTime from, String nhs) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                NotificationPullIT.forChild(NotificationPullIT.pull(uploader, la, from, null), nhs),
            l -> l.size() == 1)
        .get(0)
        .getId()
        .getExtension();
  }

  static long stepsFor(long inbox, String nhs) {
    return Council.steps(Spine.LEEDS_ADMIN, inbox, "all=true")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(s -> !s.isNull("notifiedChild"))
        .filter(s -> nhs.equals(s.getJsonObject("notifiedChild").getString("nhsNumber")))
        .count();
  }

  static JsonArray parkedFor(String la) {
    Rest.Reply r = Rest.get(Spine.ADMIN, "/admin/messaging/dead-letters/LaNotifications");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return jakarta.json.Json.createArrayBuilder(
            ((JsonArray) r.json())
                .getValuesAs(JsonObject.class).stream()
                    .filter(p -> la.equals(p.getString("laCode", null)))
                    .toList())
        .build();
  }
}

package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencpis.it.QueryMessages.ED_NURSE;
import static org.opencpis.it.QueryMessages.byPerson;
import static org.opencpis.it.UploadFiles.child;
import static org.opencpis.it.UploadFiles.file;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
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
      "R28: a notification that keeps failing is parked on the dead-letter queue, and replayed once the cause is fixed")
  void poisonMessageParkedAndReplayed() throws Exception {
    // Birmingham shares with the hub but its workflow is not set up yet: its notification fails
    String nhs = TestData.nhsNumber();
    Spine.upload(Spine.BIRMINGHAM)
        .upload(
            file(
                "330",
                child("BCC-" + nhs, nhs, "Uri", "West", DOB, "CPP", TestData.monthsAgo(6), null)));
    Spine.query(Spine.CLINICIAN).query(byPerson(nhs, ED_NURSE));

    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> parkedFor("330").size() > 0);
    JsonObject parked = parkedFor("330").getJsonObject(0);
    assertThat(parked.getString("notificationId")).endsWith(":330");
    assertThat(parked.getString("originalQueue")).contains("CpisLaNotifications");
    assertThat(parked.toString()).as("no personal data in the admin's view").doesNotContain(nhs);

    // the administrator sets up Birmingham's CP-IS Virtual Worker, then replays
    Rest.Reply setUp =
        Rest.post(
            Spine.ADMIN,
            "/admin/councils/330/workers",
            "{\"name\":\"CP-IS Virtual Worker\",\"role\":\"CPIS_VIRTUAL_WORKER\",\"team\":\"Safeguarding Admin Team\"}");
    assertThat(setUp.status()).as(setUp.body()).isEqualTo(201);
    Rest.post(
        Spine.ADMIN,
        "/admin/councils/330/workers",
        "{\"name\":\"Bo Admin\",\"username\":\"brum.admin\",\"role\":\"ADMIN_OFFICER\",\"team\":\"Safeguarding Admin Team\"}");
    Rest.Reply replay =
        Rest.post(Spine.ADMIN, "/admin/messaging/dead-letters/LaNotifications/replay", null);
    assertThat(replay.status()).isEqualTo(200);
    assertThat(((JsonObject) replay.json()).getInt("replayed")).isGreaterThanOrEqualTo(1);

    long inbox = Council.inbox(Spine.BRUM_ADMIN, "CPIS_VIRTUAL_WORKER");
    JsonObject step = Council.awaitStepFor(Spine.BRUM_ADMIN, inbox, nhs, 1);
    assertThat(step.getString("typeName")).isEqualTo("CPIS Follow Up");
    assertThat(parkedFor("330")).isEmpty();

    assertThat(Rest.get(Spine.ADMIN, "/admin/messaging/dead-letters/Nope").status()).isEqualTo(404);
    assertThat(
            Rest.get(Spine.LEICS_ADMIN, "/admin/messaging/dead-letters/LaNotifications").status())
        .isEqualTo(403);
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

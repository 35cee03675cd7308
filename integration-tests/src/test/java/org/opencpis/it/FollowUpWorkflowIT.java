package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencpis.it.QueryMessages.ED_NURSE;
import static org.opencpis.it.QueryMessages.byPerson;
import static org.opencpis.it.UploadFiles.child;
import static org.opencpis.it.UploadFiles.file;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * From a health query to the council's follow-up, through the real queues: each LA that shared the
 * child gets a CPIS Follow Up step, routed by the child's involvement to completion.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FollowUpWorkflowIT {

  static final LocalDate DOB = LocalDate.of(2015, 3, 9);
  static final LocalDate START = TestData.monthsAgo(4);

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  @Test
  @DisplayName(
      "R8 R20 R21 R22 R23: two LAs each get a step; social care -> key worker, closed -> screening; none completes without a case note")
  void twoCouncilsEachFollowUp() throws Exception {
    String nhs = TestData.nhsNumber();
    // Leicestershire: open to a social-care team, key worker Sam Walker
    long leicsChild = Council.addChild(Spine.LEICS_ADMIN, "LCC-" + nhs, nhs, "Ruby", "Stone", DOB);
    long sam = Council.myId(Spine.LEICS_SW);
    Council.involve(Spine.LEICS_ADMIN, leicsChild, "OPEN_SOCIAL_CARE", sam);
    Spine.upload(Spine.LEICESTERSHIRE)
        .upload(file("855", child("LCC-" + nhs, nhs, "Ruby", "Stone", DOB, "CPP", START, null)));
    // Manchester shared an ended plan, and does not have the child on its file now
    Spine.upload(Spine.MANCHESTER)
        .upload(
            file(
                "352",
                child(
                    "MCC-" + nhs,
                    nhs,
                    "Ruby",
                    "Stone",
                    DOB,
                    "CPP",
                    START.minusYears(1),
                    START.minusDays(10))));

    Spine.query(Spine.CLINICIAN).query(byPerson(nhs, ED_NURSE));

    long leicsInbox = Council.inbox(Spine.LEICS_ADMIN, "CPIS_VIRTUAL_WORKER");
    long mancInbox = Council.inbox(Spine.MANC_ADMIN, "CPIS_VIRTUAL_WORKER");
    JsonObject leicsStep = Council.awaitStepFor(Spine.LEICS_ADMIN, leicsInbox, nhs, 1);
    JsonObject mancStep = Council.awaitStepFor(Spine.MANC_ADMIN, mancInbox, nhs, 1);

    // what the admin sees on the step (R21, R25): the access, the child, the involvement
    assertThat(leicsStep.getString("typeName")).isEqualTo("CPIS Follow Up");
    assertThat(leicsStep.getString("status")).isEqualTo("INCOMING");
    assertThat(leicsStep.getJsonObject("inbox").getString("name"))
        .isEqualTo("CP-IS Virtual Worker");
    JsonObject access = leicsStep.getJsonObject("access");
    assertThat(access.getString("organisationOds")).isEqualTo("RWE");
    assertThat(access.getString("viewerName")).isEqualTo("Ada Okafor");
    assertThat(access.getString("jobRole")).isEqualTo("Nurse Access Role");
    assertThat(access.getString("careSetting")).isEqualTo("ED");
    assertThat(leicsStep.getJsonObject("notifiedChild").getString("localChildId"))
        .isEqualTo("LCC-" + nhs);
    assertThat(leicsStep.getJsonObject("child").getString("involvement"))
        .isEqualTo("OPEN_SOCIAL_CARE");
    assertThat(leicsStep.getJsonObject("child").getJsonObject("allocatedWorker").getString("name"))
        .isEqualTo("Sam Walker");
    assertThat(leicsStep.getJsonObject("pattern").getInt("accesses30d")).isEqualTo(1);
    assertThat(leicsStep.getString("routeAdvice"))
        .contains("notify the allocated team")
        .contains("Sam Walker");
    assertThat(leicsStep.toString()).doesNotContainIgnoringCase("reason for access");
    assertDueInWorkingHours(leicsStep);
    assertThat(mancStep.containsKey("child"))
        .as("Manchester does not know the child on its file")
        .isFalse();

    // Leicestershire: the wrong route is refused with the reason
    Rest.Reply wrong = Council.action(Spine.LEICS_ADMIN, id(leicsStep), "refer-to-screening");
    assertThat(wrong.status()).isEqualTo(409);
    assertThat(Council.message(wrong))
        .contains("Open to social care")
        .contains("notify the allocated team");

    // R22 open to social care: clipboard notification to the key worker, next action, completed
    JsonObject clip =
        Council.ok(Council.action(Spine.LEICS_ADMIN, id(leicsStep), "notify-allocated-team"));
    assertThat(clip.getString("subject"))
        .isEqualTo("CS Notification to Allocated Team – CPIS Follow up");
    assertThat(clip.getJsonObject("recipient").getString("name")).isEqualTo("Sam Walker");
    assertThat(clip.getString("body"))
        .contains("Ruby Stone")
        .contains("University Hospitals of Leicester NHS Trust");
    JsonObject done = Council.ok(Rest.get(Spine.LEICS_ADMIN, "/steps/" + id(leicsStep)));
    assertThat(done.getString("status")).isEqualTo("COMPLETED");
    assertThat(done.getJsonArray("nextActions").getString(0))
        .isEqualTo("CPIS Follow Up – Allocated Team Informed");

    // R23: the key worker's follow-up cannot be completed without a case note
    JsonArray samsClipboard =
        (JsonArray) Rest.get(Spine.LEICS_SW, "/workers/" + sam + "/clipboard").json();
    assertThat(samsClipboard.getValuesAs(JsonObject.class))
        .anySatisfy(c -> assertThat(c.getJsonNumber("id").longValue()).isEqualTo(id(clip)));
    Rest.Reply bare = Rest.post(Spine.LEICS_SW, "/clipboard/" + id(clip) + "/complete", "{}");
    assertThat(bare.status()).isEqualTo(409);
    assertThat(Council.message(bare))
        .contains("cannot be completed without")
        .contains("CP-IS Follow Up Contact");
    Rest.Reply notMine = Rest.post(Spine.LEICS_SW2, "/clipboard/" + id(clip) + "/complete", "{}");
    assertThat(notMine.status()).isEqualTo(403);
    long note =
        Council.caseNote(
            Spine.LEICS_SW,
            leicsChild,
            "TELEPHONE",
            "NO_FURTHER_ACTION",
            "Spoke to carer: minor fall at school, seen and discharged; consistent with account.");
    JsonObject closed =
        Council.ok(
            Rest.post(
                Spine.LEICS_SW,
                "/clipboard/" + id(clip) + "/complete",
                "{\"caseNoteId\":" + note + "}"));
    assertThat(closed.containsKey("completedAt")).isTrue();
    assertThat(closed.getJsonNumber("caseNoteId").longValue()).isEqualTo(note);
    JsonArray notes =
        (JsonArray) Rest.get(Spine.LEICS_SW, "/children/" + leicsChild + "/case-notes").json();
    assertThat(notes.getJsonObject(0).getString("type")).isEqualTo("CP-IS Follow Up Contact");
    assertThat(notes.getJsonObject(0).getString("decision")).isEqualTo("NO_FURTHER_ACTION");

    // Manchester: not open -> screening, and screening needs its case note
    Rest.Reply wrongManc = Council.action(Spine.MANC_ADMIN, id(mancStep), "notify-allocated-team");
    assertThat(wrongManc.status()).isEqualTo(409);
    JsonObject screening =
        Council.ok(Council.action(Spine.MANC_ADMIN, id(mancStep), "refer-to-screening"));
    assertThat(screening.getString("typeName"))
        .isEqualTo("CPIS Notification Received – Social Care Screening required");
    assertThat(screening.getJsonObject("inbox").getString("name"))
        .isEqualTo("SC CSC Screening – Social Care");
    JsonObject mancDone = Council.ok(Rest.get(Spine.MANC_ADMIN, "/steps/" + id(mancStep)));
    assertThat(mancDone.getJsonArray("nextActions").getString(0))
        .isEqualTo("CPIS Notification Received – Social Care Screening required");
    assertThat(mancDone.getString("status")).isEqualTo("COMPLETED");
    Rest.Reply noNote = Rest.post(Spine.MANC_ADMIN, "/steps/" + id(screening) + "/complete", "{}");
    assertThat(noNote.status()).isEqualTo(409);
    assertThat(Council.message(noNote)).contains("without");
  }

  @Test
  @DisplayName(
      "R22 R23: open to Early Help -> the Early Help worker, who completes with a CP / CiC visit")
  void earlyHelp() throws Exception {
    String nhs = TestData.nhsNumber();
    long child = Council.addChild(Spine.LEICS_ADMIN, "EH-" + nhs, nhs, "Kit", "Moss", DOB);
    long erin = Council.myId(Spine.LEICS_EH);
    Council.involve(Spine.LEICS_ADMIN, child, "OPEN_EARLY_HELP", erin);
    Spine.upload(Spine.LEICESTERSHIRE)
        .upload(file("855", child("EH-" + nhs, nhs, "Kit", "Moss", DOB, "CPP", START, null)));
    Spine.query(Spine.CLINICIAN).query(byPerson(nhs, ED_NURSE));

    long inbox = Council.inbox(Spine.LEICS_ADMIN, "CPIS_VIRTUAL_WORKER");
    JsonObject step = Council.awaitStepFor(Spine.LEICS_ADMIN, inbox, nhs, 1);
    assertThat(Council.action(Spine.LEICS_ADMIN, id(step), "notify-allocated-team").status())
        .isEqualTo(409);
    JsonObject clip = Council.ok(Council.action(Spine.LEICS_ADMIN, id(step), "notify-early-help"));
    assertThat(clip.getJsonObject("recipient").getString("name")).isEqualTo("Erin Hale");
    assertThat(
            Council.ok(Rest.get(Spine.LEICS_ADMIN, "/steps/" + id(step)))
                .getJsonArray("nextActions")
                .getString(0))
        .isEqualTo("CPIS Follow Up – Early Help Informed");

    JsonObject visit =
        Council.ok(
            Rest.post(
                Spine.LEICS_EH,
                "/children/" + child + "/visits",
                "{\"summary\":\"Home visit: child well, parent engaged with Early Help plan.\"}"));
    assertThat(visit.getString("typeName")).isEqualTo("CP / CiC visit");
    JsonObject done =
        Council.ok(
            Rest.post(
                Spine.LEICS_EH,
                "/clipboard/" + id(clip) + "/complete",
                "{\"visitStepId\":" + id(visit) + "}"));
    assertThat(done.getJsonNumber("visitStepId").longValue()).isEqualTo(id(visit));
  }

  @Test
  @DisplayName(
      "R12 R22: a child the council has closed is routed to screening, and the screening step completes with the decision")
  void closedChildToScreening() throws Exception {
    String nhs = TestData.nhsNumber();
    long child = Council.addChild(Spine.LEICS_ADMIN, "CL-" + nhs, nhs, "Ivo", "Dale", DOB);
    Council.involve(Spine.LEICS_ADMIN, child, "OPEN_SOCIAL_CARE", Council.myId(Spine.LEICS_SW));
    Council.involve(Spine.LEICS_ADMIN, child, "CLOSED", null);
    Spine.upload(Spine.LEICESTERSHIRE)
        .upload(
            file(
                "855",
                child(
                    "CL-" + nhs,
                    nhs,
                    "Ivo",
                    "Dale",
                    DOB,
                    "CPP",
                    START.minusYears(1),
                    TestData.today().minusMonths(2))));
    Spine.query(Spine.CLINICIAN).query(byPerson(nhs, ED_NURSE));

    long inbox = Council.inbox(Spine.LEICS_ADMIN, "CPIS_VIRTUAL_WORKER");
    JsonObject step = Council.awaitStepFor(Spine.LEICS_ADMIN, inbox, nhs, 1);
    assertThat(step.getString("routeAdvice")).isEqualTo("refer it to Social Care Screening");
    JsonObject screening =
        Council.ok(Council.action(Spine.LEICS_ADMIN, id(step), "refer-to-screening"));

    long screeningInbox = Council.inbox(Spine.LEICS_SCREENING, "SCREENING_VIRTUAL_WORKER");
    assertThat(
            Council.steps(Spine.LEICS_SCREENING, screeningInbox, null)
                .getValuesAs(JsonObject.class))
        .anySatisfy(s -> assertThat(id(s)).isEqualTo(id(screening)));
    long note =
        Council.caseNote(
            Spine.LEICS_SCREENING,
            child,
            "TELEPHONE",
            "ACT",
            "Second ED attendance since closure: referred to duty team for assessment.");
    JsonObject done =
        Council.ok(
            Rest.post(
                Spine.LEICS_SCREENING,
                "/steps/" + id(screening) + "/complete",
                "{\"caseNoteId\":" + note + "}"));
    assertThat(done.getString("status")).isEqualTo("COMPLETED");
    assertThat(done.getJsonNumber("caseNoteId").longValue()).isEqualTo(note);
  }

  @Test
  @DisplayName(
      "R8: a user of one council can neither read nor act on another council's steps, children or inboxes")
  void partitionedByCouncil() throws Exception {
    String nhs = TestData.nhsNumber();
    long child = Council.addChild(Spine.LEICS_ADMIN, "P-" + nhs, nhs, "Zed", "Fox", DOB);
    Spine.upload(Spine.LEICESTERSHIRE)
        .upload(file("855", child("P-" + nhs, nhs, "Zed", "Fox", DOB, "CPP", START, null)));
    Spine.query(Spine.CLINICIAN).query(byPerson(nhs, ED_NURSE));
    long leicsInbox = Council.inbox(Spine.LEICS_ADMIN, "CPIS_VIRTUAL_WORKER");
    JsonObject step = Council.awaitStepFor(Spine.LEICS_ADMIN, leicsInbox, nhs, 1);

    assertThat(Rest.get(Spine.MANC_ADMIN, "/steps/" + id(step)).status()).isEqualTo(404);
    assertThat(Council.action(Spine.MANC_ADMIN, id(step), "refer-to-screening").status())
        .isEqualTo(404);
    assertThat(Rest.get(Spine.MANC_ADMIN, "/inboxes/" + leicsInbox + "/steps").status())
        .isEqualTo(404);
    assertThat(Rest.get(Spine.MANC_ADMIN, "/children/" + child).status()).isEqualTo(404);
    assertThat(Rest.get(Spine.MANC_ADMIN, "/children?nhsNumber=" + nhs).json().asJsonArray())
        .isEmpty();
    long mancInbox = Council.inbox(Spine.MANC_ADMIN, "CPIS_VIRTUAL_WORKER");
    assertThat(Council.stepFor(Spine.MANC_ADMIN, mancInbox, nhs)).isEmpty();
    // still untouched for its own council
    assertThat(Council.ok(Rest.get(Spine.LEICS_ADMIN, "/steps/" + id(step))).getString("status"))
        .isEqualTo("INCOMING");
    // a health user is not a council worker at all
    assertThat(Rest.get(Spine.CLINICIAN, "/inboxes").status()).isEqualTo(403);
  }

  @Test
  @DisplayName(
      "R25: accesses from several places in a short time flag the step, and flagged steps sort first")
  void patternFlag() throws Exception {
    String nhs = TestData.nhsNumber();
    Spine.upload(Spine.LEICESTERSHIRE)
        .upload(file("855", child("PT-" + nhs, nhs, "Ann", "Bell", DOB, "CPP", START, null)));
    long inbox = Council.inbox(Spine.LEICS_ADMIN, "CPIS_VIRTUAL_WORKER");

    Spine.query(Spine.CLINICIAN).query(byPerson(nhs, ED_NURSE));
    JsonObject first = Council.awaitStepFor(Spine.LEICS_ADMIN, inbox, nhs, 1);
    assertThat(first.getBoolean("flagged")).isFalse();

    Spine.query(Spine.CLINICIAN).query(byPerson(nhs, QueryMessages.MIU_DOCTOR));
    JsonObject second = Council.awaitStepFor(Spine.LEICS_ADMIN, inbox, nhs, 2);
    assertThat(second.getJsonObject("pattern").getInt("organisations7d")).isEqualTo(2);
    assertThat(second.getBoolean("flagged")).isTrue();
    assertThat(second.getJsonObject("pattern").getString("reason"))
        .isEqualTo("2 different organisations in 7 days");

    Spine.query(Spine.CLINICIAN).query(byPerson(nhs, ED_NURSE));
    JsonObject third = Council.awaitStepFor(Spine.LEICS_ADMIN, inbox, nhs, 3);
    assertThat(third.getJsonObject("pattern").getInt("accesses30d")).isEqualTo(3);
    assertThat(third.getJsonObject("pattern").getString("reason"))
        .contains("3 accesses in 30 days");

    JsonArray open = Council.steps(Spine.LEICS_ADMIN, inbox, null);
    boolean seenUnflagged = false;
    for (JsonObject s : open.getValuesAs(JsonObject.class)) {
      if (!s.getBoolean("flagged")) {
        seenUnflagged = true;
      } else {
        assertThat(seenUnflagged).as("flagged steps come first").isFalse();
      }
    }
    assertThat(
            Council.steps(Spine.LEICS_ADMIN, inbox, "flagged=true").getValuesAs(JsonObject.class))
        .allSatisfy(s -> assertThat(s.getBoolean("flagged")).isTrue())
        .anySatisfy(s -> assertThat(id(s)).isEqualTo(id(third)));

    // the child's access history as the council sees it
    long child = Council.addChild(Spine.LEICS_ADMIN, "PT2-" + nhs, nhs, "Ann", "Bell", DOB);
    JsonArray accesses =
        (JsonArray) Rest.get(Spine.LEICS_ADMIN, "/children/" + child + "/accesses").json();
    assertThat(accesses.getValuesAs(JsonObject.class))
        .extracting(a -> a.getString("organisationOds"))
        .containsExactly("RWE", "RBK", "RWE");
  }

  @Test
  @DisplayName(
      "Bad input: 400 with a message for an invalid NHS number or involvement; 404 for an unknown step")
  void badInput() {
    Rest.Reply badNhs =
        Rest.post(
            Spine.LEICS_ADMIN,
            "/children",
            "{\"laPersonId\":\"X1\",\"nhsNumber\":\"1234567890\",\"givenName\":\"A\",\"familyName\":\"B\"}");
    assertThat(badNhs.status()).isEqualTo(400);
    assertThat(((JsonObject) badNhs.json()).getString("field")).isEqualTo("nhsNumber");
    long child =
        Council.addChild(
            Spine.LEICS_ADMIN, "BI-" + TestData.nhsNumber(), TestData.nhsNumber(), "Al", "Bo", DOB);
    Rest.Reply badInvolvement =
        Rest.put(
            Spine.LEICS_ADMIN,
            "/children/" + child + "/involvement",
            "{\"involvement\":\"OPEN_SOMETIMES\"}");
    assertThat(badInvolvement.status()).isEqualTo(400);
    assertThat(Council.message(badInvolvement)).contains("OPEN_SOCIAL_CARE");
    Rest.Reply noWorker =
        Rest.put(
            Spine.LEICS_ADMIN,
            "/children/" + child + "/involvement",
            "{\"involvement\":\"OPEN_SOCIAL_CARE\"}");
    assertThat(noWorker.status()).isEqualTo(400);
    assertThat(Council.message(noWorker)).contains("key worker");
    assertThat(Rest.get(Spine.LEICS_ADMIN, "/steps/987654321").status()).isEqualTo(404);
  }

  @Test
  @DisplayName(
      "The REST API is documented: the OpenAPI document lists the council workflow's paths")
  void openApiDocument() throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    String base = TestServer.baseUrl().replace("/cpis", "");
    var r =
        http.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/openapi?format=JSON"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("/cpis/api/inboxes/{id}/steps")
        .contains("/cpis/api/steps/{id}/notify-allocated-team")
        .contains("/cpis/api/children/{childId}/plans");
  }

  static long id(JsonObject o) {
    return o.getJsonNumber("id").longValue();
  }

  static void assertDueInWorkingHours(JsonObject step) {
    Instant created = Instant.parse(step.getString("createdAt"));
    ZonedDateTime due = Instant.parse(step.getString("dueAt")).atZone(TestData.LONDON);
    assertThat(due.toInstant()).isAfter(created);
    assertThat(due.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    assertThat(due.toLocalTime()).isBetween(LocalTime.of(9, 0), LocalTime.of(17, 0));
  }
}

package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencpis.it.QueryMessages.ED_NURSE;
import static org.opencpis.it.QueryMessages.byPerson;
import static org.opencpis.it.UploadFiles.child;
import static org.opencpis.it.UploadFiles.file;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin team works a backlog of CPIS Follow Ups by ticking many and routing them by one route
 * (R22): each step the route fits is routed exactly as a single route routes it; the others are
 * listed with the reason and left as they were.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BulkRouteIT {

  static final LocalDate DOB = LocalDate.of(2017, 1, 12);
  static final LocalDate START = TestData.monthsAgo(3);
  static final Spine.User ADMIN = Spine.LEICS_ADMIN;

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  @Test
  @DisplayName(
      "R22: many steps routed at once, each only by the route its child's status asks for; the routed ones record who and when as a single route does, the others are refused with the reason and unchanged; a repeat routes nothing twice")
  void routesEachStepItsChildAllows() throws Exception {
    // six children shared by Leicestershire, each seen once: six CPIS Follow Ups
    String social1 = TestData.nhsNumber();
    String social2 = TestData.nhsNumber();
    String closed = TestData.nhsNumber(); // on the council's file, closed
    String unknown = TestData.nhsNumber(); // not on the council's file
    String early = TestData.nhsNumber();
    String routedBefore = TestData.nhsNumber(); // closed, referred to screening one by one first
    long sam = Council.myId(Spine.LEICS_SW);
    long eh = Council.myId(Spine.LEICS_EH);
    involve(social1, "Ava", "OPEN_SOCIAL_CARE", sam);
    involve(social2, "Ben", "OPEN_SOCIAL_CARE", sam);
    involve(closed, "Cat", "CLOSED", null);
    involve(early, "Dan", "OPEN_EARLY_HELP", eh);
    involve(routedBefore, "Eli", "CLOSED", null);
    var records = new java.util.ArrayList<org.opencpis.contract.hl7.REPCMT000002GB01Record>();
    for (String n : List.of(social1, social2, closed, unknown, early, routedBefore)) {
      records.add(child("BR-" + n, n, "Kid", "Bulk", DOB, "CPP", START, null));
    }
    Spine.upload(Spine.LEICESTERSHIRE)
        .upload(
            file("855", records.toArray(org.opencpis.contract.hl7.REPCMT000002GB01Record[]::new)));
    for (String n : List.of(social1, social2, closed, unknown, early, routedBefore)) {
      Spine.query(Spine.CLINICIAN).query(byPerson(n, ED_NURSE));
    }
    long inbox = Council.inbox(ADMIN, "CPIS_VIRTUAL_WORKER");
    long screeningInbox = Council.inbox(ADMIN, "SCREENING_VIRTUAL_WORKER");
    long sSocial1 = id(Council.awaitStepFor(ADMIN, inbox, social1, 1));
    long sSocial2 = id(Council.awaitStepFor(ADMIN, inbox, social2, 1));
    long sClosed = id(Council.awaitStepFor(ADMIN, inbox, closed, 1));
    long sUnknown = id(Council.awaitStepFor(ADMIN, inbox, unknown, 1));
    long sEarly = id(Council.awaitStepFor(ADMIN, inbox, early, 1));
    long sBefore = id(Council.awaitStepFor(ADMIN, inbox, routedBefore, 1));
    Council.ok(Council.action(ADMIN, sBefore, "refer-to-screening"));
    // a visit Sam recorded: its step is in Sam's own inbox, not the admin's
    long samsVisit =
        id(
            Council.ok(
                Rest.post(
                    Spine.LEICS_SW,
                    "/children/" + childId(social1) + "/visits",
                    "{\"summary\":\"Seen at home.\"}")));
    String adminName = Council.me(ADMIN).getString("name");
    JsonObject closedBefore = step(sClosed);
    long nowhere = 999_999_999L;

    Instant before = Instant.now().minusSeconds(5);
    JsonObject notify =
        bulk(
            ADMIN,
            "notify-allocated-team",
            sSocial1,
            sSocial2,
            sClosed,
            sBefore,
            nowhere,
            samsVisit);
    Instant after = Instant.now().plusSeconds(5);

    // the request is one row of the audit trail: the route and the steps, how many went
    String subject =
        "notify-allocated-team "
            + List.of(sSocial1, sSocial2, sClosed, sBefore, nowhere, samsVisit);
    List<JsonObject> audit =
        AuditIT.rows("?subject=" + java.net.URLEncoder.encode(subject, "UTF-8"));
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0).getString("operation")).isEqualTo("casework.bulkRoute");
    assertThat(audit.get(0).getString("principal")).isEqualTo(ADMIN.name());
    assertThat(audit.get(0).getString("outcome")).isEqualTo("DONE 2 ROUTED 4 REFUSED");

    // the two open to a social-care team are routed: key worker told, next action, completed
    assertThat(routedIds(notify)).containsExactly(sSocial1, sSocial2);
    for (JsonObject r : notify.getJsonArray("routed").getValuesAs(JsonObject.class)) {
      assertThat(r.getString("route")).isEqualTo("notify-allocated-team");
      assertThat(r.getString("by")).isEqualTo(adminName);
      assertThat(Instant.parse(r.getString("at"))).isBetween(before, after);
      JsonObject s = step(r.getJsonNumber("stepId").longValue());
      assertThat(s.getString("status")).isEqualTo("COMPLETED");
      assertThat(s.getJsonArray("nextActions").getString(0))
          .isEqualTo("CPIS Follow Up – Allocated Team Informed");
      List<JsonObject> history = s.getJsonArray("history").getValuesAs(JsonObject.class);
      assertThat(history)
          .as("recorded as a single route records it")
          .extracting(e -> e.getString("what"))
          .containsSubsequence(
              "Step started",
              "Clipboard notification sent to Sam Walker (key worker)",
              "Next action: CPIS Follow Up – Allocated Team Informed",
              "Step completed");
      JsonObject last = history.get(history.size() - 1);
      assertThat(last.getString("actor")).isEqualTo(adminName);
      assertThat(Instant.parse(last.getString("at"))).isEqualTo(Instant.parse(r.getString("at")));
      assertThat(
              history.stream()
                  .filter(e -> !e.getString("actor").equals("CP-IS"))
                  .map(e -> e.getString("actor")))
          .containsOnly(adminName);
    }
    JsonArray clipboard =
        (JsonArray) Rest.get(Spine.LEICS_SW, "/workers/" + sam + "/clipboard").json();
    assertThat(clipboardCount(clipboard, sSocial1)).isEqualTo(1);
    assertThat(clipboardCount(clipboard, sSocial2)).isEqualTo(1);

    // the others are refused, each with its reason, and are as they were
    Map<Long, String> refused = refusals(notify);
    assertThat(refused).containsOnlyKeys(sClosed, sBefore, nowhere, samsVisit);
    assertThat(refused.get(sClosed))
        .contains("Not open to social care or Early Help")
        .contains("refer it to Social Care Screening");
    assertThat(refused.get(sBefore)).contains("completed already");
    assertThat(refused.get(nowhere)).contains("no step " + nowhere);
    assertThat(refused.get(samsVisit)).contains("read by that worker only");
    JsonObject closedAfter = step(sClosed);
    assertThat(closedAfter.getString("status")).isEqualTo(closedBefore.getString("status"));
    assertThat(closedAfter.getJsonArray("history")).isEqualTo(closedBefore.getJsonArray("history"));
    assertThat(closedAfter.getJsonArray("nextActions")).isEmpty();

    // refer to screening: the closed child and the one not on the file; Early Help is refused
    JsonObject refer = bulk(ADMIN, "refer-to-screening", sClosed, sUnknown, sEarly, sSocial1);
    assertThat(routedIds(refer)).containsExactly(sClosed, sUnknown);
    assertThat(refusals(refer)).containsOnlyKeys(sEarly, sSocial1);
    assertThat(refusals(refer).get(sEarly))
        .contains("Open to Early Help")
        .contains("notify the Early Help worker");
    assertThat(refusals(refer).get(sSocial1)).contains("completed already");
    for (String n : List.of(closed, unknown)) {
      JsonObject screening = Council.stepFor(ADMIN, screeningInbox, n).orElseThrow();
      assertThat(screening.getString("typeName"))
          .isEqualTo("CPIS Notification Received – Social Care Screening required");
      assertThat(screening.getJsonArray("history").getJsonObject(0).getString("actor"))
          .isEqualTo(adminName);
    }
    JsonObject closedDone = step(sClosed);
    assertThat(closedDone.getString("status")).isEqualTo("COMPLETED");
    assertThat(closedDone.getJsonArray("nextActions").getString(0))
        .isEqualTo("CPIS Notification Received – Social Care Screening required");
    JsonObject earlyAfter = step(sEarly);
    assertThat(earlyAfter.getString("status")).isEqualTo("INCOMING");
    assertThat(earlyAfter.getJsonArray("nextActions")).isEmpty();

    // the same request again routes nothing twice: every step is completed already
    JsonObject social1Done = step(sSocial1);
    JsonObject again =
        bulk(
            ADMIN,
            "notify-allocated-team",
            sSocial1,
            sSocial2,
            sClosed,
            sBefore,
            nowhere,
            samsVisit);
    assertThat(again.getJsonArray("routed")).isEmpty();
    assertThat(refusals(again))
        .containsOnlyKeys(sSocial1, sSocial2, sClosed, sBefore, nowhere, samsVisit);
    assertThat(refusals(again).get(sSocial1)).contains("completed already");
    assertThat(step(sSocial1).getJsonArray("history"))
        .isEqualTo(social1Done.getJsonArray("history"));
    JsonArray clipboardAgain =
        (JsonArray) Rest.get(Spine.LEICS_SW, "/workers/" + sam + "/clipboard").json();
    assertThat(clipboardCount(clipboardAgain, sSocial1)).isEqualTo(1);
    assertThat(clipboardCount(clipboardAgain, sSocial2)).isEqualTo(1);

    // another council's admin finds none of them
    JsonObject manc = bulk(Spine.MANC_ADMIN, "notify-early-help", sEarly);
    assertThat(manc.getJsonArray("routed")).isEmpty();
    assertThat(refusals(manc).get(sEarly)).contains("no step " + sEarly);
    assertThat(step(sEarly).getString("status")).isEqualTo("INCOMING");
  }

  @Test
  @DisplayName(
      "R22: a bulk route names 1 to 500 steps and one of the routes (else 400, nothing routed); other roles than council staff are refused (403)")
  void refusesBadRequestsAndOtherRoles() {
    assertThat(post(ADMIN, "{\"stepIds\":[],\"route\":\"refer-to-screening\"}").status())
        .isEqualTo(400);
    assertThat(post(ADMIN, "{\"route\":\"refer-to-screening\"}").status()).isEqualTo(400);
    JsonArrayBuilder many = Json.createArrayBuilder();
    for (long i = 1; i <= 501; i++) {
      many.add(i);
    }
    Rest.Reply tooMany =
        post(
            ADMIN,
            Json.createObjectBuilder()
                .add("stepIds", many)
                .add("route", "refer-to-screening")
                .build()
                .toString());
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(((JsonObject) tooMany.json()).getString("field")).isEqualTo("stepIds");
    Rest.Reply unknownRoute = post(ADMIN, "{\"stepIds\":[1],\"route\":\"close\"}");
    assertThat(unknownRoute.status()).isEqualTo(400);
    assertThat(((JsonObject) unknownRoute.json()).getString("field")).isEqualTo("route");
    assertThat(post(ADMIN, "{\"stepIds\":[1]}").status()).isEqualTo(400);

    String ok = "{\"stepIds\":[1],\"route\":\"refer-to-screening\"}";
    assertThat(post(Spine.CLINICIAN, ok).status()).isEqualTo(403);
    assertThat(post(Spine.LEICESTERSHIRE, ok).status()).isEqualTo(403);
    assertThat(post(Spine.ADMIN, ok).status()).isEqualTo(403);
    assertThat(post(null, ok).status()).isEqualTo(401);
  }

  @Test
  @DisplayName(
      "R22: on the inbox page the admin ticks steps and routes them with Route selected; the page says how many were routed and why the others were not")
  void inboxPageRoutesSelected() throws Exception {
    Assumptions.assumeTrue(
        Browser.available(), "SKIPPED: the page tests need Debian's chromium and chromium-driver");
    String social = TestData.nhsNumber();
    String closed = TestData.nhsNumber();
    involve(social, "Fay", "OPEN_SOCIAL_CARE", Council.myId(Spine.LEICS_SW));
    involve(closed, "Gus", "CLOSED", null);
    Spine.upload(Spine.LEICESTERSHIRE)
        .upload(
            file(
                "855",
                child("BR-" + social, social, "Fay", "Bulk", DOB, "CPP", START, null),
                child("BR-" + closed, closed, "Gus", "Bulk", DOB, "CPP", START, null)));
    Spine.query(Spine.CLINICIAN).query(byPerson(social, ED_NURSE));
    Spine.query(Spine.CLINICIAN).query(byPerson(closed, ED_NURSE));
    long inbox = Council.inbox(ADMIN, "CPIS_VIRTUAL_WORKER");
    long sSocial = id(Council.awaitStepFor(ADMIN, inbox, social, 1));
    long sClosed = id(Council.awaitStepFor(ADMIN, inbox, closed, 1));
    // the page shows 50 steps from an offset: start at the first of the two
    List<Long> open =
        Council.steps(ADMIN, inbox, null).getValuesAs(JsonObject.class).stream()
            .map(BulkRouteIT::id)
            .toList();
    int offset = Math.min(open.indexOf(sSocial), open.indexOf(sClosed));

    try (Browser b = Browser.as(ADMIN)) {
      b.open("app/inboxes.html?inbox=" + inbox + "&offset=" + offset);
      b.click("#select-" + sSocial + " + label");
      b.click("#select-" + sClosed + " + label");
      new org.openqa.selenium.support.ui.Select(b.find("#bulk-route-name"))
          .selectByValue("notify-allocated-team");
      b.click("#route-selected");
      assertThat(b.awaitText("#bulk-result", "1 routed, 1 not routed"))
          .contains("Step " + sClosed)
          .contains("refer it to Social Care Screening");
      assertThat(b.find("#steps tr:has([data-step-id='" + sSocial + "'])").getText())
          .contains("Routed")
          .contains("Completed")
          .doesNotContain("Incoming");
      assertThat(b.all("#select-" + sClosed)).as("the refused one can be ticked again").hasSize(1);
      b.screenshot("bulk-route-result");
    }
    assertThat(step(sSocial).getString("status")).isEqualTo("COMPLETED");
    assertThat(step(sClosed).getString("status")).isEqualTo("INCOMING");
  }

  // --- helpers --------------------------------------------------------------------------------

  /** Records the child on Leicestershire's file with that involvement. */
  static void involve(String nhs, String given, String involvement, Long worker) {
    long child = Council.addChild(ADMIN, "BR-" + nhs, nhs, given, "Bulk", DOB);
    if (!involvement.equals("CLOSED") || worker != null) {
      Council.involve(ADMIN, child, involvement, worker);
    }
  }

  static long childId(String nhs) {
    JsonArray found = (JsonArray) Rest.get(ADMIN, "/children?nhsNumber=" + nhs).json();
    return id(found.getJsonObject(0));
  }

  static JsonObject bulk(Spine.User user, String route, long... ids) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    for (long i : ids) {
      a.add(i);
    }
    Rest.Reply r =
        post(
            user,
            Json.createObjectBuilder().add("stepIds", a).add("route", route).build().toString());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return (JsonObject) r.json();
  }

  static Rest.Reply post(Spine.User user, String json) {
    return Rest.post(user, "/steps/bulk-route", json);
  }

  static JsonObject step(long id) {
    return Council.ok(Rest.get(ADMIN, "/steps/" + id));
  }

  static List<Long> routedIds(JsonObject outcome) {
    return outcome.getJsonArray("routed").getValuesAs(JsonObject.class).stream()
        .map(r -> r.getJsonNumber("stepId").longValue())
        .toList();
  }

  static Map<Long, String> refusals(JsonObject outcome) {
    return outcome.getJsonArray("refused").getValuesAs(JsonObject.class).stream()
        .collect(
            Collectors.toMap(
                r -> r.getJsonNumber("stepId").longValue(), r -> r.getString("reason")));
  }

  static long clipboardCount(JsonArray clipboard, long stepId) {
    return clipboard.getValuesAs(JsonObject.class).stream()
        .filter(c -> !c.isNull("sourceStepId"))
        .filter(c -> c.getJsonNumber("sourceStepId").longValue() == stepId)
        .count();
  }

  static long id(JsonObject o) {
    return o.getJsonNumber("id").longValue();
  }
}

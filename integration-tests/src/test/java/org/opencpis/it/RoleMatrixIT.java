package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencpis.it.QueryMessages.ED_NURSE;
import static org.opencpis.it.QueryMessages.byPerson;
import static org.opencpis.it.UploadFiles.child;
import static org.opencpis.it.UploadFiles.file;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.xml.ws.WebServiceException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may do what, every operation against every role, as one table: each REST operation (the
 * OpenAPI document's, all of them), the SOAP query, upload and pull, the FHIR API's searches and
 * reads, and the health page's JSON query. A refusal changes nothing, so each row's refusals are
 * tried first and its successes last.
 *
 * <p>The answers: 200/201/202 done; 401 not signed in; 403 the role may not; 404 another council's
 * object (never shown, not even as forbidden); 409 allowed, but the object's state refuses it. For
 * SOAP, 403 is the ACCESS_DENIED fault.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RoleMatrixIT {

  /** The roles, in the order of the table's columns. */
  enum Role {
    B0107(Spine.CLINICIAN),
    B0170(Spine.SILENT_VIEWER),
    UPL_A(Spine.LEICESTERSHIRE),
    STF_A(Spine.LEICS_ADMIN),
    STF_B(Spine.MANC_ADMIN),
    PRF_A(new Spine.User("leics.performance", "leics-performance-pass")),
    ADMIN(Spine.ADMIN),
    NOROLE(Spine.NO_ROLE),
    ANON(null);

    final Spine.User user;

    Role(Spine.User user) {
      this.user = user;
    }
  }

  /** Sends one operation as a user (null: anonymous); answers the HTTP status it got. */
  interface Call {
    int send(Fixture f, Spine.User user) throws Exception;
  }

  /** One row: the operation, the expected answer per role (in {@link Role} order), the call. */
  record Row(String operation, List<Integer> expected, Call call) {}

  static final LocalDate DOB = LocalDate.of(2016, 7, 21);
  static final LocalDate START = LocalDate.of(2026, 5, 4);
  static final String CASE_NOTE =
      "{\"contactMethod\":\"TELEPHONE\",\"decision\":\"NO_FURTHER_ACTION\",\"reason\":\"Spoke to"
          + " the carer; nothing further.\"}";
  static final String PLAN = "{\"type\":\"CHILD_PROTECTION_PLAN\",\"startDate\":\"2026-03-02\"}";

  // spotless:off
  static final List<Row> TABLE =
      List.of(
          // operation                                            B0107 B0170 UPL_A STF_A STF_B PRF_A ADMIN NOROLE ANON
          row("GET /workers/me",                                  "403   403   403   200   200   200   403   403    401", get(f -> "/workers/me")),
          row("GET /workers/{id}/clipboard",                      "403   403   403   200   404   403   403   403    401", get(f -> "/workers/" + f.staffA + "/clipboard")),
          row("POST /clipboard/{id}/complete (a colleague's)",    "403   403   403   403   404   403   403   403    401", post(f -> "/clipboard/" + f.clipboard + "/complete", f -> "{\"caseNoteId\":" + f.clipboardNote + "}")),
          row("GET /inboxes",                                     "403   403   403   200   200   403   403   403    401", get(f -> "/inboxes")),
          row("GET /inboxes/overview",                            "403   403   403   200   200   403   403   403    401", get(f -> "/inboxes/overview")),
          row("GET /inboxes/{id}/steps",                          "403   403   403   200   404   403   403   403    401", get(f -> "/inboxes/" + f.virtualInbox + "/steps")),
          row("GET /inboxes/{id}/steps (a colleague's own)",      "403   403   403   403   404   403   403   403    401", get(f -> "/inboxes/" + f.colleagueInbox + "/steps")),
          row("GET /inboxes/{id}/filters",                        "403   403   403   200   404   403   403   403    401", get(f -> "/inboxes/" + f.virtualInbox + "/filters")),
          row("GET /steps/{id}",                                  "403   403   403   200   404   403   403   403    401", get(f -> "/steps/" + f.stepToStart)),
          row("GET /steps/{id} (in a colleague's own inbox)",     "403   403   403   403   404   403   403   403    401", get(f -> "/steps/" + f.colleagueStep)),
          row("POST /steps/{id}/start (in a colleague's own)",    "403   403   403   403   404   403   403   403    401", post(f -> "/steps/" + f.colleagueStep + "/start", f -> null)),
          row("POST /steps/{id}/start",                           "403   403   403   200   404   403   403   403    401", post(f -> "/steps/" + f.stepToStart + "/start", f -> null)),
          row("POST /steps/{id}/notify-allocated-team",           "403   403   403   200   404   403   403   403    401", post(f -> "/steps/" + f.stepSocial + "/notify-allocated-team", f -> null)),
          row("POST /steps/{id}/notify-early-help",               "403   403   403   200   404   403   403   403    401", post(f -> "/steps/" + f.stepEarlyHelp + "/notify-early-help", f -> null)),
          row("POST /steps/{id}/refer-to-screening",              "403   403   403   200   404   403   403   403    401", post(f -> "/steps/" + f.stepRefer + "/refer-to-screening", f -> null)),
          row("POST /steps/bulk-route",                           "403   403   403   200   200   403   403   403    401", post(f -> "/steps/bulk-route", f -> "{\"stepIds\":[" + f.stepRefer + "],\"route\":\"refer-to-screening\"}")),
          row("POST /steps/{id}/complete",                        "403   403   403   200   404   403   403   403    401", post(f -> "/steps/" + f.screening + "/complete", f -> "{\"caseNoteId\":" + f.screeningNote + "}")),
          row("GET /children",                                    "403   403   403   200   200   403   403   403    401", get(f -> "/children?familyName=Matrix")),
          row("POST /children",                                   "403   403   403   201   201   403   403   403    401", post(f -> "/children", f -> "{\"laPersonId\":\"RM-" + unique() + "\",\"givenName\":\"Ann\",\"familyName\":\"Matrix\"}")),
          row("GET /children/{id}",                               "403   403   403   200   404   403   403   403    401", get(f -> "/children/" + f.child)),
          row("PUT /children/{id}/involvement",                   "403   403   403   200   404   403   403   403    401", put(f -> "/children/" + f.child + "/involvement", f -> "{\"involvement\":\"CLOSED\"}")),
          row("POST /children/{id}/unborn",                       "403   403   403   201   404   403   403   403    401", post(f -> "/children/" + f.child + "/unborn", f -> "{\"laPersonId\":\"RMU-" + unique() + "\",\"expectedDeliveryDate\":\"" + TestData.today().plusWeeks(6) + "\"}")),
          row("POST /children/{id}/birth",                        "403   403   403   200   404   403   403   403    401", post(f -> "/children/" + f.unborn + "/birth", f -> "{\"birthDate\":\"" + TestData.today().minusDays(1) + "\",\"nhsNumber\":\"" + TestData.nhsNumber() + "\",\"givenName\":\"Noa\"}")),
          row("PUT /children/{id}/identity",                      "403   403   403   200   404   403   403   403    401", put(f -> "/children/" + f.child + "/identity", f -> "{\"givenName\":\"Ann\"}")),
          row("GET /children/{id}/case-notes",                    "403   403   403   200   404   403   403   403    401", get(f -> "/children/" + f.child + "/case-notes")),
          row("POST /children/{id}/case-notes",                   "403   403   403   201   404   403   403   403    401", post(f -> "/children/" + f.child + "/case-notes", f -> CASE_NOTE)),
          row("POST /children/{id}/visits",                       "403   403   403   201   404   403   403   403    401", post(f -> "/children/" + f.child + "/visits", f -> "{\"summary\":\"Home visit\"}")),
          row("GET /children/{id}/accesses",                      "403   403   403   200   404   403   403   403    401", get(f -> "/children/" + f.child + "/accesses")),
          row("GET /children/{childId}/plans",                    "403   403   403   200   404   403   403   403    401", get(f -> "/children/" + f.child + "/plans")),
          row("POST /children/{childId}/plans",                   "403   403   403   201   404   403   403   403    401", post(f -> "/children/" + f.child + "/plans", f -> PLAN)),
          row("PUT /children/{childId}/plans/{planId}",           "403   403   403   200   404   403   403   403    401", put(f -> "/children/" + f.child + "/plans/" + f.planToEnd, f -> "{\"endDate\":\"" + TestData.today() + "\"}")),
          row("DELETE /children/{childId}/plans/{planId}",        "403   403   403   200   404   403   403   403    401", delete(f -> "/children/" + f.child + "/plans/" + f.planToRemove)),
          row("POST /bulk-loads",                                 "403   403   403   403   403   202   403   403    401", csv(f -> "/bulk-loads", f -> BulkLoadIT.HEADER + "RM-NOBODY-" + unique() + "," + TestData.nhsNumber() + ",,,\n")),
          row("GET /bulk-loads",                                  "403   403   403   403   403   200   403   403    401", get(f -> "/bulk-loads")),
          row("GET /bulk-loads/{id}",                             "403   403   403   403   403   200   403   403    401", get(f -> "/bulk-loads/" + f.load)),
          row("GET /bulk-loads/{id}/rows",                        "403   403   403   403   403   200   403   403    401", get(f -> "/bulk-loads/" + f.load + "/rows")),
          row("POST /bulk-loads/{id}/restart (not failed)",       "403   403   403   403   403   409   403   403    401", post(f -> "/bulk-loads/" + f.load + "/restart", f -> null)),
          row("GET /admin/register/{nhsNumber}",                  "403   403   403   403   403   403   200   403    401", get(f -> "/admin/register/" + f.sharedNhs)),
          row("GET /admin/register/{nhsNumber}/accesses",         "403   403   403   403   403   403   200   403    401", get(f -> "/admin/register/" + f.sharedNhs + "/accesses")),
          row("POST /admin/retention/run",                        "403   403   403   403   403   403   200   403    401", post(f -> "/admin/retention/run", f -> null)),
          row("GET /admin/demographics",                          "403   403   403   403   403   403   200   403    401", get(f -> "/admin/demographics")),
          row("POST /admin/demographics",                         "403   403   403   403   403   403   200   403    401", csv(f -> "/admin/demographics", f -> Demographics.row(TestData.nhsNumber(), "Ann", "Matrix", LocalDate.of(2014, 2, 2), null, false))),
          row("GET /admin/demographics/{nhsNumber}",              "403   403   403   403   403   403   200   403    401", get(f -> "/admin/demographics/" + f.sharedNhs)),
          row("GET /admin/councils/{la}/workers",                 "403   403   403   403   403   403   200   403    401", get(f -> "/admin/councils/855/workers")),
          row("POST /admin/councils/{la}/workers",                "403   403   403   403   403   403   201   403    401", post(f -> "/admin/councils/855/workers", f -> "{\"name\":\"Rita Matrix\",\"username\":\"rm." + unique() + "\",\"role\":\"SOCIAL_WORKER\",\"team\":\"Matrix\"}")),
          row("GET /admin/councils/{la}/pattern-thresholds",      "403   403   403   403   403   403   200   403    401", get(f -> "/admin/councils/855/pattern-thresholds")),
          row("PUT /admin/councils/{la}/pattern-thresholds",      "403   403   403   403   403   403   200   403    401", put(f -> "/admin/councils/855/pattern-thresholds", f -> "{\"accessesIn30Days\":null,\"organisationsIn7Days\":null}")),
          row("GET /admin/councils/{la}/edt-escalation",          "403   403   403   403   403   403   200   403    401", get(f -> "/admin/councils/855/edt-escalation")),
          row("PUT /admin/councils/{la}/edt-escalation",          "403   403   403   403   403   403   200   403    401", put(f -> "/admin/councils/855/edt-escalation", f -> "{\"enabled\":false,\"flaggedPatterns\":true,\"settings\":[]}")),
          row("POST /admin/councils/{la}/synthetic-children",     "403   403   403   403   403   403   200   403    401", post(f -> "/admin/councils/855/synthetic-children?prefix=RMS" + unique().substring(0, 8) + "&from=0&count=1", f -> null)),
          row("GET /admin/messaging/dead-letters/{queue}",        "403   403   403   403   403   403   200   403    401", get(f -> "/admin/messaging/dead-letters/LaNotifications")),
          row("POST /admin/messaging/dead-letters/{queue}/replay","403   403   403   403   403   403   200   403    401", post(f -> "/admin/messaging/dead-letters/LaNotifications/replay", f -> null)),
          row("GET /admin/audit",                                 "403   403   403   403   403   403   200   403    401", get(f -> "/admin/audit?subject=" + f.sharedNhs)),
          row("GET /admin/audit/verify",                          "403   403   403   403   403   403   200   403    401", get(f -> "/admin/audit/verify")),
          row("POST /admin/audit/retention/run",                  "403   403   403   403   403   403   200   403    401", post(f -> "/admin/audit/retention/run", f -> null)),
          row("GET /admin/uploads/{la}",                          "403   403   403   403   403   403   200   403    401", get(f -> "/admin/uploads/855")),
          row("POST /admin/messaging/notifications/resend",       "403   403   403   403   403   403   200   403    401", post(f -> "/admin/messaging/notifications/resend?la=330&from=" + java.time.Instant.now().minusSeconds(60), f -> null)),
          row("POST /admin/messaging/notifications/{id}/resend",  "403   403   403   403   403   403   200   403    401", post(f -> "/admin/messaging/notifications/" + f.notificationId + "/resend", f -> null)),
          row("POST /health/cpis",                                "200   200   403   403   403   403   403   403    401", post(f -> "/health/cpis", f -> "{\"nhsNumber\":\"" + f.sharedNhs + "\",\"viewerName\":\"Ada Okafor\",\"organisationOds\":\"RWE\",\"careSetting\":\"ED\"}")),
          row("GET /local-authorities",                           "200   200   200   200   200   200   200   200    401", get(f -> "/local-authorities")),
          row("GET /worktime/due",                                "200   200   200   200   200   200   200   200    401", get(f -> "/worktime/due?from=2026-11-20T16:30:00Z&hours=2")),
          row("SOAP cpisquery query",                             "200   200   403   403   403   403   403   403    401", (f, u) -> soap(() -> Spine.query(u).query(byPerson(f.sharedNhs, ED_NURSE)))),
          row("SOAP cpisupload upload",                           "403   403   200   403   403   403   403   403    401", (f, u) -> soap(() -> Spine.upload(u).upload(file("855", child("RM-" + unique(), TestData.nhsNumber(), "Ann", "Matrix", DOB, "CPP", START, null))))),
          row("FHIR GET /CareTeam?patient:identifier",            "200   200   403   403   403   403   403   403    401", fhir(f -> "/CareTeam?patient:identifier=" + Fhir.NHS + "%7C" + f.sharedNhs)),
          row("FHIR GET /CareTeam/{id}",                          "200   200   403   403   403   403   403   403    401", fhir(f -> "/CareTeam/" + f.sharedNhs + "-855-CPP")),
          row("FHIR GET /AuditEvent?patient:identifier",          "200   200   403   403   403   403   403   403    401", fhir(f -> "/AuditEvent?patient:identifier=" + Fhir.NHS + "%7C" + f.sharedNhs)),
          row("FHIR GET /metadata",                               "200   200   200   200   200   200   200   200    200", fhir(f -> "/metadata")),
          row("SOAP cpisupload pullNotifications",                "403   403   200   403   403   403   403   403    401", (f, u) -> soap(() -> NotificationPullIT.pull(u, "855", LocalDateTime.now(TestData.LONDON).minusHours(1), null))));
  // spotless:on

  /** The objects of council A (Leicestershire, 855) the rows act on. */
  static final class Fixture {
    String sharedNhs;
    long staffA;
    long virtualInbox;
    long colleagueInbox;
    long child;
    long planToEnd;
    long planToRemove;
    long unborn;
    long stepToStart;
    long colleagueStep;
    long stepSocial;
    long stepEarlyHelp;
    long stepRefer;
    long screening;
    long screeningNote;
    long clipboard;
    long clipboardNote;
    long load;
    String notificationId;
  }

  static Fixture f;

  @BeforeAll
  static void fixture() throws Exception {
    TestServer.awaitDeployed();
    Spine.User admin = Spine.LEICS_ADMIN;
    Fixture x = new Fixture();
    x.staffA = Council.myId(admin);
    x.colleagueInbox = Council.myId(Spine.LEICS_SW);
    x.virtualInbox = Council.inbox(admin, "CPIS_VIRTUAL_WORKER");

    // six children shared by A, each seen once by an ED nurse: six CPIS Follow Up steps
    String[] nhs = new String[6];
    for (int i = 0; i < nhs.length; i++) {
      nhs[i] = TestData.nhsNumber();
    }
    x.sharedNhs = nhs[0];
    x.child = Council.addChild(admin, "RM-" + nhs[0], nhs[0], "Ann", "Matrix", DOB);
    long social = Council.addChild(admin, "RM-" + nhs[1], nhs[1], "Bea", "Matrix", DOB);
    Council.involve(admin, social, "OPEN_SOCIAL_CARE", Council.myId(Spine.LEICS_SW));
    long early = Council.addChild(admin, "RM-" + nhs[2], nhs[2], "Cal", "Matrix", DOB);
    Council.involve(admin, early, "OPEN_EARLY_HELP", Council.myId(Spine.LEICS_EH));
    // a follow-up on a colleague's clipboard (only its key worker completes it)
    long keyWorker = Council.addChild(admin, "RM-" + nhs[4], nhs[4], "Eve", "Matrix", DOB);
    Council.involve(admin, keyWorker, "OPEN_SOCIAL_CARE", Council.myId(Spine.LEICS_SW2));
    // nhs[3] and nhs[5] are not on the council's file: their follow-ups go to screening
    var records = new ArrayList<org.opencpis.contract.hl7.REPCMT000002GB01Record>();
    for (String n : nhs) {
      records.add(child("RM-" + n, n, "Kid", "Matrix", DOB, "CPP", START, null));
    }
    Spine.upload(Spine.LEICESTERSHIRE)
        .upload(
            file("855", records.toArray(org.opencpis.contract.hl7.REPCMT000002GB01Record[]::new)));
    for (String n : nhs) {
      Spine.query(Spine.CLINICIAN).query(byPerson(n, ED_NURSE));
    }
    long[] step = new long[nhs.length];
    for (int i = 0; i < nhs.length; i++) {
      step[i] = id(Council.awaitStepFor(admin, x.virtualInbox, nhs[i], 1));
    }
    x.stepToStart = step[0];
    x.stepSocial = step[1];
    x.stepEarlyHelp = step[2];
    x.stepRefer = step[3];
    x.clipboard = id(Council.ok(Council.action(admin, step[4], "notify-allocated-team")));
    x.clipboardNote =
        Council.caseNote(Spine.LEICS_SW2, keyWorker, "TELEPHONE", "NO_FURTHER_ACTION", "Spoke.");
    x.screening = id(Council.ok(Council.action(admin, step[5], "refer-to-screening")));
    x.screeningNote = Council.caseNote(admin, x.child, "VISIT", "NO_FURTHER_ACTION", "Seen.");
    // a visit a colleague recorded: its step is in the colleague's own inbox, theirs alone
    x.colleagueStep =
        id(
            Council.ok(
                Rest.post(
                    Spine.LEICS_SW,
                    "/children/" + x.child + "/visits",
                    "{\"summary\":\"Seen.\"}")));

    x.planToEnd = id(Council.ok(Rest.post(admin, "/children/" + x.child + "/plans", PLAN)));
    x.planToRemove = id(Council.ok(Rest.post(admin, "/children/" + x.child + "/plans", PLAN)));
    x.unborn =
        id(
            Council.ok(
                Rest.post(
                    admin,
                    "/children/" + x.child + "/unborn",
                    "{\"laPersonId\":\"RMU-"
                        + unique()
                        + "\",\"expectedDeliveryDate\":\""
                        + TestData.today().plusWeeks(4)
                        + "\"}")));
    Rest.Reply load =
        Rest.post(
            Role.PRF_A.user,
            "/bulk-loads",
            "text/csv",
            BulkLoadIT.HEADER + "RM-NOBODY," + TestData.nhsNumber() + ",,,\n");
    assertThat(load.status()).as(load.body()).isEqualTo(202);
    x.load = ((JsonObject) load.json()).getJsonNumber("loadId").longValue();
    AtomicReference<String> notification = new AtomicReference<>();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              JsonArray a =
                  (JsonArray) Rest.get(admin, "/children/" + x.child + "/accesses").json();
              if (a.isEmpty()) {
                return false;
              }
              notification.set(a.getJsonObject(0).getString("notificationId"));
              return true;
            });
    x.notificationId = notification.get();
    f = x;
  }

  @Test
  @DisplayName(
      "Security: every operation (REST, SOAP query, upload and pull, health JSON, FHIR) answers each role as the table says")
  void everyOperationEveryRole() {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Row row : TABLE) {
      // refusals first: they change nothing, so the successes still find the objects as they were
      List<Role> order =
          List.of(Role.values()).stream()
              .sorted(Comparator.comparing((Role r) -> row.expected().get(r.ordinal()) < 400))
              .toList();
      for (Role role : order) {
        int expected = row.expected().get(role.ordinal());
        int got;
        try {
          got = row.call().send(f, role.user);
        } catch (Exception e) {
          wrong.add(row.operation() + " as " + role + ": expected " + expected + ", threw " + e);
          continue;
        }
        checked++;
        if (got != expected) {
          wrong.add(row.operation() + " as " + role + ": expected " + expected + ", got " + got);
        }
      }
    }
    assertThat(wrong).as("answers that differ from the table").isEmpty();
    assertThat(checked).isEqualTo(TABLE.size() * Role.values().length);
  }

  @Test
  @DisplayName(
      "Security: the table has a row for every REST operation the API documents (a new one must be added to it)")
  void tableCoversEveryRestOperation() throws Exception {
    String base = TestServer.baseUrl().replace("/cpis", "");
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/openapi?format=JSON")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject paths =
        Json.createReader(new java.io.StringReader(r.body())).readObject().getJsonObject("paths");
    Set<String> documented = new TreeSet<>();
    Set<String> methods = Set.of("get", "post", "put", "delete", "patch", "head", "options");
    for (String path : paths.keySet()) {
      for (String m : paths.getJsonObject(path).keySet()) {
        if (methods.contains(m)) {
          documented.add(m.toUpperCase() + " " + path.replaceFirst("^/cpis/api", ""));
        }
      }
    }
    Set<String> inTable =
        TABLE.stream()
            .map(Row::operation)
            .filter(o -> !o.startsWith("SOAP ") && !o.startsWith("FHIR "))
            .map(o -> o.replaceFirst(" \\(.*\\)$", ""))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(inTable)
        .as("operations of the API with no row in RoleMatrixIT.TABLE (add one: who may call it?)")
        .containsAll(documented);
    assertThat(documented).as("rows for operations the API does not have").containsAll(inTable);
  }

  // --- building the table -------------------------------------------------------------------

  interface Part {
    String of(Fixture f);
  }

  static Row row(String operation, String expected, Call call) {
    List<Integer> codes =
        List.of(expected.trim().split("\\s+")).stream().map(Integer::valueOf).toList();
    if (codes.size() != Role.values().length) {
      throw new IllegalArgumentException(operation + ": one answer per role, in column order");
    }
    return new Row(operation, codes, call);
  }

  static Call get(Part path) {
    return (f, u) -> Rest.get(u, path.of(f)).status();
  }

  static Call post(Part path, Part json) {
    return (f, u) -> Rest.post(u, path.of(f), json.of(f)).status();
  }

  static Call put(Part path, Part json) {
    return (f, u) -> Rest.put(u, path.of(f), json.of(f)).status();
  }

  static Call delete(Part path) {
    return (f, u) -> Rest.delete(u, path.of(f)).status();
  }

  static Call csv(Part path, Part body) {
    return (f, u) -> Rest.post(u, path.of(f), "text/csv", body.of(f)).status();
  }

  /** A GET of the FHIR API (/cpis/FHIR/R4), with an ED nurse's headers. */
  static Call fhir(Part path) {
    return (f, u) -> FhirIT.get(u, path.of(f), "role-matrix", "application/fhir+json").statusCode();
  }

  interface SoapCall {
    void call() throws Exception;
  }

  /**
   * A SOAP call's answer as a status: 200 answered (records or none found), 403 ACCESS_DENIED, 401.
   */
  static int soap(SoapCall c) throws Exception {
    try {
      c.call();
      return 200;
    } catch (org.opencpis.contract.query.CpisError e) {
      return "ACCESS_DENIED".equals(e.getFaultInfo().getCode()) ? 403 : 400;
    } catch (org.opencpis.contract.upload.CpisError e) {
      return "ACCESS_DENIED".equals(e.getFaultInfo().getCode()) ? 403 : 400;
    } catch (WebServiceException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (String.valueOf(t.getMessage()).contains("401")) {
          return 401;
        }
      }
      throw e;
    }
  }

  static String unique() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
  }

  static long id(JsonObject o) {
    return o.getJsonNumber("id").longValue();
  }
}

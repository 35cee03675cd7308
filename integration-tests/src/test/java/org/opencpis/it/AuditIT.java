package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.opencpis.it.QueryMessages.ED_NURSE;
import static org.opencpis.it.QueryMessages.byPerson;
import static org.opencpis.it.QueryMessages.silent;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencpis.contract.hl7.QUPCIN000006GB01;
import org.opencpis.contract.query.CpisError;

/**
 * Issue 9, the audit trail: every read over every channel leaves exactly one row naming the
 * principal the server authenticated, what the message claimed, what was read and the outcome; the
 * chain verifies, and a row changed in the database breaks it there.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditIT {

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  @Test
  @DisplayName("issue 9 R20: a B0107 SOAP query that finds a plan: one row, the access it recorded")
  void soapFound() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    JsonObject row = queryRow(Spine.CLINICIAN, byPerson(nhs, ED_NURSE), nhs);
    assertThat(row.getString("request")).startsWith("POST /spine/cpisquery");
    assertThat(row.getString("outcome")).startsWith("FOUND access ");
  }

  @Test
  @DisplayName(
      "issue 9: a B0170 silent read is audited, still neither recorded as an access nor notified")
  void silentRead() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    JsonObject row = queryRow(Spine.SILENT_VIEWER, byPerson(nhs, ED_NURSE), nhs);
    assertThat(row.getString("outcome")).isEqualTo("FOUND");
    assertThat(Children.accesses(nhs)).isZero();
  }

  @Test
  @DisplayName("issue 9: a B0107 query with accessEventType=false is audited, not an access")
  void silentB0107() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    JsonObject row = queryRow(Spine.CLINICIAN, silent(byPerson(nhs, ED_NURSE)), nhs);
    assertThat(row.getString("outcome")).isEqualTo("FOUND");
    assertThat(Children.accesses(nhs)).isZero();
  }

  @Test
  @DisplayName("issue 9: a query that finds nothing is audited NOT_FOUND")
  void notFound() throws Exception {
    String nhs = TestData.nhsNumber();
    JsonObject row = queryRow(Spine.CLINICIAN, byPerson(nhs, ED_NURSE), nhs);
    assertThat(row.getString("outcome")).isEqualTo("NOT_FOUND");
  }

  @Test
  @DisplayName(
      "issue 9: a query by a user without a view role, refused by the container, is audited")
  void refused() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    JsonObject row = queryRow(Spine.NO_ROLE, byPerson(nhs, ED_NURSE), nhs);
    assertThat(row.getString("outcome")).isEqualTo("REFUSED ACCESS_DENIED");
    assertThat(Children.accesses(nhs)).isZero();
  }

  @Test
  @DisplayName(
      "issue 9 R20: a QBP^Q11 over MLLP names the facility and its peer, and the nurse claimed")
  void hl7Query() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    String id = Mllp.controlId();
    long before = last();

    String qbp = Mllp.qbp("RWE", nhs, "Q-" + id, id);
    Mllp.send(qbp);

    JsonObject row = onlyRowSince(before);
    assertThat(row.getString("channel")).isEqualTo("HL7");
    assertThat(row.getString("operation")).isEqualTo("cpis.query");
    assertThat(row.getString("request")).isEqualTo("QBP^Q11 " + id);
    assertThat(row.getString("principal"))
        .matches("hl7 facility RWE, address (127\\.0\\.0\\.1|[0:]+1)");
    assertThat(row.getString("claimedUser")).isEqualTo("555000111222");
    assertThat(row.getString("claimedOrganisation")).isEqualTo("RWE");
    assertThat(row.getString("subject")).isEqualTo(nhs);
    assertThat(row.getString("outcome")).startsWith("FOUND access ");

    // sent again, it gets its first answer again (no second access): a read, audited
    long first = row.getJsonNumber("seq").longValue();
    Mllp.send(qbp);
    JsonObject again = onlyRowSince(first);
    assertThat(again.getString("operation")).isEqualTo("hl7.repeat");
    assertThat(again.getString("principal")).isEqualTo(row.getString("principal"));
    assertThat(again.getString("subject")).isEqualTo(nhs);
    assertThat(again.getString("outcome")).isEqualTo("FOUND");
    assertThat(Children.accesses(nhs)).isEqualTo(1);
  }

  @Test
  @DisplayName("issue 9 R20: an ADT attendance's CP-IS check over MLLP is one row for the facility")
  void hl7Attendance() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    long before = last();

    Mllp.send(Mllp.adt("A04", "RWE", nhs, "V-" + Mllp.controlId()));

    JsonObject row = onlyRowSince(before);
    assertThat(row.getString("channel")).isEqualTo("HL7");
    assertThat(row.getString("request")).startsWith("ADT^A04 ");
    assertThat(row.getString("principal")).startsWith("hl7 facility RWE, address ");
    assertThat(row.getString("claimedOrganisation")).isEqualTo("RWE");
    assertThat(row.getString("subject")).isEqualTo(nhs);
    assertThat(row.getString("outcome")).startsWith("FOUND access ");
  }

  @Test
  @DisplayName(
      "issue 9: a council system's upload is one row: the file, the ASID it claims, its code")
  void upload() throws Exception {
    String nhs = TestData.nhsNumber();
    int sequence = TestData.nextFileSequence("855");
    var file =
        UploadFiles.file(
            "855",
            sequence,
            UploadFiles.child(
                "AU-" + nhs, nhs, "Ann", "Audit", Children.DOB, "CPP", Children.PLAN_START, null));
    long before = last();

    // the sending system names its ASID in the SOAP header, as on Spine
    Spine.senderAsid(Spine.upload(Spine.LEICESTERSHIRE), "200000000855").upload(file);

    JsonObject row = onlyRowSince(before);
    assertRow(
        row,
        "SOAP",
        "cpis.upload",
        "leicestershire.upload",
        "200000000855",
        "855",
        "file 855 " + sequence + " (1 records)");
    assertThat(row.getString("outcome")).isEqualTo("DONE CPF02 loaded 1 rejected 0");
  }

  @Test
  @DisplayName(
      "issue 9 R26: a plan a council records reaches the hub as a file over JMS, audited as a change for the council")
  void councilWorkflowFile() {
    String nhs = TestData.nhsNumber();
    long child =
        Council.addChild(Spine.LEICS_ADMIN, "AU-" + nhs, nhs, "Ann", "Audit", Children.DOB);
    long before = last();

    Rest.Reply r =
        Rest.post(
            Spine.LEICS_ADMIN,
            "/children/" + child + "/plans",
            "{\"type\":\"CHILD_PROTECTION_PLAN\",\"startDate\":\"" + TestData.monthsAgo(1) + "\"}");

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonObject change = rowsSince(before, "?channel=REST&size=20").get(0);
    assertRow(change, "REST", "casework.addPlan", "leics.admin", null, null, Long.toString(child));
    JsonObject file =
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> rowsSince(before, "?channel=JMS&size=20"), l -> !l.isEmpty())
            .get(0);
    assertThat(file.getString("operation")).isEqualTo("cpis.upload.councilWorkflow");
    assertThat(file.getString("claimedOrganisation")).isEqualTo("855");
    assertThat(file.getString("subject")).startsWith("file 855 ").endsWith(" (1 records)");
    assertThat(file.getString("outcome")).isEqualTo("DONE CPF02 loaded 1 rejected 0");
  }

  @Test
  @DisplayName("issue 9: reads at the same moment never fork the chain: one row each, in one line")
  void concurrentReads() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    long before = last();
    int n = 12;
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        sent.add(pool.submit(() -> Spine.query(Spine.CLINICIAN).query(byPerson(nhs, ED_NURSE))));
      }
      for (Future<?> f : sent) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    List<JsonObject> rows = rows("?subject=" + nhs + "&channel=SOAP");
    assertThat(rows).hasSize(n);
    assertThat(rows).allMatch(o -> o.getJsonNumber("seq").longValue() > before);
    assertThat(rows.stream().map(o -> o.getString("outcome")).distinct()).hasSize(n);
    JsonObject v = verify();
    assertThat(v.getBoolean("intact")).as(v.toString()).isTrue();
  }

  @Test
  @DisplayName("issue 9: a council's REST read of a child's person summary is one row")
  void councilReadsChild() {
    String nhs = TestData.nhsNumber();
    long child = Council.addChild(Spine.LEICS_ADMIN, "AU-" + nhs, nhs, "Ann", "Audit", null);
    long before = last();

    Rest.Reply r = Rest.get(Spine.LEICS_ADMIN, "/children/" + child);

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonObject row = onlyRowSince(before);
    assertRow(row, "REST", "casework.child", "leics.admin", null, null, Long.toString(child));
    assertThat(row.getString("request")).isEqualTo("GET /api/children/{id}");
    assertThat(row.getString("outcome")).isEqualTo("FOUND");
  }

  @Test
  @DisplayName("issue 9: another council's child, not shown, is audited as refused")
  void otherCouncilsChild() {
    String nhs = TestData.nhsNumber();
    long child = Council.addChild(Spine.LEICS_ADMIN, "AU-" + nhs, nhs, "Ann", "Audit", null);
    long before = last();

    assertThat(Rest.get(Spine.MANC_ADMIN, "/children/" + child).status()).isEqualTo(404);

    JsonObject row = onlyRowSince(before);
    assertRow(row, "REST", "casework.child", "manc.admin", null, null, Long.toString(child));
    assertThat(row.getString("outcome")).isEqualTo("REFUSED NOT_FOUND");
  }

  @Test
  @DisplayName(
      "issue 9: a council system's pullNotifications is one row naming the council asked for")
  void pull() throws Exception {
    long before = last();

    NotificationPullIT.pull(
        Spine.LEICESTERSHIRE, "855", LocalDateTime.now(TestData.LONDON).minusHours(1), null);

    JsonObject row = onlyRowSince(before);
    assertThat(row.getString("channel")).isEqualTo("SOAP");
    assertThat(row.getString("operation")).isEqualTo("cpis.pullNotifications");
    assertThat(row.getString("principal")).isEqualTo("leicestershire.upload");
    assertThat(row.getString("subject")).startsWith("855 ");
    assertThat(row.getString("outcome")).matches("FOUND \\d+|NOT_FOUND");
  }

  @Test
  @DisplayName("issue 9: an administrator's register look-up is one row")
  void adminLookUp() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    long before = last();

    assertThat(Rest.get(Spine.ADMIN, "/admin/register/" + nhs).status()).isEqualTo(200);

    JsonObject row = onlyRowSince(before);
    assertRow(row, "REST", "admin.register", "cpis.admin", null, null, nhs);
    assertThat(row.getString("request")).isEqualTo("GET /api/admin/register/{nhsNumber}");
    assertThat(row.getString("outcome")).isEqualTo("FOUND 1");
  }

  @Test
  @DisplayName("issue 9: the trail is searched by subject and principal; the search is audited too")
  void search() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    Spine.query(Spine.CLINICIAN).query(byPerson(nhs, ED_NURSE));
    Spine.query(Spine.SILENT_VIEWER).query(byPerson(nhs, ED_NURSE));

    List<JsonObject> bySubject = rows("?subject=" + nhs + "&channel=soap");
    assertThat(bySubject)
        .extracting(o -> o.getString("principal"))
        .containsExactly("ooh.silent", "ed.clinician");
    List<JsonObject> mine = rows("?subject=" + nhs + "&principal=ooh.silent");
    assertThat(mine).hasSize(1);
    assertThat(rows("?subject=" + nhs + "&principal=cpis.admin"))
        .extracting(o -> o.getString("operation"))
        .contains("audit.search");

    assertThat(Rest.get(Spine.ADMIN, "/admin/audit?from=yesterday").status()).isEqualTo(400);
    assertThat(Rest.get(Spine.LEICS_ADMIN, "/admin/audit").status()).isEqualTo(403);
  }

  @Test
  @DisplayName("issue 9: the chain verifies; a row changed in the database breaks it at that row")
  void verifyAndTamper() throws Exception {
    Spine.query(Spine.CLINICIAN).query(byPerson(Children.sharedByLeicestershire(), ED_NURSE));
    JsonObject intact = verify();
    assertThat(intact.getBoolean("intact")).as(intact.toString()).isTrue();
    assertThat(intact.getJsonNumber("rowsChecked").longValue()).isPositive();

    assumeTrue(Postgres.serverOnPostgres(), Postgres.SKIPPED);
    long seq = last();
    try (Connection c = Postgres.connect()) {
      String original;
      try (PreparedStatement s =
          c.prepareStatement("select outcome from audit_entry where seq = ?")) {
        s.setLong(1, seq);
        try (ResultSet rs = s.executeQuery()) {
          assertThat(rs.next()).isTrue();
          original = rs.getString(1);
        }
      }
      setOutcome(c, seq, "NOT_FOUND (changed)");
      try {
        JsonObject broken = verify();
        assertThat(broken.getBoolean("intact")).isFalse();
        assertThat(broken.getJsonNumber("brokenAt").longValue()).isEqualTo(seq);
        assertThat(broken.getString("reason")).contains("changed");
      } finally {
        setOutcome(c, seq, original);
      }
    }
    assertThat(verify().getBoolean("intact")).isTrue();
  }

  @Test
  @DisplayName(
      "issue 9: the retention purge removes the rows older than cpis.audit.retention-days, oldest first, is audited, and the kept chain still verifies")
  void retention() throws Exception {
    assumeTrue(Postgres.serverOnPostgres(), Postgres.SKIPPED);
    Spine.query(Spine.CLINICIAN).query(byPerson(Children.sharedByLeicestershire(), ED_NURSE));
    try (Connection c = Postgres.connect()) {
      long first = number(c, "select min(seq) from audit_entry");
      long keepFrom = first + 2;
      // the two oldest rows as if written ten years ago (which breaks them: the time is hashed)
      try (PreparedStatement s =
          c.prepareStatement(
              "update audit_entry set at = at - interval '3660 days' where seq < ?")) {
        s.setLong(1, keepFrom);
        assertThat(s.executeUpdate()).isEqualTo(2);
      }
      assertThat(verify().getJsonNumber("brokenAt").longValue()).isEqualTo(first);

      Rest.Reply r = Rest.post(Spine.ADMIN, "/admin/audit/retention/run", null);

      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(((JsonObject) r.json()).getInt("removed")).isEqualTo(2);
      assertThat(number(c, "select min(seq) from audit_entry")).isEqualTo(keepFrom);
    }
    JsonObject v = verify();
    assertThat(v.getBoolean("intact")).as(v.toString()).isTrue();
    assertThat(rows("?principal=cpis.admin&size=5"))
        .extracting(o -> o.getString("operation"), o -> o.getString("outcome"))
        .contains(org.assertj.core.groups.Tuple.tuple("audit.purge", "DONE removed 2"));
  }

  private static long number(Connection c, String sql) throws Exception {
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      assertThat(rs.next()).isTrue();
      return rs.getLong(1);
    }
  }

  private static void setOutcome(Connection c, long seq, String outcome) throws Exception {
    try (PreparedStatement s =
        c.prepareStatement("update audit_entry set outcome = ? where seq = ?")) {
      s.setString(1, outcome);
      s.setLong(2, seq);
      assertThat(s.executeUpdate()).isEqualTo(1);
    }
  }

  /**
   * Sends a cpisquery as {@code user} (whatever it answers: the row's outcome says which); answers
   * the one row it left, checked as the ED nurse's query of {@code nhs} over SOAP.
   */
  static JsonObject queryRow(Spine.User user, QUPCIN000006GB01 query, String nhs) throws Exception {
    long before = last();
    try {
      Spine.query(user).query(query);
    } catch (CpisError answered) {
      // a refusal, or nothing found
    }
    JsonObject row = onlyRowSince(before);
    assertRow(row, "SOAP", "cpis.query", user.name(), "555000111222", "RWE", nhs);
    return row;
  }

  // -- the administrators' REST calls

  static void assertRow(
      JsonObject row,
      String channel,
      String operation,
      String principal,
      String claimedUser,
      String claimedOrg,
      String subject) {
    assertThat(row.getString("channel")).isEqualTo(channel);
    assertThat(row.getString("operation")).isEqualTo(operation);
    assertThat(row.getString("principal")).isEqualTo(principal);
    assertThat(text(row, "claimedUser")).isEqualTo(claimedUser);
    assertThat(text(row, "claimedOrganisation")).isEqualTo(claimedOrg);
    assertThat(text(row, "subject")).isEqualTo(subject);
    assertThat(row.getString("hash")).hasSize(64);
  }

  static String text(JsonObject o, String key) {
    return !o.containsKey(key) || o.isNull(key) ? null : o.getString(key);
  }

  static List<JsonObject> rows(String query) {
    Rest.Reply r = Rest.get(Spine.ADMIN, "/admin/audit" + query);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return ((JsonObject) r.json()).getJsonArray("rows").getValuesAs(JsonObject.class);
  }

  /** The sequence number of the newest row (the search for it then leaves one more). */
  static long last() {
    List<JsonObject> newest = rows("?size=1");
    return newest.isEmpty() ? 0 : newest.get(0).getJsonNumber("seq").longValue();
  }

  /**
   * The rows found by {@code query} written since {@code seq}, but the administrators' searches.
   */
  static List<JsonObject> rowsSince(long seq, String query) {
    return rows(query).stream()
        .filter(o -> o.getJsonNumber("seq").longValue() > seq)
        .filter(o -> !"audit.search".equals(o.getString("operation")))
        .toList();
  }

  /** The one row written since {@code seq}, leaving out the administrators' own searches. */
  static JsonObject onlyRowSince(long seq) {
    List<JsonObject> since = rowsSince(seq, "?size=200");
    assertThat(since).as("audit rows since " + seq).hasSize(1);
    return since.get(0);
  }

  static JsonObject verify() {
    Rest.Reply r = Rest.get(Spine.ADMIN, "/admin/audit/verify");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return (JsonObject) r.json();
  }
}

package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencpis.it.QueryMessages.ED_NURSE;
import static org.opencpis.it.QueryMessages.byPerson;
import static org.opencpis.it.UploadFiles.child;
import static org.opencpis.it.UploadFiles.file;
import static org.opencpis.it.UploadFiles.unregisteredChild;
import static org.opencpis.it.UploadFiles.unregisteredUnborn;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencpis.contract.hl7.PulledNotification;
import org.opencpis.contract.hl7.REPCMT000002GB01File;
import org.opencpis.contract.hl7.REPCMT000003GB01FileResponse;
import org.opencpis.contract.hl7.REPCMT000003GB01FileResponse.AcknowledgementRecord.AcknowledgementRecordDetail;

/** The hub's identity checks against the demographic store (R2, R4, R26a, R28), end to end. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DemographicsIT {

  static final String LEICESTER = "856";
  static final LocalDate DOB = LocalDate.of(2017, 8, 9);
  static final LocalDate START = TestData.monthsAgo(3);

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  @Test
  @DisplayName("R2 R26a: an NHS number the demographic store does not know is CPR01, not shared")
  void unknownNumber() throws Exception {
    String nhs = TestData.nhsNumber();
    REPCMT000003GB01FileResponse ack =
        Spine.upload(Spine.LEICESTER)
            .upload(
                file(
                    LEICESTER,
                    unregisteredChild("D-1", nhs, "Ada", "Vale", DOB, "CPP", START, null)));

    assertThat(UploadFiles.fileCode(ack).getCode()).isEqualTo("CPF04");
    AcknowledgementRecordDetail r = UploadFiles.records(ack).get(0);
    assertThat(r.getCode().getCode()).isEqualTo("CPR01");
    assertThat(UploadFiles.field(r)).isEqualTo("childSubject/id");
    assertThat(UploadFiles.detail(r)).contains("no demographic record").contains(nhs);
    UploadIT.assertNotShared(nhs);
  }

  @Test
  @DisplayName(
      "R2 R13 R26a: a name or date of birth that does not match is CPR03 naming the field; case and spaces do not matter; an unborn is checked against the mother")
  void mismatch() throws Exception {
    String child = TestData.nhsNumber();
    String mother = TestData.nhsNumber();
    LocalDate motherDob = LocalDate.of(1998, 2, 3);
    Demographics.register(child, "Amelia", "Hart", DOB);
    Demographics.register(mother, "Rose", "Hart", motherDob);

    REPCMT000003GB01FileResponse ack =
        Spine.upload(Spine.LEICESTER)
            .upload(
                file(
                    LEICESTER,
                    unregisteredChild("D-2", child, "Amelia", "Harte", DOB, "CPP", START, null),
                    unregisteredChild(
                        "D-2", child, "Amelia", "Hart", DOB.plusDays(1), "CPP", START, null),
                    unregisteredUnborn(
                        "D-3", mother, "Rose", "Hart", motherDob.minusYears(1), START),
                    unregisteredChild("D-2", child, "  amelia ", "HART", DOB, "CPP", START, null)));

    assertThat(UploadFiles.fileCode(ack).getCode()).isEqualTo("CPF03");
    List<AcknowledgementRecordDetail> acks = UploadFiles.records(ack);
    assertThat(acks)
        .extracting(a -> a.getCode().getCode(), UploadFiles::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("CPR03", "childSubject/name/family"),
            org.assertj.core.groups.Tuple.tuple("CPR03", "childSubject/birthTime"),
            org.assertj.core.groups.Tuple.tuple("CPR03", "unbornChildSubject/mother/birthTime"),
            org.assertj.core.groups.Tuple.tuple("CPR06", null));
    assertThat(UploadFiles.detail(acks.get(0)))
        .contains("the child's family name does not match")
        .doesNotContain("Harte");
    assertThat(UploadFiles.detail(acks.get(1)))
        .contains("the child's date of birth does not match");
    assertThat(UploadFiles.detail(acks.get(2)))
        .contains("the mother's date of birth does not match");
    assertThat(UploadIT.held(child)).hasSize(1);
    UploadIT.assertNotShared(mother);
  }

  @Test
  @DisplayName("R26a: a sensitive demographic record is CPR02 and never shared")
  void sensitive() throws Exception {
    String nhs = TestData.nhsNumber();
    Demographics.registerSensitive(nhs, "Bea", "Cole", DOB);

    REPCMT000003GB01FileResponse ack =
        Spine.upload(Spine.LEICESTER)
            .upload(
                file(
                    LEICESTER,
                    unregisteredChild("D-4", nhs, "Bea", "Cole", DOB, "CPP", START, null)));

    AcknowledgementRecordDetail r = UploadFiles.records(ack).get(0);
    assertThat(r.getCode().getCode()).isEqualTo("CPR02");
    assertThat(UploadFiles.detail(r)).contains("sensitive").contains("not shared");
    UploadIT.assertNotShared(nhs);
  }

  @Test
  @DisplayName(
      "R4 R26a: a superseded number is CPR05 with the current one, not shared under either, and the LA gets an Inactive NHS Number Notification (06)")
  void superseded() throws Exception {
    String old = TestData.nhsNumber();
    String current = TestData.nhsNumber();
    LocalDateTime from = LocalDateTime.now(TestData.LONDON).minusMinutes(1);
    Demographics.register(current, "Cal", "Dunn", DOB);
    Demographics.registerSuperseded(old, current, "Cal", "Dunn", DOB);

    REPCMT000003GB01FileResponse ack =
        Spine.upload(Spine.LEICESTER)
            .upload(
                file(
                    LEICESTER,
                    unregisteredChild("D-5", old, "Cal", "Dunn", DOB, "CPP", START, null)));

    AcknowledgementRecordDetail r = UploadFiles.records(ack).get(0);
    assertThat(r.getCode().getCode()).isEqualTo("CPR05");
    assertThat(UploadFiles.field(r)).isEqualTo("childSubject/id");
    assertThat(UploadFiles.detail(r)).contains(old + " is superseded by " + current);
    assertThat(UploadIT.held(old)).isEmpty();
    assertThat(UploadIT.held(current)).as("the LA fixes its record and resends").isEmpty();

    List<PulledNotification> inactive =
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    NotificationPullIT.forChild(
                            NotificationPullIT.pull(Spine.LEICESTER, LEICESTER, from, null),
                            current)
                        .stream()
                        .filter(n -> "06".equals(n.getMessageType().getCode()))
                        .toList(),
                l -> l.size() == 1);
    PulledNotification n = inactive.get(0);
    assertThat(n.getMessageType().getDisplayName()).isEqualTo("Inactive NHS Number Notification");
    assertThat(n.getInactiveNhsNumber().getOldId().getExtension()).isEqualTo(old);
    assertThat(n.getInactiveNhsNumber().getCurrentId().getExtension()).isEqualTo(current);
    assertThat(n.getLocalChildId().getExtension()).isEqualTo("D-5");
  }

  @Test
  @DisplayName(
      "R28 R26a: with the demographic service unavailable a file is CPF05, nothing applied and the sequence kept; the same file resent later is applied")
  void unavailableThenResubmitted() throws Exception {
    String nhs = TestData.nhsNumber();
    REPCMT000002GB01File f =
        file(LEICESTER, child("D-6", nhs, "Dee", "Eyre", DOB, "CPP", START, null));

    REPCMT000003GB01FileResponse refused;
    setAvailable(false);
    try {
      refused = Spine.upload(Spine.LEICESTER).upload(f);
    } finally {
      setAvailable(true);
    }

    assertThat(UploadFiles.fileCode(refused).getCode()).isEqualTo("CPF05");
    assertThat(UploadFiles.fileDetail(LEICESTER, refused))
        .contains("resubmit")
        .contains("same File/id");
    assertThat(UploadFiles.loaded(refused)).isZero();
    UploadIT.assertNotShared(nhs);

    REPCMT000003GB01FileResponse again = Spine.upload(Spine.LEICESTER).upload(f);
    assertThat(UploadFiles.fileCode(again).getCode()).isEqualTo("CPF02");
    assertThat(UploadFiles.records(again))
        .extracting(a -> a.getCode().getCode())
        .containsExactly("CPR06");
    assertThat(UploadIT.held(nhs)).hasSize(1);
    // and a repeat of the applied file is answered as applied, not as the CPF05 one
    assertThat(UploadFiles.fileCode(Spine.upload(Spine.LEICESTER).upload(f)).getCode())
        .isEqualTo("CPF02");
  }

  @Test
  @DisplayName(
      "R4 R20: a query by a superseded number finds the child under the current one; the access and the LA's notification carry the current number")
  void queryBySupersededNumber() throws Exception {
    String old = TestData.nhsNumber();
    String current = TestData.nhsNumber();
    LocalDateTime from = LocalDateTime.now(TestData.LONDON).minusMinutes(1);
    Spine.upload(Spine.LEICESTER)
        .upload(file(LEICESTER, child("D-7", current, "Eli", "Ford", DOB, "CPP", START, null)));
    Demographics.registerSuperseded(old, current, "Eli", "Ford", DOB);

    SpineAnswer result =
        SpineAnswer.of(Spine.query(Spine.CLINICIAN).query(byPerson(old, ED_NURSE)));

    assertThat(result.plans())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.type()).isEqualTo("CPP");
              assertThat(r.nhsNumber()).isEqualTo(current);
              assertThat(r.laOds()).isEqualTo(LEICESTER);
            });
    assertThat(accesses(current)).isEqualTo(1);
    assertThat(accesses(old)).isZero();

    List<PulledNotification> mine =
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    NotificationPullIT.forChild(
                        NotificationPullIT.pull(Spine.LEICESTER, LEICESTER, from, null), current),
                l -> l.size() == 1);
    assertThat(mine.get(0).getMessageType().getCode()).isEqualTo("05");
    assertThat(mine.get(0).getLocalChildId().getExtension()).isEqualTo("D-7");
    assertThat(
            NotificationPullIT.forChild(
                NotificationPullIT.pull(Spine.LEICESTER, LEICESTER, from, null), old))
        .isEmpty();
  }

  @Test
  @DisplayName(
      "R4: information shared under a number before it was superseded is found by the current number, and notified under it")
  void heldUnderTheOldNumber() throws Exception {
    String old = TestData.nhsNumber();
    String current = TestData.nhsNumber();
    LocalDateTime from = LocalDateTime.now(TestData.LONDON).minusMinutes(1);
    Spine.upload(Spine.MANCHESTER)
        .upload(file("352", child("M-D8", old, "Fay", "Gale", DOB, "CPP", START, null)));
    Demographics.register(current, "Fay", "Gale", DOB);
    Demographics.registerSuperseded(old, current, "Fay", "Gale", DOB);

    SpineAnswer result =
        SpineAnswer.of(Spine.query(Spine.CLINICIAN).query(byPerson(current, ED_NURSE)));

    assertThat(result.plans()).extracting(r -> r.laOds()).containsExactly("352");
    assertThat(result.plans()).extracting(r -> r.nhsNumber()).containsExactly(current);
    List<PulledNotification> manchester =
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    NotificationPullIT.forChild(
                        NotificationPullIT.pull(Spine.MANCHESTER, "352", from, null), current),
                l -> l.size() == 1);
    assertThat(manchester.get(0).getLocalChildId().getExtension()).isEqualTo("M-D8");
  }

  @Test
  @DisplayName(
      "R2 R4 R5: the administrator's CSV load adds, updates and keeps rows, refuses bad ones with the reason, and never stops at one")
  void adminLoad() {
    String a = TestData.nhsNumber();
    String b = TestData.nhsNumber();
    String c = TestData.nhsNumber();
    String bad = TestData.nhsNumberWithBadCheckDigit();
    String csv =
        String.join(
            "\n",
            "nhsNumber,givenName,familyName,birthDate,supersededBy,sensitive",
            a + ",Gil,Hope,2015-01-02,,false", // 2 added
            b + ",Hal,Ince,2016-03-04,,no", // 3 added
            bad + ",Ian,Jay,2016-03-04,,", // 4 rejected: check digit
            c + ",Ivy,,2016-03-04,,", // 5 rejected: no family name
            c + ",Ivy,Kemp,04/03/2016,,", // 6 rejected: date
            c + ",Ivy,Kemp,2016-03-04,", // 7 rejected: 5 columns
            c + ",Ivy,Kemp,2016-03-04,,maybe", // 8 rejected: sensitive flag
            a + ",Gil,Hope-Lane,2015-01-02,,false", // 9 updated
            b + ",Hal,Ince,2016-03-04,,no", // 10 unchanged
            c + ",Ivy,Kemp,2016-03-04," + a + ",", // 11 added, superseded by a
            a + ",Gil,Hope-Lane,2015-01-02," + c + ",false", // 12 rejected: a loop
            "");

    Rest.Reply r = Demographics.loadReply(csv);

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonObject report = (JsonObject) r.json();
    assertThat(report.getInt("added")).isEqualTo(3);
    assertThat(report.getInt("updated")).isEqualTo(1);
    assertThat(report.getInt("unchanged")).isEqualTo(1);
    assertThat(report.getInt("rejected")).isEqualTo(6);
    JsonArray rows = report.getJsonArray("rows");
    assertThat(rows.getValuesAs(JsonObject.class))
        .extracting(o -> o.getInt("line"))
        .containsExactly(4, 5, 6, 7, 8, 12);
    assertThat(rows.getJsonObject(0).getString("reason")).contains("modulus 11");
    assertThat(rows.getJsonObject(1).getString("reason")).isEqualTo("familyName is missing");
    assertThat(rows.getJsonObject(2).getString("reason")).contains("birthDate '04/03/2016'");
    assertThat(rows.getJsonObject(3).getString("reason")).contains("expected 6 columns");
    assertThat(rows.getJsonObject(4).getString("reason")).contains("sensitive 'maybe'");
    assertThat(rows.getJsonObject(5).getString("reason")).contains("loop");

    JsonObject held = (JsonObject) Rest.get(Spine.ADMIN, "/admin/demographics/" + a).json();
    assertThat(held.getString("familyName")).isEqualTo("Hope-Lane");
    JsonObject superseded = (JsonObject) Rest.get(Spine.ADMIN, "/admin/demographics/" + c).json();
    assertThat(superseded.getString("currentNhsNumber")).isEqualTo(a);
    assertThat(Rest.get(Spine.ADMIN, "/admin/demographics/" + TestData.nhsNumber()).status())
        .isEqualTo(404);
    assertThat(Rest.post(Spine.LEICESTERSHIRE, "/admin/demographics", "text/csv", csv).status())
        .isEqualTo(403);
  }

  @Test
  @DisplayName(
      "R2 R4: the development store is seeded with at least 10,000 people, some superseded, some sensitive, and the README's example person")
  void seeded() {
    JsonObject summary = (JsonObject) Rest.get(Spine.ADMIN, "/admin/demographics").json();
    assertThat(summary.getJsonNumber("records").longValue()).isGreaterThanOrEqualTo(10_000);
    assertThat(summary.getJsonNumber("superseded").longValue()).isGreaterThan(100);
    assertThat(summary.getJsonNumber("sensitive").longValue()).isGreaterThan(50);
    JsonObject example =
        (JsonObject) Rest.get(Spine.ADMIN, "/admin/demographics/9990001006").json();
    assertThat(example.getString("familyName")).isEqualTo("Hart");
    assertThat(example.getString("birthDate")).isEqualTo("2019-04-02");
  }

  static long accesses(String nhs) {
    Rest.Reply r = Rest.get(Spine.ADMIN, "/admin/register/" + nhs + "/accesses");
    assertThat(r.status()).isEqualTo(200);
    return ((JsonObject) r.json()).getJsonNumber("accesses").longValue();
  }

  /**
   * Switches the demographic service off or on as an administrator would, through the server's
   * management interface (the system property of 36-demographics.cli).
   */
  static void setAvailable(boolean available) throws Exception {
    int port = Integer.parseInt(System.getProperty("it.management.port", "10090"));
    try (ModelControllerClient client =
        ModelControllerClient.Factory.create("remote+http", "localhost", port)) {
      ModelNode op = new ModelNode();
      op.get("operation").set("write-attribute");
      op.get("address").add("system-property", "cpis.demographics.available");
      op.get("name").set("value");
      op.get("value").set(Boolean.toString(available));
      ModelNode result = client.execute(op);
      assertThat(result.get("outcome").asString()).as(result.toString()).isEqualTo("success");
    }
  }
}

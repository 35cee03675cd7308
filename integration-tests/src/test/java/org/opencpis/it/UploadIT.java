package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.opencpis.it.QueryMessages.ED_NURSE;
import static org.opencpis.it.QueryMessages.byPerson;
import static org.opencpis.it.UploadFiles.child;
import static org.opencpis.it.UploadFiles.file;
import static org.opencpis.it.UploadFiles.lac;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencpis.contract.hl7.CPISNHSQueryAnswer;
import org.opencpis.contract.hl7.REPCMT000002GB01File;
import org.opencpis.contract.hl7.REPCMT000002GB01Record;
import org.opencpis.contract.hl7.REPCMT000003GB01FileResponse;
import org.opencpis.contract.hl7.REPCMT000003GB01FileResponse.AcknowledgementRecord.AcknowledgementRecordDetail;
import org.opencpis.contract.upload.CpisError;
import org.opencpis.contract.upload.CpisUploadPortType;

/** cpisupload through a real CXF client: answer codes, idempotence, ordering, refusals. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UploadIT {

  static final String LEICS = "855";
  static final LocalDate DOB = LocalDate.of(2019, 4, 2);
  static final LocalDate START = TestData.monthsAgo(3);

  // the council's system, naming its ASID in the SOAP header as on Spine
  final CpisUploadPortType leicestershire =
      Spine.senderAsid(Spine.upload(Spine.LEICESTERSHIRE), "200000000" + LEICS);

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  @Test
  @DisplayName("R26a R1 R6: a mixed file is answered CPF03, with CPR06, CPR04 and CPR07 per record")
  void mixedFile() throws Exception {
    String good = TestData.nhsNumber();
    String badCheck = TestData.nhsNumberWithBadCheckDigit();
    String unknownType = TestData.nhsNumber();
    REPCMT000003GB01FileResponse ack =
        leicestershire.upload(
            file(
                LEICS,
                child("L-1001", good, "Amelia", "Hart", DOB, "CPP", START, null),
                child("L-1002", badCheck, "Ben", "Hart", DOB, "CPP", START, null),
                child("L-1003", unknownType, "Cara", "Hart", DOB, "XYZ", START, null)));

    assertThat(UploadFiles.fileCode(ack).getCode()).isEqualTo("CPF03");
    assertThat(UploadFiles.loaded(ack)).isEqualTo(1);
    assertThat(UploadFiles.rejected(ack)).isEqualTo(2);
    assertThat(UploadFiles.records(ack)).hasSize(3);
    AcknowledgementRecordDetail first = UploadFiles.records(ack).get(0);
    AcknowledgementRecordDetail second = UploadFiles.records(ack).get(1);
    AcknowledgementRecordDetail third = UploadFiles.records(ack).get(2);
    assertThat(first.getCode().getCode()).isEqualTo("CPR06");
    assertThat(first.getLocation()).isEqualTo("1");
    assertThat(UploadFiles.localChildId(ack, 1)).isEqualTo("L-1001");
    assertThat(second.getCode().getCode()).isEqualTo("CPR04");
    assertThat(UploadFiles.field(second)).isEqualTo("childSubject/id");
    assertThat(UploadFiles.detail(second)).contains(badCheck).contains("modulus 11");
    assertThat(third.getCode().getCode()).isEqualTo("CPR07");
    assertThat(UploadFiles.field(third)).isEqualTo("CP-ISRecord/pertinentInformation");
    assertThat(UploadFiles.detail(third))
        .contains("no plan")
        .contains("CPPInformation")
        .contains("LACInformation")
        .contains("UCPInformation");

    // the good record is shared; the refused ones are not (R1: an invalid number is never stored)
    CPISNHSQueryAnswer answer = Spine.query(Spine.CLINICIAN).query(byPerson(good, ED_NURSE));
    assertThat(SpineAnswer.of(answer).plans())
        .singleElement()
        .satisfies(r -> assertThat(r.type()).isEqualTo("CPP"));
    assertNotShared(unknownType);
  }

  @Test
  @DisplayName("R26a: all good is CPF02, all bad is CPF04")
  void allOrNothing() throws Exception {
    REPCMT000003GB01FileResponse all =
        leicestershire.upload(
            file(
                LEICS,
                child("L-2001", TestData.nhsNumber(), "Dan", "Ives", DOB, "CPP", START, null),
                child("L-2002", TestData.nhsNumber(), "Eve", "Ives", DOB, "CPP", START, null)));
    assertThat(UploadFiles.fileCode(all).getCode()).isEqualTo("CPF02");
    assertThat(UploadFiles.loaded(all)).isEqualTo(2);

    REPCMT000003GB01FileResponse none =
        leicestershire.upload(
            file(
                LEICS,
                child("L-2003", "12345", "Fay", "Ives", DOB, "CPP", START, null),
                child(
                    "L-2004",
                    TestData.nhsNumber(),
                    "Gus",
                    "Ives",
                    DOB,
                    "CPP",
                    START,
                    START.minusDays(1))));
    assertThat(UploadFiles.fileCode(none).getCode()).isEqualTo("CPF04");
    assertThat(UploadFiles.records(none))
        .extracting(a -> a.getCode().getCode())
        .containsExactly("CPR04", "CPR07");
    assertThat(UploadFiles.field(UploadFiles.records(none).get(1)))
        .isEqualTo("information/effectiveTime/high");
  }

  @Test
  @DisplayName("R26a: a record count that does not match is CPF01 (corrupt) and loads nothing")
  void recordCountMismatch() throws Exception {
    String nhs = TestData.nhsNumber();
    REPCMT000002GB01File f =
        file(LEICS, child("L-3001", nhs, "Hal", "Jones", DOB, "CPP", START, null));
    f.getTransmissionQuantity().setValue(2);

    REPCMT000003GB01FileResponse ack = leicestershire.upload(f);

    assertThat(UploadFiles.fileCode(ack).getCode()).isEqualTo("CPF01");
    assertThat(UploadFiles.fileDetail(LEICS, ack))
        .contains("recordCount says 2")
        .contains("holds 1");
    assertThat(UploadFiles.loaded(ack)).isZero();
    assertNotShared(nhs);
  }

  @Test
  @DisplayName("R26a: a malformed date is CPR07 naming the field, the rest of the file still loads")
  void malformedDate() throws Exception {
    String good = TestData.nhsNumber();
    REPCMT000002GB01Record bad =
        child("L-4002", TestData.nhsNumber(), "Ivy", "King", DOB, "CPP", START, null);
    UploadFiles.withRawStartDate(bad, "202613450000");

    REPCMT000003GB01FileResponse ack =
        leicestershire.upload(
            file(LEICS, child("L-4001", good, "Jay", "King", DOB, "CPP", START, null), bad));

    assertThat(UploadFiles.fileCode(ack).getCode()).isEqualTo("CPF03");
    AcknowledgementRecordDetail refused = UploadFiles.records(ack).get(1);
    assertThat(refused.getCode().getCode()).isEqualTo("CPR07");
    assertThat(UploadFiles.field(refused)).isEqualTo("information/effectiveTime/low");
    assertThat(UploadFiles.detail(refused)).contains("'202613450000' is not a date");
  }

  @Test
  @DisplayName(
      "R7 (relaxed for the national shape): a LAC record's legal status is optional; one it names"
          + " must be s31/s38/s20, and health never sees the legal basis")
  void lookedAfterLegalStatus() throws Exception {
    String s31 = TestData.nhsNumber();
    String placementOrder = TestData.nhsNumber();
    String national = TestData.nhsNumber();
    REPCMT000003GB01FileResponse ack =
        leicestershire.upload(
            file(
                LEICS,
                lac("L-5001", s31, "Kai", "Lowe", DOB, "s31", START),
                lac("L-5002", placementOrder, "Lia", "Lowe", DOB, "placement order", START),
                // the national LACInformation has no legal status at all
                child("L-5003", national, "Max", "Lowe", DOB, "LAC", START, null)));

    assertThat(UploadFiles.fileCode(ack).getCode()).isEqualTo("CPF03");
    assertThat(UploadFiles.records(ack))
        .extracting(r -> r.getCode().getCode())
        .containsExactly("CPR06", "CPR07", "CPR06");
    assertThat(held(national)).hasSize(1);
    assertThat(UploadFiles.records(ack).get(1).getCode().getCode()).isEqualTo("CPR07");
    assertThat(UploadFiles.field(UploadFiles.records(ack).get(1)))
        .isEqualTo("information/legalStatus");
    assertThat(UploadFiles.detail(UploadFiles.records(ack).get(1)))
        .contains("only s31, s38 and s20");
    assertNotShared(placementOrder);

    var clinician = Spine.query(Spine.CLINICIAN);
    Spine.RawAnswers raw = Spine.rawAnswers(clinician);
    CPISNHSQueryAnswer answer = clinician.query(byPerson(s31, ED_NURSE));
    var result = SpineAnswer.of(answer);
    assertThat(result.plans())
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.type()).isEqualTo("LAC");
              assertThat(record.start()).isEqualTo(TestData.hl7(START));
              assertThat(record.end()).isNull();
              assertThat(record.laOds()).isEqualTo(LEICS);
            });
    // nothing in the answer as it came over the wire carries the legal basis: no field for it,
    // no value of it
    var records = Xml.elements(Xml.parse(raw.last()), "record");
    assertThat(records).hasSize(1);
    assertThat(Xml.elementNames(records.get(0)))
        .contains("communicationFunctionSnd", "COCT_TP146103GB01.LACInformation", "lACStartDate")
        .noneMatch(n -> n.toLowerCase(java.util.Locale.ROOT).contains("legal"));
    assertThat(raw.last())
        .contains("LAC")
        .doesNotContainIgnoringCase("s31")
        .doesNotContainIgnoringCase("section 31")
        .doesNotContainIgnoringCase("care order")
        .doesNotContainIgnoringCase("legalStatus");
  }

  @Test
  @DisplayName(
      "R9: the same file twice gets the same answer and changes nothing; an end date is a change")
  void idempotentAndOrdered() throws Exception {
    String nhs = TestData.nhsNumber();
    int seq = TestData.nextFileSequence(LEICS);
    REPCMT000002GB01File f =
        file(LEICS, seq, child("L-6001", nhs, "Mia", "Ng", DOB, "CPP", START, null));

    REPCMT000003GB01FileResponse first = leicestershire.upload(f);
    REPCMT000003GB01FileResponse again = leicestershire.upload(f);
    // the same content in a new message (new message id) is the same file too
    REPCMT000003GB01FileResponse resent =
        leicestershire.upload(
            file(LEICS, seq, child("L-6001", nhs, "Mia", "Ng", DOB, "CPP", START, null)));

    assertThat(List.of(first, again, resent))
        .allSatisfy(
            a -> {
              assertThat(UploadFiles.fileCode(a).getCode()).isEqualTo("CPF02");
              assertThat(a.getId().getExtension()).isEqualTo(String.format("%06d", seq));
              assertThat(UploadFiles.records(a))
                  .extracting(r -> r.getCode().getCode())
                  .containsExactly("CPR06");
            });
    assertThat(held(nhs)).hasSize(1);
    assertThat(TestData.nextFileSequence(LEICS)).as("a repeat takes no number").isEqualTo(seq + 1);

    LocalDate end = TestData.today().minusDays(3);
    REPCMT000003GB01FileResponse ended =
        leicestershire.upload(
            file(LEICS, child("L-6001", nhs, "Mia", "Ng", DOB, "CPP", START.minusMonths(6), end)));
    assertThat(UploadFiles.fileCode(ended).getCode()).isEqualTo("CPF02");
    JsonArray held = held(nhs);
    assertThat(held).hasSize(1);
    assertThat(held.getJsonObject(0).getString("endDate")).isEqualTo(end.toString());

    // the first file arriving again after the newer one is still its first answer, and
    // changes nothing: the newer information stays
    assertThat(UploadFiles.fileCode(leicestershire.upload(f)).getCode()).isEqualTo("CPF02");
    assertThat(held(nhs).getJsonObject(0).getString("endDate")).isEqualTo(end.toString());
  }

  @Test
  @DisplayName(
      "R9 R28: other content under a number already taken is refused naming the field, and changes nothing; the first file again still gets its answer")
  void reusedSequenceWithOtherContent() throws Exception {
    String nhs = TestData.nhsNumber();
    String other = TestData.nhsNumber();
    int seq = TestData.nextFileSequence(LEICS);
    REPCMT000002GB01File f =
        file(LEICS, seq, child("L-6101", nhs, "Ola", "Birch", DOB, "CPP", START, null));
    REPCMT000003GB01FileResponse first = leicestershire.upload(f);
    assertThat(UploadFiles.fileCode(first).getCode()).isEqualTo("CPF02");

    LocalDate end = TestData.today().minusDays(1);
    CpisError reused =
        catchThrowableOfType(
            CpisError.class,
            () ->
                leicestershire.upload(
                    file(
                        LEICS,
                        seq,
                        child("L-6101", nhs, "Ola", "Birch", DOB, "CPP", START, end),
                        child("L-6102", other, "Pam", "Birch", DOB, "CPP", START, null))));

    assertThat(reused).as("a reused fileSequenceId is refused").isNotNull();
    assertThat(reused.getFaultInfo().getCode()).isEqualTo("FILE_SEQUENCE_REUSED");
    assertThat(reused.getFaultInfo().getField()).isEqualTo("File/id");
    assertThat(reused.getFaultInfo().getMessage())
        .contains("file " + seq + " of Leicestershire County Council (855) was already answered")
        .contains("different content")
        .contains("nothing of this file was loaded")
        .contains("send this content as file " + (seq + 1));
    // nothing of the refused file reached the register
    assertThat(endDate(held(nhs).getJsonObject(0))).as("still open").isNull();
    assertThat(held(other)).isEmpty();
    assertNotShared(other);

    REPCMT000003GB01FileResponse again = leicestershire.upload(f);
    assertThat(UploadFiles.fileCode(again).getCode()).isEqualTo("CPF02");
    assertThat(UploadFiles.records(again))
        .extracting(a -> a.getLocation(), a -> a.getCode().getCode())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("1", "CPR06"));
    assertThat(UploadFiles.localChildId(again, 1)).isEqualTo("L-6101");
    assertThat(TestData.nextFileSequence(LEICS)).isEqualTo(seq + 1);
  }

  @Test
  @DisplayName(
      "R9: each file must be exactly the next one: a gap is refused with the number expected, and nothing of the file is loaded")
  void gapRefused() throws Exception {
    String nhs = TestData.nhsNumber();
    int next = TestData.nextFileSequence(LEICS);
    CpisError gap =
        catchThrowableOfType(
            CpisError.class,
            () ->
                leicestershire.upload(
                    file(
                        LEICS,
                        next + 1,
                        child("L-6201", nhs, "Quin", "Dale", DOB, "CPP", START, null))));
    assertThat(gap).isNotNull();
    assertThat(gap.getFaultInfo().getCode()).isEqualTo("FILE_OUT_OF_SEQUENCE");
    assertThat(gap.getFaultInfo().getField()).isEqualTo("File/id");
    assertThat(gap.getFaultInfo().getMessage())
        .contains("file " + (next + 1) + " is not the next file of Leicestershire County Council")
        .contains("send file " + next + " first");
    assertNotShared(nhs);
    assertThat(TestData.nextFileSequence(LEICS)).isEqualTo(next);
  }

  @Test
  @DisplayName(
      "Security: the sequence is the authenticated council's, not the sending system's: a chosen ASID and a huge number move nothing, and the council workflow's files still go through")
  void sequenceBelongsToTheCouncil() throws Exception {
    int next = TestData.nextFileSequence(LEICS);
    JsonObject before = uploads(LEICS);
    String nhs = TestData.nhsNumber();
    for (String asid : List.of("OPENCPIS-CASEWORK", "200000000999", "COUNCIL_WORKFLOW")) {
      REPCMT000002GB01File huge =
          file(LEICS, 2_000_000_000, child("L-6301", nhs, "Rex", "Vale", DOB, "CPP", START, null));
      Spine.senderAsid(leicestershire, asid);
      CpisError refused = catchThrowableOfType(CpisError.class, () -> leicestershire.upload(huge));
      assertThat(refused).as("file 2,000,000,000 from ASID %s", asid).isNotNull();
      assertThat(refused.getFaultInfo().getCode()).isEqualTo("FILE_OUT_OF_SEQUENCE");
      assertThat(refused.getFaultInfo().getMessage()).contains("the next is " + next);
    }
    JsonObject refusedAll = uploads(LEICS);
    assertThat(stream(refusedAll, "CPISUPLOAD")).isEqualTo(stream(before, "CPISUPLOAD"));
    assertThat(refusedAll.getJsonArray("streams").getValuesAs(JsonObject.class))
        .as("no stream of a sending system, none moved to the number asked")
        .extracting(s -> s.getString("channel"))
        .doesNotHaveDuplicates()
        .isSubsetOf("CPISUPLOAD", "COUNCIL_WORKFLOW");
    assertThat(refusedAll.getJsonArray("streams").getValuesAs(JsonObject.class))
        .allSatisfy(s -> assertThat(s.getInt("lastFileSequenceId")).isLessThan(1_000_000));

    // one stream for the council whatever the ASID: another system's file under the same number
    // is the same file, not the first of a new stream
    REPCMT000002GB01File f =
        file(LEICS, next, child("L-6301", nhs, "Rex", "Vale", DOB, "CPP", START, null));
    Spine.senderAsid(leicestershire, "200000000111");
    assertThat(UploadFiles.fileCode(leicestershire.upload(f)).getCode()).isEqualTo("CPF02");
    Spine.senderAsid(leicestershire, "200000000222");
    assertThat(UploadFiles.fileCode(leicestershire.upload(f)).getCode()).isEqualTo("CPF02");
    REPCMT000002GB01File older =
        file(
            LEICS,
            next,
            child("L-6301", nhs, "Rex", "Vale", DOB, "CPP", START.minusYears(1), null));
    Spine.senderAsid(leicestershire, "200000000333");
    assertThat(catchThrowableOfType(CpisError.class, () -> leicestershire.upload(older)))
        .satisfies(e -> assertThat(e.getFaultInfo().getCode()).isEqualTo("FILE_SEQUENCE_REUSED"));
    assertThat(held(nhs).getJsonObject(0).getString("startDate")).isEqualTo(START.toString());

    // the council workflow (its own stream) is untouched and still shares
    String child = TestData.nhsNumber();
    long id = Council.addChild(Spine.LEICS_SW, "SEQ-" + child, child, "Sol", "Vale", DOB);
    CouncilRecordsIT.addPlan(
        id, "CHILD_PROTECTION_PLAN", null, TestData.today().minusDays(5), null);
    CouncilRecordsIT.awaitStatus(id, "SHARED");
    JsonObject after = uploads(LEICS);
    assertThat(stream(after, "CPISUPLOAD").getInt("lastFileSequenceId")).isEqualTo(next);
    int workflowBefore =
        stream(before, "COUNCIL_WORKFLOW") == null
            ? 0
            : stream(before, "COUNCIL_WORKFLOW").getInt("lastFileSequenceId");
    assertThat(stream(after, "COUNCIL_WORKFLOW").getInt("lastFileSequenceId"))
        .isGreaterThan(workflowBefore)
        .isLessThan(1_000_000);
    assertThat(after.getJsonArray("submissions").getJsonObject(0).getString("channel"))
        .isEqualTo("COUNCIL_WORKFLOW");
  }

  @Test
  @DisplayName(
      "R28: a file that fails validation is kept with its failure, not dropped: corrupt (CPF01), all refused (CPF04) and partly refused (CPF03), each record's code and field")
  void failedFilesAreKept() throws Exception {
    int seq = TestData.nextFileSequence(LEICS);
    String nhs = TestData.nhsNumber();
    String badCheck = TestData.nhsNumberWithBadCheckDigit();
    REPCMT000002GB01File corrupt =
        file(LEICS, seq, child("L-8001", nhs, "Uma", "Frost", DOB, "CPP", START, null));
    corrupt.getTransmissionQuantity().setValue(3);
    assertThat(UploadFiles.fileCode(leicestershire.upload(corrupt)).getCode()).isEqualTo("CPF01");

    REPCMT000003GB01FileResponse none =
        leicestershire.upload(
            file(
                LEICS,
                seq,
                child("L-8002", badCheck, "Uma", "Frost", DOB, "CPP", START, null),
                child("L-8003", nhs, "Uma", "Frost", DOB, "XYZ", START, null)));
    assertThat(UploadFiles.fileCode(none).getCode()).isEqualTo("CPF04");
    REPCMT000003GB01FileResponse some =
        leicestershire.upload(
            file(
                LEICS,
                child("L-8001", nhs, "Uma", "Frost", DOB, "CPP", START, null),
                child("L-8002", badCheck, "Uma", "Frost", DOB, "CPP", START, null)));
    assertThat(UploadFiles.fileCode(some).getCode()).isEqualTo("CPF03");

    List<JsonObject> first = submissions(seq);
    assertThat(first)
        .as("file %s: the corrupt one and the one all refused, newest first", seq)
        .extracting(f -> f.getString("fileCode"))
        .containsExactly("CPF04", "CPF01");
    JsonObject keptCorrupt = first.get(1);
    assertThat(keptCorrupt.getString("channel")).isEqualTo("CPISUPLOAD");
    assertThat(keptCorrupt.getString("detail")).contains("recordCount says 3").contains("holds 1");
    assertThat(keptCorrupt.getInt("declaredRecordCount")).isEqualTo(3);
    assertThat(keptCorrupt.getInt("receivedRecordCount")).isEqualTo(1);
    assertThat(keptCorrupt.getString("sendingAsid")).isEqualTo("200000000" + LEICS);
    assertThat(keptCorrupt.getString("contentDigest")).matches("[0-9a-f]{64}");
    assertThat(first.get(0).getJsonArray("records").getValuesAs(JsonObject.class))
        .extracting(
            r -> r.getInt("sequenceNumber"),
            r -> r.getString("localChildId"),
            r -> r.getString("code"),
            r -> r.getString("field"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "L-8002", "CPR04", "childSubject/id"),
            org.assertj.core.groups.Tuple.tuple(
                2, "L-8003", "CPR07", "CP-ISRecord/pertinentInformation"));
    assertThat(first.get(0).getJsonArray("records").getJsonObject(0).getString("detail"))
        .contains("modulus 11");

    List<JsonObject> second = submissions(seq + 1);
    assertThat(second)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.getString("fileCode")).isEqualTo("CPF03");
              assertThat(f.getInt("loaded")).isEqualTo(1);
              assertThat(f.getInt("rejected")).isEqualTo(1);
              assertThat(f.getJsonArray("records").getValuesAs(JsonObject.class))
                  .extracting(r -> r.getString("code"))
                  .containsExactly("CPR06", "CPR04");
            });
  }

  @Test
  @DisplayName(
      "Security: an upload is accepted only from the caller's own LA, and only from an uploader")
  void refusals() {
    String nhs = TestData.nhsNumber();
    CpisError notYourLa =
        catchThrowableOfType(
            CpisError.class,
            () ->
                Spine.upload(Spine.MANCHESTER)
                    .upload(
                        file(LEICS, child("L-7001", nhs, "Ned", "Orr", DOB, "CPP", START, null))));
    assertThat(notYourLa.getFaultInfo().getCode()).isEqualTo("ACCESS_DENIED");
    assertThat(notYourLa.getFaultInfo().getMessage())
        .contains("manchester.upload")
        .contains("855")
        .contains("Leicestershire County Council");

    CpisError clinician =
        catchThrowableOfType(
            CpisError.class,
            () ->
                Spine.upload(Spine.CLINICIAN)
                    .upload(
                        file(LEICS, child("L-7002", nhs, "Ned", "Orr", DOB, "CPP", START, null))));
    assertThat(clinician.getFaultInfo().getCode()).isEqualTo("ACCESS_DENIED");

    CpisError unknown =
        catchThrowableOfType(
            CpisError.class,
            () ->
                leicestershire.upload(
                    file("XYZ", child("L-7003", nhs, "Ned", "Orr", DOB, "CPP", START, null))));
    assertThat(unknown.getFaultInfo().getCode()).isEqualTo("UNKNOWN_SENDER");
    assertNotShared(nhs);
  }

  /** Leicestershire's kept cpisupload files with this sequence id, newest first. */
  static List<JsonObject> submissions(int seq) {
    Rest.Reply r =
        Rest.get(
            Spine.ADMIN, "/admin/uploads/" + LEICS + "?channel=CPISUPLOAD&fileSequenceId=" + seq);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return ((JsonObject) r.json()).getJsonArray("submissions").getValuesAs(JsonObject.class);
  }

  /** The administrators' view of an LA's streams and kept files. */
  static JsonObject uploads(String la) {
    Rest.Reply r = Rest.get(Spine.ADMIN, "/admin/uploads/" + la);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return (JsonObject) r.json();
  }

  static JsonObject stream(JsonObject uploads, String channel) {
    return uploads.getJsonArray("streams").getValuesAs(JsonObject.class).stream()
        .filter(s -> channel.equals(s.getString("channel")))
        .findFirst()
        .orElse(null);
  }

  /** A held record's end date, null when it has none. */
  static String endDate(JsonObject held) {
    return held.containsKey("endDate") && !held.isNull("endDate")
        ? held.getString("endDate")
        : null;
  }

  static JsonArray held(String nhs) {
    Rest.Reply r = Rest.get(Spine.ADMIN, "/admin/register/" + nhs);
    assertThat(r.status()).isEqualTo(200);
    return (JsonArray) r.json();
  }

  static void assertNotShared(String nhs) {
    SpineAnswer nf;
    try {
      nf = SpineAnswer.of(Spine.query(Spine.CLINICIAN).query(byPerson(nhs, ED_NURSE)));
    } catch (org.opencpis.contract.query.CpisError e) {
      throw new AssertionError("the query was refused: " + e.getFaultInfo().getCode(), e);
    }
    assertThat(nf.found()).as("no records are shared for %s", nhs).isFalse();
    assertThat(nf.responseCode()).isEqualTo("NF");
  }
}

package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.opencpis.it.QueryMessages.ED_NURSE;
import static org.opencpis.it.QueryMessages.byPerson;
import static org.opencpis.it.UploadFiles.child;
import static org.opencpis.it.UploadFiles.file;
import static org.opencpis.it.UploadFiles.lac;

import jakarta.json.JsonArray;
import java.time.LocalDate;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencpis.contract.hl7.REPCIN000007GB01;
import org.opencpis.contract.hl7.REPCMT000002GB01;
import org.opencpis.contract.hl7.REPCMT000003GB01;
import org.opencpis.contract.hl7.RecordAck;
import org.opencpis.contract.hl7.UploadRecord;
import org.opencpis.contract.query.QUQIIN010000UK14;
import org.opencpis.contract.upload.CpisError;
import org.opencpis.contract.upload.CpisUploadPortType;

/** cpisupload through a real CXF client: answer codes, idempotence, ordering, refusals. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UploadIT {

  static final String LEICS = "855";
  static final LocalDate DOB = LocalDate.of(2019, 4, 2);
  static final LocalDate START = LocalDate.of(2026, 9, 1);

  final CpisUploadPortType leicestershire = Spine.upload(Spine.LEICESTERSHIRE);

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
    REPCMT000003GB01 ack =
        leicestershire.upload(
            file(
                LEICS,
                child("L-1001", good, "Amelia", "Hart", DOB, "CPP", START, null),
                child("L-1002", badCheck, "Ben", "Hart", DOB, "CPP", START, null),
                child("L-1003", unknownType, "Cara", "Hart", DOB, "XYZ", START, null)));

    assertThat(ack.getInteractionId().getExtension()).isEqualTo("REPC_MT000003GB01");
    assertThat(ack.getFileResponseCode().getCode()).isEqualTo("CPF03");
    assertThat(ack.getRecordsLoaded().getValue()).isEqualTo(1);
    assertThat(ack.getRecordsRejected().getValue()).isEqualTo(2);
    assertThat(ack.getRecordAck()).hasSize(3);
    RecordAck first = ack.getRecordAck().get(0);
    RecordAck second = ack.getRecordAck().get(1);
    RecordAck third = ack.getRecordAck().get(2);
    assertThat(first.getResponseCode().getCode()).isEqualTo("CPR06");
    assertThat(first.getLocalChildId().getExtension()).isEqualTo("L-1001");
    assertThat(second.getResponseCode().getCode()).isEqualTo("CPR04");
    assertThat(second.getField()).isEqualTo("childSubject/id");
    assertThat(second.getDetail()).contains(badCheck).contains("modulus 11");
    assertThat(third.getResponseCode().getCode()).isEqualTo("CPR07");
    assertThat(third.getField()).isEqualTo("information/code");
    assertThat(third.getDetail()).contains("'XYZ'").contains("CPP, LAC or UCP");

    // the good record is shared; the refused ones are not (R1: an invalid number is never stored)
    REPCIN000007GB01 answer = Spine.query(Spine.CLINICIAN).query(byPerson(good, ED_NURSE));
    assertThat(answer.getControlActEvent().getSubject().getCpisResult().getChildRecord())
        .singleElement()
        .satisfies(r -> assertThat(r.getPlanType().getCode()).isEqualTo("CPP"));
    assertNotShared(unknownType);
  }

  @Test
  @DisplayName("R26a: all good is CPF02, all bad is CPF04")
  void allOrNothing() throws Exception {
    REPCMT000003GB01 all =
        leicestershire.upload(
            file(
                LEICS,
                child("L-2001", TestData.nhsNumber(), "Dan", "Ives", DOB, "CPP", START, null),
                child("L-2002", TestData.nhsNumber(), "Eve", "Ives", DOB, "CPP", START, null)));
    assertThat(all.getFileResponseCode().getCode()).isEqualTo("CPF02");
    assertThat(all.getRecordsLoaded().getValue()).isEqualTo(2);

    REPCMT000003GB01 none =
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
    assertThat(none.getFileResponseCode().getCode()).isEqualTo("CPF04");
    assertThat(none.getRecordAck())
        .extracting(a -> a.getResponseCode().getCode())
        .containsExactly("CPR04", "CPR07");
    assertThat(none.getRecordAck().get(1).getField()).isEqualTo("information/effectiveTime/high");
  }

  @Test
  @DisplayName("R26a: a record count that does not match is CPF01 (corrupt) and loads nothing")
  void recordCountMismatch() throws Exception {
    String nhs = TestData.nhsNumber();
    REPCMT000002GB01 f = file(LEICS, child("L-3001", nhs, "Hal", "Jones", DOB, "CPP", START, null));
    f.getHeader().getRecordCount().setValue(2);

    REPCMT000003GB01 ack = leicestershire.upload(f);

    assertThat(ack.getFileResponseCode().getCode()).isEqualTo("CPF01");
    assertThat(ack.getDetail()).contains("recordCount says 2").contains("holds 1");
    assertThat(ack.getRecordsLoaded().getValue()).isZero();
    assertNotShared(nhs);
  }

  @Test
  @DisplayName("R26a: a malformed date is CPR07 naming the field, the rest of the file still loads")
  void malformedDate() throws Exception {
    String good = TestData.nhsNumber();
    UploadRecord bad =
        child("L-4002", TestData.nhsNumber(), "Ivy", "King", DOB, "CPP", START, null);
    bad.getInformation().getEffectiveTime().getLow().setValue("20261345");

    REPCMT000003GB01 ack =
        leicestershire.upload(
            file(LEICS, child("L-4001", good, "Jay", "King", DOB, "CPP", START, null), bad));

    assertThat(ack.getFileResponseCode().getCode()).isEqualTo("CPF03");
    RecordAck refused = ack.getRecordAck().get(1);
    assertThat(refused.getResponseCode().getCode()).isEqualTo("CPR07");
    assertThat(refused.getField()).isEqualTo("information/effectiveTime/low");
    assertThat(refused.getDetail()).contains("'20261345' is not a date");
  }

  @Test
  @DisplayName("R7: LAC is shared for s31/s38/s20 only, and health never sees the legal basis")
  void lookedAfterLegalStatus() throws Exception {
    String s31 = TestData.nhsNumber();
    String placementOrder = TestData.nhsNumber();
    REPCMT000003GB01 ack =
        leicestershire.upload(
            file(
                LEICS,
                lac("L-5001", s31, "Kai", "Lowe", DOB, "s31", START),
                lac("L-5002", placementOrder, "Lia", "Lowe", DOB, "placement order", START)));

    assertThat(ack.getFileResponseCode().getCode()).isEqualTo("CPF03");
    assertThat(ack.getRecordAck().get(1).getResponseCode().getCode()).isEqualTo("CPR07");
    assertThat(ack.getRecordAck().get(1).getField()).isEqualTo("information/legalStatus");
    assertThat(ack.getRecordAck().get(1).getDetail()).contains("only s31, s38 and s20");
    assertNotShared(placementOrder);

    REPCIN000007GB01 answer = Spine.query(Spine.CLINICIAN).query(byPerson(s31, ED_NURSE));
    var record = answer.getControlActEvent().getSubject().getCpisResult().getChildRecord().get(0);
    assertThat(record.getPlanType().getCode()).isEqualTo("LAC");
    assertThat(record.getPlanType().getDisplayName()).isEqualTo("Looked After Child");
    // nothing in the answer carries the legal basis
    assertThat(record.toString() + record.getPlanType().getDisplayName())
        .doesNotContainIgnoringCase("s31");
  }

  @Test
  @DisplayName(
      "R9: the same file twice gets the same answer and changes nothing; an end date is a change")
  void idempotentAndOrdered() throws Exception {
    String nhs = TestData.nhsNumber();
    int skipped = TestData.nextFileSequence(LEICS); // a file that arrives late, below
    int seq = TestData.nextFileSequence(LEICS);
    REPCMT000002GB01 f =
        file(LEICS, seq, child("L-6001", nhs, "Mia", "Ng", DOB, "CPP", START, null));

    REPCMT000003GB01 first = leicestershire.upload(f);
    REPCMT000003GB01 again = leicestershire.upload(f);

    assertThat(again.getFileResponseCode().getCode())
        .isEqualTo(first.getFileResponseCode().getCode())
        .isEqualTo("CPF02");
    assertThat(again.getRecordAck())
        .extracting(a -> a.getResponseCode().getCode())
        .containsExactly("CPR06");
    assertThat(held(nhs)).hasSize(1);

    LocalDate end = TestData.today().minusDays(3);
    leicestershire.upload(
        file(LEICS, child("L-6001", nhs, "Mia", "Ng", DOB, "CPP", START.minusMonths(6), end)));
    JsonArray held = held(nhs);
    assertThat(held).hasSize(1);
    assertThat(held.getJsonObject(0).getString("endDate")).isEqualTo(end.toString());

    // an older file arriving after newer ones is refused, and changes nothing
    CpisError late =
        catchThrowableOfType(
            CpisError.class,
            () ->
                leicestershire.upload(
                    file(
                        LEICS,
                        skipped,
                        child("L-6001", nhs, "Mia", "Ng", DOB, "CPP", START, null))));
    assertThat(late.getFaultInfo().getCode()).isEqualTo("FILE_OUT_OF_SEQUENCE");
    assertThat(late.getFaultInfo().getField()).isEqualTo("header/fileSequenceId");
    assertThat(held(nhs).getJsonObject(0).getString("endDate")).isEqualTo(end.toString());
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

  static JsonArray held(String nhs) {
    Rest.Reply r = Rest.get(Spine.ADMIN, "/admin/register/" + nhs);
    assertThat(r.status()).isEqualTo(200);
    return (JsonArray) r.json();
  }

  static void assertNotShared(String nhs) {
    QUQIIN010000UK14 nf =
        catchThrowableOfType(
            QUQIIN010000UK14.class,
            () -> Spine.query(Spine.CLINICIAN).query(byPerson(nhs, ED_NURSE)));
    assertThat(nf).as("no records are shared for %s", nhs).isNotNull();
    assertThat(
            nf.getFaultInfo().getControlActEvent().getQueryAck().getQueryResponseCode().getCode())
        .isEqualTo("NF");
  }
}

package org.opencpis.it;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.opencpis.contract.hl7.COCTTP145100GB01MotherPerson;
import org.opencpis.contract.hl7.COCTTP145100GB01UnbornChild;
import org.opencpis.contract.hl7.COCTTP145101GB01Child;
import org.opencpis.contract.hl7.COCTTP146100GB01LACInformation;
import org.opencpis.contract.hl7.COCTTP146101GB01CPPInformation;
import org.opencpis.contract.hl7.COCTTP146102GB01UCPInformation;
import org.opencpis.contract.hl7.CV;
import org.opencpis.contract.hl7.II;
import org.opencpis.contract.hl7.INT;
import org.opencpis.contract.hl7.REPCMT000002GB01CPISRecord;
import org.opencpis.contract.hl7.REPCMT000002GB01CommunicationFunctionSnd;
import org.opencpis.contract.hl7.REPCMT000002GB01File;
import org.opencpis.contract.hl7.REPCMT000002GB01Organisation;
import org.opencpis.contract.hl7.REPCMT000002GB01PertinentInformation;
import org.opencpis.contract.hl7.REPCMT000002GB01Record;
import org.opencpis.contract.hl7.REPCMT000002GB01Subject;
import org.opencpis.contract.hl7.REPCMT000003GB01FileResponse;
import org.opencpis.contract.hl7.REPCMT000003GB01FileResponse.AcknowledgementRecord.AcknowledgementRecordDetail;
import org.opencpis.contract.hl7.TEL;
import org.opencpis.contract.hl7.TS;
import org.opencpis.contract.hl7.UploadPerson;
import org.opencpis.contract.hl7.UploadPersonName;
import org.opencpis.contract.hl7.UploadPlanDate;
import org.opencpis.contract.npfit.TemplateContent;

/**
 * Builds cpisupload files in the national shape ({@code hl7:File}, REPC_MT000002GB01) the way an
 * LA's case-management system would, and reads the national acknowledgement ({@code
 * hl7:FileResponse}).
 *
 * <p>The hub checks every record against the demographic store (R2), so {@link #child}, {@link
 * #lac} and {@link #unborn} first register the subject (the child, or the unborn's mother) there
 * with the name and date of birth given, through the administrator's load ({@link
 * Demographics#register}); a number that is not a valid NHS number is not registered. A test that
 * wants a person the store does not know, or details that do not match, uses {@link
 * #unregisteredChild} / {@link #unregisteredUnborn}, which register nothing.
 */
public final class UploadFiles {

  static final String NHS_ROOT = "2.16.840.1.113883.2.1.4.1";
  static final String LA_CHILD_ID_ROOT = "2.16.840.1.113883.2.1.3.2.4.18.24";
  static final String LA_ROOT = "2.16.840.1.113883.2.1.3.2.4.19.1";
  static final String TEMPLATE_ROOT = "2.16.840.1.113883.2.1.3.2.4.18.16";

  private static final DateTimeFormatter HL7_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private UploadFiles() {}

  /** A file from {@code la} with its next sequence id; transmissionQuantity = the records. */
  public static REPCMT000002GB01File file(String la, REPCMT000002GB01Record... records) {
    return file(la, TestData.nextFileSequence(la), records);
  }

  /**
   * A file of {@code la} under a sequence id, its office-hours and emergency duty numbers in it.
   */
  public static REPCMT000002GB01File file(
      String la, int sequence, REPCMT000002GB01Record... records) {
    REPCMT000002GB01File f = new REPCMT000002GB01File();
    f.setCreationTime(ts("20261125120000"));
    f.setId(ii(null, String.format("%06d", sequence)));
    f.setTransmissionQuantity(integer(records.length));
    REPCMT000002GB01Organisation org = new REPCMT000002GB01Organisation();
    org.setId(ii(LA_ROOT, la));
    org.setName("Council " + la);
    org.getTelecom().add(tel("0116 496 0111", "WP"));
    org.getTelecom().add(tel("0116 496 0999", "EC"));
    REPCMT000002GB01CommunicationFunctionSnd snd = new REPCMT000002GB01CommunicationFunctionSnd();
    snd.setOrganisation(org);
    f.setCommunicationFunctionSnd(snd);
    for (REPCMT000002GB01Record r : records) {
      f.getRecord().add(r);
    }
    return f;
  }

  /** The council's telecoms the file carries (WP office hours, EC emergency duty). */
  public static List<TEL> telecoms(REPCMT000002GB01File f) {
    return f.getCommunicationFunctionSnd().getOrganisation().getTelecom();
  }

  /** Sets the file's declared number of records (transmissionQuantity). */
  public static REPCMT000002GB01File withRecordCount(REPCMT000002GB01File f, int count) {
    f.getTransmissionQuantity().setValue(count);
    return f;
  }

  /** A child's plan (CPP or LAC) under the child's own NHS number, the child registered. */
  public static REPCMT000002GB01Record child(
      String localChildId,
      String nhsNumber,
      String given,
      String family,
      LocalDate birthDate,
      String planCode,
      LocalDate start,
      LocalDate end) {
    Demographics.registerIfValid(nhsNumber, given, family, birthDate);
    return unregisteredChild(
        localChildId, nhsNumber, given, family, birthDate, planCode, start, end);
  }

  /** As {@link #child}, without registering the child in the demographic store. */
  public static REPCMT000002GB01Record unregisteredChild(
      String localChildId,
      String nhsNumber,
      String given,
      String family,
      LocalDate birthDate,
      String planCode,
      LocalDate start,
      LocalDate end) {
    COCTTP145101GB01Child child = new COCTTP145101GB01Child();
    child.getId().add(ii(NHS_ROOT, nhsNumber));
    child.getId().add(ii(LA_CHILD_ID_ROOT, localChildId));
    child.setChildPerson(person(given, family, birthDate));
    REPCMT000002GB01Subject subject = new REPCMT000002GB01Subject();
    subject.setContentId(template("COCT_TP145101GB01#Child"));
    subject.setCOCTTP145101GB01Child(child);
    return record(plan(planCode, start, end), subject);
  }

  /**
   * A looked-after child with its legal status (s31, s38, s20 are shared; others are not): our
   * optional extension, not in the national schema.
   */
  public static REPCMT000002GB01Record lac(
      String localChildId,
      String nhsNumber,
      String given,
      String family,
      LocalDate birthDate,
      String legalStatus,
      LocalDate start) {
    REPCMT000002GB01Record r =
        child(localChildId, nhsNumber, given, family, birthDate, "LAC", start, null);
    CV status = new CV();
    status.setCode(legalStatus);
    plan(r).getCOCTTP146100GB01LACInformation().setLegalStatus(status);
    return r;
  }

  /**
   * An unborn child's plan (UCP), under the expectant mother's NHS number and details, the mother
   * registered.
   */
  public static REPCMT000002GB01Record unborn(
      String localChildId,
      String motherNhsNumber,
      String motherGiven,
      String motherFamily,
      LocalDate motherBirthDate,
      LocalDate start) {
    Demographics.registerIfValid(motherNhsNumber, motherGiven, motherFamily, motherBirthDate);
    return unregisteredUnborn(
        localChildId, motherNhsNumber, motherGiven, motherFamily, motherBirthDate, start);
  }

  /** As {@link #unborn}, without registering the mother in the demographic store. */
  public static REPCMT000002GB01Record unregisteredUnborn(
      String localChildId,
      String motherNhsNumber,
      String motherGiven,
      String motherFamily,
      LocalDate motherBirthDate,
      LocalDate start) {
    COCTTP145100GB01MotherPerson mother = new COCTTP145100GB01MotherPerson();
    UploadPerson p = person(motherGiven, motherFamily, motherBirthDate);
    mother.setBirthTime(p.getBirthTime());
    mother.setName(p.getName());
    COCTTP145100GB01MotherPerson.PlayedMother played =
        new COCTTP145100GB01MotherPerson.PlayedMother();
    played.getId().add(ii(NHS_ROOT, motherNhsNumber));
    played.getId().add(ii(LA_CHILD_ID_ROOT, localChildId));
    mother.setPlayedMother(played);
    COCTTP145100GB01UnbornChild unborn = new COCTTP145100GB01UnbornChild();
    unborn.setParentMotherPerson(mother);
    REPCMT000002GB01Subject subject = new REPCMT000002GB01Subject();
    subject.setContentId(template("COCT_TP145100GB01#UnbornChild"));
    subject.setCOCTTP145100GB01UnbornChild(unborn);
    return record(plan("UCP", start, null), subject);
  }

  public static REPCMT000002GB01Record withDeleteDate(REPCMT000002GB01Record r, LocalDate delete) {
    UploadPlanDate d = date(delete);
    REPCMT000002GB01PertinentInformation p = plan(r);
    if (p.getCOCTTP146101GB01CPPInformation() != null) {
      var c = new COCTTP146101GB01CPPInformation.Component2();
      c.setCPPDeleteDate(d);
      p.getCOCTTP146101GB01CPPInformation().setComponent2(c);
    } else if (p.getCOCTTP146100GB01LACInformation() != null) {
      var c = new COCTTP146100GB01LACInformation.Component2();
      c.setLACDeleteDate(d);
      p.getCOCTTP146100GB01LACInformation().setComponent2(c);
    } else {
      var c = new COCTTP146102GB01UCPInformation.Component2();
      c.setUCPDeleteDate(d);
      p.getCOCTTP146102GB01UCPInformation().setComponent2(c);
    }
    return r;
  }

  public static REPCMT000002GB01Record withEndDate(REPCMT000002GB01Record r, LocalDate end) {
    UploadPlanDate d = end == null ? null : date(end);
    REPCMT000002GB01PertinentInformation p = plan(r);
    if (p.getCOCTTP146101GB01CPPInformation() != null) {
      var c = new COCTTP146101GB01CPPInformation.Component1();
      c.setCPPEndDate(d);
      p.getCOCTTP146101GB01CPPInformation().setComponent1(d == null ? null : c);
    } else if (p.getCOCTTP146100GB01LACInformation() != null) {
      var c = new COCTTP146100GB01LACInformation.Component1();
      c.setLACEndDate(d);
      p.getCOCTTP146100GB01LACInformation().setComponent1(d == null ? null : c);
    } else {
      var c = new COCTTP146102GB01UCPInformation.Component1();
      c.setUCPEndDate(d);
      p.getCOCTTP146102GB01UCPInformation().setComponent1(d == null ? null : c);
    }
    return r;
  }

  /** Sets the plan's start date to a raw value, e.g. an impossible date. */
  public static REPCMT000002GB01Record withRawStartDate(REPCMT000002GB01Record r, String value) {
    REPCMT000002GB01PertinentInformation p = plan(r);
    UploadPlanDate start =
        p.getCOCTTP146101GB01CPPInformation() != null
            ? p.getCOCTTP146101GB01CPPInformation().getComponent().getCPPStartDate()
            : p.getCOCTTP146100GB01LACInformation() != null
                ? p.getCOCTTP146100GB01LACInformation().getComponent().getLACStartDate()
                : p.getCOCTTP146102GB01UCPInformation().getComponent().getUCPStartDate();
    start.getValue().setValue(value);
    return r;
  }

  /** The record's (only) plan. */
  public static REPCMT000002GB01PertinentInformation plan(REPCMT000002GB01Record r) {
    return r.getCPISRecord().getPertinentInformation().get(0);
  }

  // ----- reading the acknowledgement -----

  /**
   * The file's code (CPF01..CPF06) with its national displayName and our reason in originalText.
   */
  public static CV fileCode(REPCMT000003GB01FileResponse ack) {
    return ack.getAcknowledgementFile().getAcknowledgementFileDetail().get(0).getCode();
  }

  /**
   * Why the council's cpisupload file this acknowledges was answered so, as the hub keeps it (the
   * national file code has no room for it): the administrators' {@code GET
   * /api/admin/uploads/{la}}, newest first.
   */
  public static String fileDetail(String la, REPCMT000003GB01FileResponse ack) {
    Rest.Reply r =
        Rest.get(
            Spine.ADMIN,
            "/admin/uploads/"
                + la
                + "?channel=CPISUPLOAD&fileSequenceId="
                + Integer.parseInt(ack.getId().getExtension()));
    return ((jakarta.json.JsonObject) r.json())
        .getJsonArray("submissions")
        .getJsonObject(0)
        .getString("detail");
  }

  /** Each refused record's position and reason, for a log line. */
  public static String reasons(REPCMT000003GB01FileResponse ack) {
    return records(ack).stream()
        .filter(d -> d.getCode().getOriginalText() != null)
        .map(d -> d.getLocation() + " " + d.getCode().getOriginalText())
        .toList()
        .toString();
  }

  /** One answer per record, in file order (location = the record's 1-based position). */
  public static List<AcknowledgementRecordDetail> records(REPCMT000003GB01FileResponse ack) {
    return ack.getAcknowledgementRecord() == null
        ? List.of()
        : ack.getAcknowledgementRecord().getAcknowledgementRecordDetail();
  }

  public static int loaded(REPCMT000003GB01FileResponse ack) {
    return ack.getSuccessfulReturnedCPISRecords().getValue().getValue();
  }

  public static int rejected(REPCMT000003GB01FileResponse ack) {
    return ack.getFailedReturnedCPISRecords().getValue().getValue();
  }

  /** A refused record's field ("childSubject/id"), from "field: reason" in originalText. */
  public static String field(AcknowledgementRecordDetail d) {
    String why = d.getCode().getOriginalText();
    int colon = why == null ? -1 : why.indexOf(": ");
    return colon < 0 ? null : why.substring(0, colon);
  }

  /** A refused record's reason, from "field: reason" in originalText. */
  public static String detail(AcknowledgementRecordDetail d) {
    String why = d.getCode().getOriginalText();
    int colon = why == null ? -1 : why.indexOf(": ");
    return colon < 0 ? why : why.substring(colon + 2);
  }

  /** The LA child id of the record the acknowledgement's message at {@code position} echoes. */
  public static String localChildId(REPCMT000003GB01FileResponse ack, int position) {
    var p =
        ack.getMessage()
            .get(position - 1)
            .getCPISLAAcknowledgementResponse()
            .getPertinentInformation1();
    List<REPCMT000002GB01Subject> subjects =
        p.getValidCPISRecord() != null
            ? p.getValidCPISRecord().getSubject()
            : p.getInvalidCPISRecord().getSubject();
    REPCMT000002GB01Subject s = subjects.get(0);
    List<II> ids =
        s.getCOCTTP145101GB01Child() != null
            ? s.getCOCTTP145101GB01Child().getId()
            : s.getCOCTTP145100GB01UnbornChild().getParentMotherPerson().getPlayedMother().getId();
    return ids.stream()
        .filter(i -> LA_CHILD_ID_ROOT.equals(i.getRoot()))
        .map(II::getExtension)
        .findFirst()
        .orElse(null);
  }

  // ----- parts -----

  private static REPCMT000002GB01Record record(
      REPCMT000002GB01PertinentInformation plan, REPCMT000002GB01Subject subject) {
    REPCMT000002GB01CPISRecord cpis = new REPCMT000002GB01CPISRecord();
    cpis.getPertinentInformation().add(plan);
    cpis.getSubject().add(subject);
    REPCMT000002GB01Record r = new REPCMT000002GB01Record();
    r.setCPISRecord(cpis);
    return r;
  }

  /**
   * A plan of the type named (CPP, LAC, UCP); any other code (the national shape has no plan code,
   * only the three plan templates) is sent as a pertinentInformation holding none of them.
   */
  private static REPCMT000002GB01PertinentInformation plan(
      String code, LocalDate start, LocalDate end) {
    REPCMT000002GB01PertinentInformation p = new REPCMT000002GB01PertinentInformation();
    switch (code) {
      case "LAC" -> {
        p.setContentId(template("COCT_TP146100GB01#LACInformation"));
        COCTTP146100GB01LACInformation i = new COCTTP146100GB01LACInformation();
        var c = new COCTTP146100GB01LACInformation.Component();
        c.setLACStartDate(date(start));
        i.setComponent(c);
        if (end != null) {
          var c1 = new COCTTP146100GB01LACInformation.Component1();
          c1.setLACEndDate(date(end));
          i.setComponent1(c1);
        }
        p.setCOCTTP146100GB01LACInformation(i);
      }
      case "UCP" -> {
        p.setContentId(template("COCT_TP146102GB01#UCPInformation"));
        COCTTP146102GB01UCPInformation i = new COCTTP146102GB01UCPInformation();
        var c = new COCTTP146102GB01UCPInformation.Component();
        c.setUCPStartDate(date(start));
        i.setComponent(c);
        if (end != null) {
          var c1 = new COCTTP146102GB01UCPInformation.Component1();
          c1.setUCPEndDate(date(end));
          i.setComponent1(c1);
        }
        p.setCOCTTP146102GB01UCPInformation(i);
      }
      case "CPP" -> {
        p.setContentId(template("COCT_TP146101GB01#CPPInformation"));
        COCTTP146101GB01CPPInformation i = new COCTTP146101GB01CPPInformation();
        var c = new COCTTP146101GB01CPPInformation.Component();
        c.setCPPStartDate(date(start));
        i.setComponent(c);
        if (end != null) {
          var c1 = new COCTTP146101GB01CPPInformation.Component1();
          c1.setCPPEndDate(date(end));
          i.setComponent1(c1);
        }
        p.setCOCTTP146101GB01CPPInformation(i);
      }
      default -> p.setContentId(template("COCT_TP146101GB01#" + code));
    }
    return p;
  }

  private static UploadPerson person(String given, String family, LocalDate dob) {
    UploadPerson p = new UploadPerson();
    p.setBirthTime(ts(dob.format(HL7_DATE)));
    UploadPersonName name = new UploadPersonName();
    name.getGiven().add(given);
    name.setFamily(family);
    p.setName(name);
    return p;
  }

  /** A national plan date: YYYYMMDD0000 (TS.NHS.DateType1). */
  private static UploadPlanDate date(LocalDate d) {
    UploadPlanDate p = new UploadPlanDate();
    p.setValue(ts(d.format(HL7_DATE) + "0000"));
    return p;
  }

  static TemplateContent template(String extension) {
    TemplateContent t = new TemplateContent();
    t.setRoot(TEMPLATE_ROOT);
    t.setExtension(extension);
    return t;
  }

  static II ii(String root, String extension) {
    II ii = new II();
    ii.setRoot(root);
    ii.setExtension(extension);
    return ii;
  }

  static TS ts(String v) {
    TS ts = new TS();
    ts.setValue(v);
    return ts;
  }

  static org.opencpis.contract.hl7.CS cs(String code) {
    org.opencpis.contract.hl7.CS cs = new org.opencpis.contract.hl7.CS();
    cs.setCode(code);
    return cs;
  }

  static INT integer(int v) {
    INT i = new INT();
    i.setValue(v);
    return i;
  }

  /** A CP-IS device by its ASID (the pull request's wrapper). */
  static org.opencpis.contract.hl7.CommunicationFunction device(String asid) {
    org.opencpis.contract.hl7.Device d = new org.opencpis.contract.hl7.Device();
    d.setId(ii("1.2.826.0.1285.0.2.0.107", asid));
    org.opencpis.contract.hl7.CommunicationFunction f =
        new org.opencpis.contract.hl7.CommunicationFunction();
    f.setDevice(d);
    return f;
  }

  static TEL tel(String number, String use) {
    TEL t = new TEL();
    t.setValue("tel:" + number.replace(" ", ""));
    t.setUse(use);
    return t;
  }
}

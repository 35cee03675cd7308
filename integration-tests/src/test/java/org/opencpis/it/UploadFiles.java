package org.opencpis.it;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.opencpis.contract.hl7.CS;
import org.opencpis.contract.hl7.CV;
import org.opencpis.contract.hl7.ChildSubject;
import org.opencpis.contract.hl7.CommunicationFunction;
import org.opencpis.contract.hl7.Device;
import org.opencpis.contract.hl7.II;
import org.opencpis.contract.hl7.INT;
import org.opencpis.contract.hl7.IVLTS;
import org.opencpis.contract.hl7.Organization;
import org.opencpis.contract.hl7.PN;
import org.opencpis.contract.hl7.PlanInformation;
import org.opencpis.contract.hl7.REPCMT000002GB01;
import org.opencpis.contract.hl7.TEL;
import org.opencpis.contract.hl7.TS;
import org.opencpis.contract.hl7.UnbornChildSubject;
import org.opencpis.contract.hl7.UploadHeader;
import org.opencpis.contract.hl7.UploadRecord;

/**
 * Builds cpisupload files the way an LA's case-management system would.
 *
 * <p>The hub checks every record against the demographic store (R2), so {@link #child}, {@link
 * #lac} and {@link #unborn} first register the subject (the child, or the unborn's mother) there
 * with the name and date of birth given, through the administrator's load ({@link
 * Demographics#register}); a number that is not a valid NHS number is not registered. A test that
 * wants a person the store does not know, or details that do not match, uses {@link
 * #unregisteredChild} / {@link #unregisteredUnborn}, which register nothing.
 */
public final class UploadFiles {

  private static final DateTimeFormatter HL7_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private UploadFiles() {}

  /** A file from {@code la} with its next sequence id; recordCount = the number of records. */
  public static REPCMT000002GB01 file(String la, UploadRecord... records) {
    return file(la, TestData.nextFileSequence(la), records);
  }

  public static REPCMT000002GB01 file(String la, int sequence, UploadRecord... records) {
    REPCMT000002GB01 f = new REPCMT000002GB01();
    f.setId(ii(UUID.randomUUID().toString().toUpperCase(), null));
    f.setCreationTime(ts("20261125120000"));
    f.setVersionCode(cs("V3NPfIT3.0"));
    f.setInteractionId(ii("2.16.840.1.113883.2.1.3.2.4.12", "REPC_MT000002GB01"));
    f.setCommunicationFunctionSnd(device("200000000" + la));
    f.setCommunicationFunctionRcv(device("928942012545"));
    UploadHeader h = new UploadHeader();
    h.setCreationTime(ts("20261125120000"));
    h.setFileSequenceId(integer(sequence));
    h.setRecordCount(integer(records.length));
    Organization sender = new Organization();
    sender.setId(ii("1.2.826.0.1285.0.1.10", la));
    h.setSender(sender);
    f.setHeader(h);
    for (UploadRecord r : records) {
      f.getRecord().add(r);
    }
    return f;
  }

  /** A child's plan (CPP or LAC) under the child's own NHS number, the child registered. */
  public static UploadRecord child(
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
  public static UploadRecord unregisteredChild(
      String localChildId,
      String nhsNumber,
      String given,
      String family,
      LocalDate birthDate,
      String planCode,
      LocalDate start,
      LocalDate end) {
    UploadRecord r = new UploadRecord();
    r.setLocalChildId(ii("LA-CHILD-ID", localChildId));
    r.setChildSubject(subject(nhsNumber, given, family, birthDate));
    r.setInformation(information(planCode, start, end));
    r.getTelecom().add(tel("0116 496 0111", "WP"));
    r.getTelecom().add(tel("0116 496 0999", "EC"));
    return r;
  }

  /** A looked-after child with its legal status (s31, s38, s20 are shared; others are not). */
  public static UploadRecord lac(
      String localChildId,
      String nhsNumber,
      String given,
      String family,
      LocalDate birthDate,
      String legalStatus,
      LocalDate start) {
    UploadRecord r = child(localChildId, nhsNumber, given, family, birthDate, "LAC", start, null);
    CV status = new CV();
    status.setCode(legalStatus);
    r.getInformation().setLegalStatus(status);
    return r;
  }

  /**
   * An unborn child's plan (UCP), under the expectant mother's NHS number and details, the mother
   * registered.
   */
  public static UploadRecord unborn(
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
  public static UploadRecord unregisteredUnborn(
      String localChildId,
      String motherNhsNumber,
      String motherGiven,
      String motherFamily,
      LocalDate motherBirthDate,
      LocalDate start) {
    UploadRecord r = new UploadRecord();
    r.setLocalChildId(ii("LA-CHILD-ID", localChildId));
    UnbornChildSubject u = new UnbornChildSubject();
    u.setMother(subject(motherNhsNumber, motherGiven, motherFamily, motherBirthDate));
    r.setUnbornChildSubject(u);
    r.setInformation(information("UCP", start, null));
    r.getTelecom().add(tel("0116 496 0111", "WP"));
    r.getTelecom().add(tel("0116 496 0999", "EC"));
    return r;
  }

  public static UploadRecord withDeleteDate(UploadRecord r, LocalDate delete) {
    r.getInformation().setDeleteDate(ts(delete.format(HL7_DATE)));
    return r;
  }

  public static UploadRecord withEndDate(UploadRecord r, LocalDate end) {
    IVLTS t = r.getInformation().getEffectiveTime();
    t.setHigh(end == null ? null : ts(end.format(HL7_DATE)));
    return r;
  }

  private static ChildSubject subject(String nhs, String given, String family, LocalDate dob) {
    ChildSubject s = new ChildSubject();
    s.setId(ii("2.16.840.1.113883.2.1.4.1", nhs));
    PN name = new PN();
    name.getGiven().add(given);
    name.setFamily(family);
    s.setName(name);
    s.setBirthTime(ts(dob.format(HL7_DATE)));
    return s;
  }

  private static PlanInformation information(String code, LocalDate start, LocalDate end) {
    PlanInformation i = new PlanInformation();
    CV cv = new CV();
    cv.setCode(code);
    i.setCode(cv);
    IVLTS t = new IVLTS();
    t.setLow(ts(start.format(HL7_DATE)));
    if (end != null) {
      t.setHigh(ts(end.format(HL7_DATE)));
    }
    i.setEffectiveTime(t);
    return i;
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

  static CS cs(String code) {
    CS cs = new CS();
    cs.setCode(code);
    return cs;
  }

  static INT integer(int v) {
    INT i = new INT();
    i.setValue(v);
    return i;
  }

  static TEL tel(String number, String use) {
    TEL t = new TEL();
    t.setValue("tel:" + number.replace(" ", ""));
    t.setUse(use);
    return t;
  }

  static CommunicationFunction device(String asid) {
    Device d = new Device();
    d.setId(ii("1.2.826.0.1285.0.2.0.107", asid));
    CommunicationFunction f = new CommunicationFunction();
    f.setDevice(d);
    return f;
  }
}

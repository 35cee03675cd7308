package org.opencpis.web.spine;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.opencpis.contract.hl7.CS;
import org.opencpis.contract.hl7.CV;
import org.opencpis.contract.hl7.CommunicationFunction;
import org.opencpis.contract.hl7.Device;
import org.opencpis.contract.hl7.II;
import org.opencpis.contract.hl7.INT;
import org.opencpis.contract.hl7.TEL;
import org.opencpis.contract.hl7.TS;
import org.opencpis.contract.hl7.TransmissionWrapper;
import org.opencpis.shared.Hl7Dates;

/** Small builders and readers for the HL7 v3 data types of the spine messages. */
final class Hl7 {

  static final String INTERACTION_ROOT = "2.16.840.1.113883.2.1.3.2.4.12";
  static final String ASID_ROOT = "1.2.826.0.1285.0.2.0.107";
  static final String SDS_USER_ROOT = "1.2.826.0.1285.0.2.0.65";
  static final String SDS_ROLE_PROFILE_ROOT = "1.2.826.0.1285.0.2.0.67";
  static final String NHS_NUMBER_ROOT = "2.16.840.1.113883.2.1.4.1";

  private Hl7() {}

  static II ii(String root, String extension) {
    II ii = new II();
    ii.setRoot(root);
    ii.setExtension(extension);
    return ii;
  }

  static CS cs(String code) {
    CS cs = new CS();
    cs.setCode(code);
    return cs;
  }

  static CV cv(String code, String displayName) {
    CV cv = new CV();
    cv.setCode(code);
    cv.setDisplayName(displayName);
    return cv;
  }

  static TS ts(String value) {
    TS ts = new TS();
    ts.setValue(value);
    return ts;
  }

  static INT integer(int value) {
    INT i = new INT();
    i.setValue(value);
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
    d.setId(ii(ASID_ROOT, asid));
    CommunicationFunction f = new CommunicationFunction();
    f.setDevice(d);
    return f;
  }

  /** The ASID of a communication function, or null. */
  static String asid(CommunicationFunction f) {
    if (f == null || f.getDevice() == null || f.getDevice().getId() == null) {
      return null;
    }
    return blankToNull(f.getDevice().getId().getExtension());
  }

  /**
   * Fills an answer's transmission wrapper: a new message id, now, the interaction, and the
   * request's sender as receiver.
   */
  static void answerWrapper(
      TransmissionWrapper answer,
      String interaction,
      String versionCode,
      String requesterAsid,
      String hubAsid,
      Instant now,
      ZoneId zone) {
    answer.setId(ii(UUID.randomUUID().toString().toUpperCase(), null));
    answer.setCreationTime(ts(Hl7Dates.format(now, zone)));
    answer.setVersionCode(cs(versionCode));
    answer.setInteractionId(ii(INTERACTION_ROOT, interaction));
    answer.setProcessingCode(cs("P"));
    answer.setProcessingModeCode(cs("T"));
    answer.setAcceptAckCode(cs("NE"));
    answer.setCommunicationFunctionRcv(device(requesterAsid));
    answer.setCommunicationFunctionSnd(device(hubAsid));
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  static String ext(II ii) {
    return ii == null ? null : blankToNull(ii.getExtension());
  }

  static String value(TS ts) {
    return ts == null ? null : ts.getValue();
  }
}

package org.opencpis.hl7.handler;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.util.Terser;
import java.util.Locale;
import org.opencpis.hl7.Facility;
import org.opencpis.shared.NhsNumber;

/**
 * Reads an ADT^A01/A04/A08 (structure ADT_A01) as NHS trusts send it (HL7 UK): the NHS number is
 * the PID-3 repetition with CX.4 {@code NHS} or CX.5 {@code NH} (others, like the trust's MRN, are
 * ignored); the attendance is PV1-19; who is PV1-7 (attending), else EVN-5 (operator).
 */
final class AdtReader {

  private AdtReader() {}

  static AttendanceMessage read(Message m, Header h, Facility facility)
      throws HL7Exception, Hl7Refusal {
    Segment pid = segment(m, "PID");
    Segment pv1 = segment(m, "PV1");
    if (pid == null) {
      throw Hl7Refusal.missing("PID", 3, "patient identifier list");
    }
    if (pv1 == null) {
      throw Hl7Refusal.missing("PV1", 19, "visit number");
    }
    String visit = blankToNull(Terser.get(pv1, 19, 0, 1, 1));
    if (visit == null) {
      throw Hl7Refusal.missing("PV1", 19, "visit number");
    }
    FieldCheck.fit(visit, FieldCheck.VISIT_NUMBER, "PV1", 19, "visit number");
    String nhs = nhsNumber(pid);
    if (nhs != null) {
      String problem = NhsNumber.problemWith(nhs);
      if (problem != null) {
        throw Hl7Refusal.badValue("PID", 3, "NHS number " + problem.replaceFirst("^'[^']*' ", ""));
      }
      nhs = NhsNumber.of(nhs).value();
    }
    String patientClass = blankToNull(Terser.get(pv1, 2, 0, 1, 1));
    String careSetting = facility.careSetting();
    if (careSetting == null && "E".equalsIgnoreCase(patientClass)) {
      careSetting = "ED";
    }
    AttendanceMessage.Person who = FieldCheck.person(person(pv1, 7), "PV1", 7);
    if (who == null) {
      Segment evn = segment(m, "EVN");
      who = evn == null ? null : FieldCheck.person(person(evn, 5), "EVN", 5);
    }
    String pointOfCare =
        FieldCheck.fit(
            blankToNull(Terser.get(pv1, 3, 0, 1, 1)),
            FieldCheck.POINT_OF_CARE,
            "PV1",
            3,
            "point of care");
    return new AttendanceMessage(facility, h.event(), visit, nhs, careSetting, pointOfCare, who);
  }

  /** The NHS number repetition of PID-3, or null. */
  static String nhsNumber(Segment pid) throws HL7Exception {
    int reps = pid.getField(3).length;
    for (int i = 0; i < reps; i++) {
      String authority = Terser.get(pid, 3, i, 4, 1);
      String type = Terser.get(pid, 3, i, 5, 1);
      if ("NHS".equalsIgnoreCase(trim(authority)) || "NH".equalsIgnoreCase(trim(type))) {
        String value = blankToNull(Terser.get(pid, 3, i, 1, 1));
        if (value != null) {
          return value.replace(" ", "");
        }
      }
    }
    return null;
  }

  private static AttendanceMessage.Person person(Segment s, int field) throws HL7Exception {
    if (s.getField(field).length == 0) {
      return null;
    }
    String id = blankToNull(Terser.get(s, field, 0, 1, 1));
    String family = blankToNull(Terser.get(s, field, 0, 2, 1));
    String given = blankToNull(Terser.get(s, field, 0, 3, 1));
    String middle = blankToNull(Terser.get(s, field, 0, 4, 1));
    String suffix = blankToNull(Terser.get(s, field, 0, 5, 1));
    String prefix = blankToNull(Terser.get(s, field, 0, 6, 1));
    return id == null && family == null && given == null
        ? null
        : new AttendanceMessage.Person(id, family, given, middle, suffix, prefix);
  }

  static Segment segment(Message m, String name) {
    try {
      Segment s = (Segment) m.get(name);
      return s.isEmpty() ? null : s;
    } catch (HL7Exception | ClassCastException e) {
      return null;
    }
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static String trim(String s) {
    return s == null ? null : s.trim().toUpperCase(Locale.ROOT);
  }
}

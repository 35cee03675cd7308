package org.opencpis.hl7.handler;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.Escape;
import org.opencpis.hl7.Facility;
import org.opencpis.shared.NhsNumber;

/**
 * Reads QBP^Q11 with query name {@code CPIS}: QPD-1 {@code CPIS}, QPD-2 query tag, QPD-3 NHS number
 * (CX: {@code 9990001006^^^NHS^NH}), QPD-4 who asks (XCN, optional), QPD-5 their job role (CWE,
 * optional). QPD's user parameters are read from the segment as sent, field by field.
 */
final class QueryReader {

  static final String QUERY_NAME = "CPIS";

  private QueryReader() {}

  static CpisQuery read(Message m, Facility facility) throws HL7Exception, Hl7Refusal {
    String[][] qpd = fields(m);
    if (qpd == null) {
      throw Hl7Refusal.missing("QPD", 1, "message query name");
    }
    String name = value(qpd, 1, 1);
    if (name == null) {
      throw Hl7Refusal.missing("QPD", 1, "message query name");
    }
    if (!QUERY_NAME.equalsIgnoreCase(name)) {
      throw Hl7Refusal.unknownValue(
          "QPD", 1, "query name '" + name + "' is not known (" + QUERY_NAME + ")");
    }
    String tag = value(qpd, 2, 1);
    if (tag == null) {
      throw Hl7Refusal.missing("QPD", 2, "query tag");
    }
    FieldCheck.fit(tag, FieldCheck.QUERY_EVENT_ID, "QPD", 2, "query tag");
    String nhs = value(qpd, 3, 1);
    if (nhs == null) {
      throw Hl7Refusal.missing("QPD", 3, "NHS number");
    }
    String problem = NhsNumber.problemWith(nhs);
    if (problem != null) {
      throw Hl7Refusal.badValue("QPD", 3, "NHS number " + problem.replaceFirst("^'[^']*' ", ""));
    }
    String id = value(qpd, 4, 1);
    String family = value(qpd, 4, 2);
    String given = value(qpd, 4, 3);
    AttendanceMessage.Person who =
        FieldCheck.person(
            id == null && family == null && given == null
                ? null
                : new AttendanceMessage.Person(
                    id, family, given, value(qpd, 4, 4), value(qpd, 4, 5), value(qpd, 4, 6)),
            "QPD",
            4);
    String roleCode =
        FieldCheck.fit(value(qpd, 5, 1), FieldCheck.JOB_ROLE_CODE, "QPD", 5, "job role code");
    String roleName =
        FieldCheck.fit(value(qpd, 5, 2), FieldCheck.JOB_ROLE_NAME, "QPD", 5, "job role name");
    if (AdtReader.segment(m, "QPD").encode().length() > FieldCheck.QPD) {
      // it is echoed in the answer, which is kept
      throw Hl7Refusal.badMessage("QPD is longer than " + FieldCheck.QPD + " characters");
    }
    return new CpisQuery(facility, tag, NhsNumber.of(nhs).value(), who, roleCode, roleName);
  }

  /** The query tag (QPD-2) of a query, for QAK-1, or null. */
  static String queryTag(Message m) {
    try {
      String[][] qpd = fields(m);
      return qpd == null ? null : value(qpd, 2, 1);
    } catch (HL7Exception e) {
      return null;
    }
  }

  /** QPD split into fields and components (first repetition), unescaped; null without a QPD. */
  static String[][] fields(Message m) throws HL7Exception {
    Segment qpd = AdtReader.segment(m, "QPD");
    if (qpd == null) {
      return null;
    }
    EncodingCharacters enc = EncodingCharacters.getInstance(m);
    String encoded = qpd.encode();
    String[] f =
        encoded.split(java.util.regex.Pattern.quote(String.valueOf(enc.getFieldSeparator())), -1);
    String[][] out = new String[f.length][];
    for (int i = 0; i < f.length; i++) {
      String firstRep =
          f[i].split(
                  java.util.regex.Pattern.quote(String.valueOf(enc.getRepetitionSeparator())), -1)[
              0];
      String[] comps =
          firstRep.split(
              java.util.regex.Pattern.quote(String.valueOf(enc.getComponentSeparator())), -1);
      for (int c = 0; c < comps.length; c++) {
        comps[c] = Escape.unescape(comps[c], enc);
      }
      out[i] = comps;
    }
    return out;
  }

  /** Field {@code field} (1-based), component {@code comp} (1-based), trimmed; null when empty. */
  static String value(String[][] fields, int field, int comp) {
    if (field >= fields.length || comp > fields[field].length) {
      return null;
    }
    return AdtReader.blankToNull(fields[field][comp - 1]);
  }
}

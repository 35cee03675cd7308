package org.opencpis.hl7.handler;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.opencpis.hub.application.QueryAnswer;
import org.opencpis.shared.Hl7Dates;
import org.opencpis.shared.PersonName;

/**
 * The CP-IS answer as OBX segments, the same in RSP^K11 and ORU^R01 (the profile is in the README).
 * An OBX holds one typed value, so each LA record is a group of OBX sharing a sub-ID (OBX-4 {@code
 * 1}, {@code 2}, ...): plan type (CWE), the LA (XON: name, ODS code in XON-10), its office-hours
 * and emergency-duty numbers (XTN), the plan's start and end dates (DT). In an RSP, each previous
 * access (R19) is a group with sub-ID {@code A1}, {@code A2}, ...: when (TS), who (XCN), job role
 * (CWE), organisation (XON), care setting (CWE).
 */
final class CpisObservations {

  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private CpisObservations() {}

  static List<String> rows(QueryAnswer a, boolean withHistory, ZoneId zone) {
    List<String> rows = new ArrayList<>();
    int record = 0;
    for (QueryAnswer.Entry e : a.records()) {
      String sub = String.valueOf(++record);
      add(
          rows,
          "CWE",
          "CPIS-PLAN^CP-IS plan type^L",
          sub,
          e.planType().wireCode() + "^" + escape(e.planType().displayName()) + "^L");
      add(
          rows,
          "XON",
          "CPIS-LA^Responsible local authority^L",
          sub,
          xon(e.laName(), e.laOdsCode()));
      if (e.officeHoursPhone() != null) {
        add(
            rows,
            "XTN",
            "CPIS-TEL-WP^LA office hours telephone^L",
            sub,
            escape(e.officeHoursPhone()) + "^WPN^PH");
      }
      if (e.emergencyDutyPhone() != null) {
        add(
            rows,
            "XTN",
            "CPIS-TEL-EC^LA emergency duty team telephone^L",
            sub,
            escape(e.emergencyDutyPhone()) + "^EMR^PH");
      }
      add(rows, "DT", "CPIS-START^Plan start date^L", sub, Hl7Dates.format(e.startDate()));
      if (e.endDate() != null) {
        add(rows, "DT", "CPIS-END^Plan end date^L", sub, Hl7Dates.format(e.endDate()));
      }
    }
    if (withHistory) {
      int n = 0;
      for (QueryAnswer.PreviousAccess p : a.history()) {
        String sub = "A" + ++n;
        add(rows, "TS", "CPIS-ACCESS-TIME^Accessed at^L", sub, TS.format(p.at().atZone(zone)));
        if (p.viewer() != null) {
          add(rows, "XCN", "CPIS-ACCESS-BY^Accessed by^L", sub, xcn(p.viewer()));
        }
        if (p.jobRoleCode() != null || p.jobRoleName() != null) {
          add(
              rows,
              "CWE",
              "CPIS-ACCESS-ROLE^Job role^L",
              sub,
              escape(p.jobRoleCode()) + "^" + escape(p.jobRoleName()) + "^L");
        }
        add(
            rows,
            "XON",
            "CPIS-ACCESS-ORG^Organisation^L",
            sub,
            xon(p.organisationName(), p.organisationOds()));
        if (p.careSetting() != null) {
          add(rows, "CWE", "CPIS-ACCESS-SETTING^Care setting^L", sub, escape(p.careSetting()));
        }
      }
    }
    return rows;
  }

  private static void add(List<String> rows, String type, String id, String sub, String value) {
    rows.add(
        "OBX|" + (rows.size() + 1) + "|" + type + "|" + id + "|" + sub + "|" + value + "||||||F");
  }

  private static String xon(String name, String ods) {
    return escape(name) + "^^^^^^^^^" + escape(ods);
  }

  /** HL7 escapes for the default delimiters | ^ ~ \ &. */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\\' -> b.append("\\E\\");
        case '|' -> b.append("\\F\\");
        case '^' -> b.append("\\S\\");
        case '&' -> b.append("\\T\\");
        case '~' -> b.append("\\R\\");
        case '\r', '\n' -> b.append(' ');
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * A name as an XCN without its id: ^family^given^further given names^suffix^prefix, empty
   * components at the end left off.
   */
  static String xcn(PersonName n) {
    List<String> further =
        n.given().size() > 1 ? n.given().subList(1, n.given().size()) : List.of();
    String[] parts = {
      "",
      escape(n.family()),
      escape(n.given(0)),
      escape(further.isEmpty() ? null : String.join(" ", further)),
      escape(n.suffix()),
      escape(n.prefix())
    };
    int last = parts.length;
    while (last > 1 && parts[last - 1].isEmpty()) {
      last--;
    }
    return String.join("^", java.util.Arrays.copyOf(parts, last));
  }
}

package org.opencpis.hl7.handler;

import java.util.ArrayList;
import java.util.List;
import org.opencpis.hl7.Facility;
import org.opencpis.shared.PersonName;

/**
 * An ADT^A01/A04/A08 as read: an attendance (PV1-19) at a facility, with the child's NHS number
 * when the message carries one (already checked: ten digits, modulus 11), and who and where.
 *
 * @param nhsNumber null when the attendance has no NHS number (yet)
 */
public record AttendanceMessage(
    Facility facility,
    String event,
    String visitNumber,
    String nhsNumber,
    String careSetting,
    String pointOfCare,
    Person who) {

  /**
   * A health worker as a v2 message names one (XCN): id (XCN.1), family name (.2), given name (.3),
   * further given names (.4, space-separated), suffix (.5) and prefix (.6).
   */
  public record Person(
      String id, String family, String given, String middle, String suffix, String prefix) {

    public Person(String id, String family, String given) {
      this(id, family, given, null, null, null);
    }

    /** The name in its parts, or null when the field names nobody. */
    public PersonName name() {
      List<String> names = new ArrayList<>();
      if (given != null) {
        names.add(given);
      }
      if (middle != null) {
        names.addAll(List.of(middle.strip().split("\\s+")));
      }
      return PersonName.ofParts(prefix, names, family, suffix);
    }

    public String displayName() {
      PersonName n = name();
      return n == null ? null : n.display();
    }
  }
}

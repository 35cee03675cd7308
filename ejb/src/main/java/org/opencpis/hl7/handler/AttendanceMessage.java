package org.opencpis.hl7.handler;

import org.opencpis.hl7.Facility;

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

  /** A health worker as a v2 message names one (XCN): id, family and given name. */
  public record Person(String id, String family, String given) {

    public String displayName() {
      String name = ((given == null ? "" : given) + " " + (family == null ? "" : family)).trim();
      return name.isEmpty() ? null : name;
    }
  }
}

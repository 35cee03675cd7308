package org.opencpis.hub.domain;

/**
 * One record of an upload file as received, values as text: checking them is the hub's job ({@link
 * UploadRecordValidator}), so that every channel gets the same answers.
 *
 * @param subjectKind CHILD, UNBORN, or null when the record names no subject
 * @param unreadableField with {@code unreadable}: the field at fault when the channel could not
 *     read the record into these terms (e.g. a national record with two plans), else null
 * @param unreadable why the channel could not read the record: the record is refused (CPR07) with
 *     this reason, before anything else is checked
 */
public record ReceivedRecord(
    String localChildId,
    SubjectKind subjectKind,
    String nhsNumber,
    String givenName,
    String familyName,
    String birthDate,
    String planCode,
    String legalStatus,
    String startDate,
    String endDate,
    String deleteDate,
    String officeHoursPhone,
    String emergencyDutyPhone,
    String unreadableField,
    String unreadable) {

  /** A record the channel read in full. */
  public ReceivedRecord(
      String localChildId,
      SubjectKind subjectKind,
      String nhsNumber,
      String givenName,
      String familyName,
      String birthDate,
      String planCode,
      String legalStatus,
      String startDate,
      String endDate,
      String deleteDate,
      String officeHoursPhone,
      String emergencyDutyPhone) {
    this(
        localChildId,
        subjectKind,
        nhsNumber,
        givenName,
        familyName,
        birthDate,
        planCode,
        legalStatus,
        startDate,
        endDate,
        deleteDate,
        officeHoursPhone,
        emergencyDutyPhone,
        null,
        null);
  }
}

package org.opencpis.hub.domain;

/**
 * One record of an upload file as received, values as text: checking them is the hub's job ({@link
 * UploadRecordValidator}), so that every channel gets the same answers.
 *
 * @param subjectKind CHILD, UNBORN, or null when the record names no subject
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
    String emergencyDutyPhone) {}

package org.opencpis.hub.domain;

import java.time.LocalDate;
import org.opencpis.shared.NhsNumber;

/**
 * One validated record of an upload file: what an LA says about one plan of one child (or of an
 * unborn, under its mother's NHS number). The legal basis of a LAC record was checked (R7) and is
 * deliberately not carried any further.
 */
public record RecordUpdate(
    String laCode,
    NhsNumber nhsNumber,
    SubjectKind subjectKind,
    PlanType planType,
    String localChildId,
    String givenName,
    String familyName,
    LocalDate birthDate,
    LocalDate startDate,
    LocalDate endDate,
    LocalDate deleteDate,
    String officeHoursPhone,
    String emergencyDutyPhone) {}

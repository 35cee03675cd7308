package org.opencpis.hl7.handler;

import org.opencpis.hl7.Facility;

/**
 * A QBP^Q11 CP-IS query as read: QPD-2 query tag, QPD-3 NHS number (checked), and optionally who
 * asks (QPD-4, XCN) and their job role (QPD-5, CWE).
 */
public record CpisQuery(
    Facility facility,
    String queryTag,
    String nhsNumber,
    AttendanceMessage.Person who,
    String jobRoleCode,
    String jobRoleName) {}

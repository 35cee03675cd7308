package org.opencpis.hub.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.opencpis.audit.AuditedOutcome;
import org.opencpis.hub.domain.PlanType;
import org.opencpis.hub.domain.SubjectKind;
import org.opencpis.shared.PersonName;

/**
 * What health sees (R18, R19): per LA and plan, who to call and the plan's dates; and the previous
 * accesses. No records means "query act failed: no records found", never an empty success: {@link
 * #found()} tells the channel which answer to give.
 *
 * @param accessEventId the access recorded by this query, or null (silent read, nothing found)
 */
public record QueryAnswer(
    String nhsNumber, List<Entry> records, List<PreviousAccess> history, String accessEventId)
    implements AuditedOutcome {

  /** FOUND or NOT_FOUND; a found answer names the access it recorded (none for a silent read). */
  @Override
  public String auditOutcome() {
    return found()
        ? (accessEventId == null ? "FOUND" : "FOUND access " + accessEventId)
        : "NOT_FOUND";
  }

  public boolean found() {
    return !records.isEmpty();
  }

  /**
   * One plan of one LA, and whom it is about as the LA uploaded it (the national answer gives the
   * child back with its plans, R5 of docs/spine-national-shape.md §5).
   *
   * @param nhsNumber the number the LA shared it under: the child's, or for an unborn the mother's
   * @param localChildId the LA's own id of the child (or of the unborn)
   * @param givenName the child's (for an unborn, the mother's) given name, or null
   * @param birthDate the child's (for an unborn, the mother's) date of birth, or null
   */
  public record Entry(
      String laOdsCode,
      String laName,
      String officeHoursPhone,
      String emergencyDutyPhone,
      PlanType planType,
      LocalDate startDate,
      LocalDate endDate,
      String nhsNumber,
      SubjectKind subjectKind,
      String localChildId,
      String givenName,
      String familyName,
      LocalDate birthDate) {}

  /**
   * One earlier access: when, who and from where.
   *
   * @param eventId the id the query gave its access event (the national pertinentCP-ISNHSQuery/id)
   * @param viewer the viewer's name in its parts, or null
   * @param person a person with a smartcard (SDS user id) looked; otherwise a system (its ASID)
   *     acting for the named person
   */
  public record PreviousAccess(
      Instant at,
      String eventId,
      PersonName viewer,
      boolean person,
      String sdsUserId,
      String sdsRoleProfileId,
      String systemAsid,
      String jobRoleCode,
      String jobRoleName,
      String organisationOds,
      String organisationName,
      String careSetting) {

    /** The viewer's name as a person reads it, or null. */
    public String viewerName() {
      return viewer == null ? null : viewer.display();
    }
  }
}

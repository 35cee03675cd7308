package org.opencpis.audit;

/**
 * A request that says, for the audit trail, what it asks for and what its message claims about the
 * person behind it. Claims are recorded as claimed, beside the principal the container
 * authenticated; they never replace it.
 */
public interface AuditedRequest {

  /** What is read or changed: an NHS number, a council's file. */
  String auditSubject();

  /** The user the message names (an SDS user id, an HL7 XCN id), or null. */
  default String claimedUser() {
    return null;
  }

  /** The organisation the message names (an ODS code), or null. */
  default String claimedOrganisation() {
    return null;
  }
}

package org.opencpis.hub.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.opencpis.audit.AuditedRequest;
import org.opencpis.hub.domain.Viewer;
import org.opencpis.shared.NhsNumber;

/**
 * A query from health, as a channel (SOAP, HL7, REST) received it. Who may view, and whether a view
 * notifies, is the caller's role ({@link QueryService}); a channel may only narrow it. Values
 * longer than the hub keeps are refused ({@link RequestChecks}), never cut.
 *
 * @param accessEvent false for a scheduled-care silent read (answered, not recorded)
 * @param callerMayView false when the channel itself refuses the caller (true otherwise)
 * @param callerMayNotify false when the channel knows the view must not notify (true otherwise)
 * @param queriedAt when the sending system says its user looked (a national query's effectiveTime),
 *     kept with the access beside the hub's own time; null when not given
 */
public record QueryRequest(
    String nhsNumber,
    @Size(max = 80, message = "the query's id is at most {max} characters") String queryEventId,
    boolean accessEvent,
    @Size(max = 20, message = "the care setting is at most {max} characters") String careSetting,
    @Valid Viewer viewer,
    boolean callerMayView,
    boolean callerMayNotify,
    String channel,
    Instant queriedAt)
    implements AuditedRequest {

  /** A query whose sending system gives no time of its own. */
  public QueryRequest(
      String nhsNumber,
      String queryEventId,
      boolean accessEvent,
      String careSetting,
      Viewer viewer,
      boolean callerMayView,
      boolean callerMayNotify,
      String channel) {
    this(
        nhsNumber,
        queryEventId,
        accessEvent,
        careSetting,
        viewer,
        callerMayView,
        callerMayNotify,
        channel,
        null);
  }

  /**
   * The number asked for, written as the hub keeps numbers (ten digits) so a search by it finds
   * every read; one that is not a valid NHS number, as asked.
   */
  @Override
  public String auditSubject() {
    return NhsNumber.isValid(nhsNumber) ? NhsNumber.of(nhsNumber).value() : nhsNumber;
  }

  /** The smartcard user the message names, or the sending system when no person is named. */
  @Override
  public String claimedUser() {
    if (viewer == null) {
      return null;
    }
    return viewer.sdsUserId() != null ? viewer.sdsUserId() : viewer.systemAsid();
  }

  @Override
  public String claimedOrganisation() {
    return viewer == null ? null : viewer.organisationOds();
  }

  /** A query whose caller the service alone judges by role. */
  public QueryRequest(
      String nhsNumber,
      String queryEventId,
      boolean accessEvent,
      String careSetting,
      Viewer viewer,
      String channel) {
    this(nhsNumber, queryEventId, accessEvent, careSetting, viewer, true, true, channel);
  }
}

package org.opencpis.hub.application;

import org.opencpis.hub.domain.Viewer;

/**
 * A query from health, as a channel (SOAP, HL7, REST) received it. Who may view, and whether a view
 * notifies, is the caller's role ({@link QueryService}); a channel may only narrow it.
 *
 * @param accessEvent false for a scheduled-care silent read (answered, not recorded)
 * @param callerMayView false when the channel itself refuses the caller (true otherwise)
 * @param callerMayNotify false when the channel knows the view must not notify (true otherwise)
 */
public record QueryRequest(
    String nhsNumber,
    String queryEventId,
    boolean accessEvent,
    String careSetting,
    Viewer viewer,
    boolean callerMayView,
    boolean callerMayNotify,
    String channel) {

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

package org.opencpis.hub.application;

import org.opencpis.hub.domain.Viewer;

/**
 * A query from health, as a channel (SOAP, HL7) received it.
 *
 * @param accessEvent false for a scheduled-care silent read (answered, not recorded)
 * @param callerMayView the caller's role carries B0107 or B0170
 * @param callerMayNotify the caller's role carries B0107 (a view that notifies the LA)
 */
public record QueryRequest(
    String nhsNumber,
    String queryEventId,
    boolean accessEvent,
    String careSetting,
    Viewer viewer,
    boolean callerMayView,
    boolean callerMayNotify,
    String channel) {}

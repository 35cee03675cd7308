package org.opencpis.audit;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who is calling over which channel, as the channel's entry saw it, for the one audit row of the
 * request: filled once per request by the channel (the REST filter, the spine filter, the HL7
 * gateway, a message consumer that applies CP-IS data), read by the {@link AuditInterceptor}. A
 * request with no channel (a timer) is {@value #INTERNAL}.
 */
@RequestScoped
public class AuditContext {

  public static final String SOAP = "SOAP";
  public static final String HL7 = "HL7";
  public static final String REST = "REST";
  public static final String PAGE = "PAGE";
  public static final String FHIR = "FHIR";
  public static final String JMS = "JMS";
  public static final String INTERNAL = "INTERNAL";

  private String channel;
  private String request;
  private String principal;
  private int depth;
  private boolean recorded;

  /**
   * The channel and the request as it came (e.g. {@code GET /api/children/{id}}); the principal is
   * the container's.
   */
  public void enter(String channel, String request) {
    this.channel = channel;
    this.request = request;
  }

  /**
   * For a channel that authenticates its peers itself (HL7: the facility and its certificate or
   * address), the principal it authenticated; the container knows only the channel's run-as role.
   */
  public void enter(String channel, String request, String principal) {
    enter(channel, request);
    this.principal = principal;
  }

  public String channel() {
    return channel == null ? INTERNAL : channel;
  }

  public String request() {
    return request;
  }

  /** The principal the channel authenticated itself, or null (then the container's). */
  public String principal() {
    return principal;
  }

  /**
   * Whether an audited call starting now is the request's read: not one made inside another audited
   * call, nor after the request's row was written (a page that reads a child, its plans and its
   * steps is one read).
   */
  boolean begin() {
    depth++;
    return depth == 1 && !recorded;
  }

  /** Whether no audited call is under way and none has been recorded in this request. */
  boolean idle() {
    return depth == 0 && !recorded;
  }

  void end() {
    depth--;
  }

  void recorded() {
    recorded = true;
  }
}

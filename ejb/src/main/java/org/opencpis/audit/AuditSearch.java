package org.opencpis.audit;

import java.time.Instant;

/**
 * What an administrator looks for in the audit trail: any of the subject (an NHS number, a resource
 * id), the principal, the channel, and a time window (from inclusive, to exclusive); newest first,
 * a page at a time.
 */
public record AuditSearch(
    String subject, String principal, String channel, Instant from, Instant to, int page, int size)
    implements AuditedRequest {

  public static final int MAX_SIZE = 200;

  public AuditSearch {
    page = Math.max(0, page);
    size = size <= 0 ? 50 : Math.min(size, MAX_SIZE);
  }

  @Override
  public String auditSubject() {
    return subject;
  }
}

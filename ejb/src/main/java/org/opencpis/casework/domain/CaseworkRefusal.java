package org.opencpis.casework.domain;

import jakarta.ejb.ApplicationException;
import org.opencpis.audit.AuditedOutcome;

/**
 * Something a council user asked for that is not allowed, not found or not possible in the current
 * state, with the reason a person can act on. Nothing of the request is kept.
 */
@ApplicationException(rollback = true)
public class CaseworkRefusal extends RuntimeException implements AuditedOutcome {

  private static final long serialVersionUID = 1L;

  /** What kind of refusal: the REST API answers 404, 403, 409 or 400. */
  public enum Kind {
    NOT_FOUND,
    FORBIDDEN,
    CONFLICT,
    INVALID
  }

  private final Kind kind;
  private final String field;

  public CaseworkRefusal(Kind kind, String field, String message) {
    super(message);
    this.kind = kind;
    this.field = field;
  }

  public Kind kind() {
    return kind;
  }

  public String field() {
    return field;
  }

  @Override
  public String auditOutcome() {
    return "REFUSED " + kind;
  }
}

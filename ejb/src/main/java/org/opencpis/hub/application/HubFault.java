package org.opencpis.hub.application;

import jakarta.ejb.ApplicationException;
import org.opencpis.audit.AuditedOutcome;

/**
 * A request the hub refuses, with a code a calling system can act on (spine-style, e.g.
 * ACCESS_DENIED or ErrorBase1712.MANDATORY_DATA_MISSING), the field at fault when there is one, and
 * a message for a person. Nothing the request did is kept.
 */
@ApplicationException(rollback = true)
public class HubFault extends RuntimeException implements AuditedOutcome {

  private static final long serialVersionUID = 1L;

  public static final String ACCESS_DENIED = "ACCESS_DENIED";
  public static final String INVALID_NHS_NUMBER = "INVALID_NHS_NUMBER";
  public static final String MANDATORY_DATA_MISSING = "ErrorBase1712.MANDATORY_DATA_MISSING";

  /**
   * A value the hub cannot take (too long, malformed); the code is followed by "|" and the field.
   */
  public static final String INVALID_DATA = "ErrorBase1712.INVALID_DATA";

  public static final String UNKNOWN_SENDER = "UNKNOWN_SENDER";
  public static final String OUT_OF_SEQUENCE = "FILE_OUT_OF_SEQUENCE";
  public static final String SEQUENCE_REUSED = "FILE_SEQUENCE_REUSED";

  private final String code;
  private final String field;

  public HubFault(String code, String field, String message) {
    super(message);
    this.code = code;
    this.field = field;
  }

  public String code() {
    return code;
  }

  public String field() {
    return field;
  }

  @Override
  public String auditOutcome() {
    return "REFUSED " + code;
  }
}

package org.opencpis.audit;

/**
 * An answer or a refusal that names its own outcome for the audit trail (FOUND, NOT_FOUND, a file
 * code, REFUSED with a code). Other answers are judged by their shape ({@link AuditInterceptor}).
 */
public interface AuditedOutcome {

  String auditOutcome();
}

package org.opencpis.audit;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.validation.ConstraintViolationException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opencpis.shared.DomainMetrics;

/**
 * Leaves one audit row for each audited call a channel makes (see {@link AuditContext#begin()}):
 * the principal from the container (or the channel that authenticated it, HL7), the claims and the
 * subject from the request, the outcome from the answer or the refusal. A success is recorded in
 * the call's own transaction, a refusal or failure in one of its own. Audit rows never name a
 * person in the log.
 */
@Audited("")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditInterceptor {

  private static final Logger LOG = Logger.getLogger(AuditInterceptor.class.getName());

  @Inject AuditContext context;
  @Inject AuditTrail trail;
  @Inject DomainMetrics metrics;
  @Resource TransactionSynchronizationRegistry transactions;

  @AroundInvoke
  public Object audit(InvocationContext ic) throws Exception {
    boolean mine = context.begin();
    try {
      if (!mine) {
        return ic.proceed();
      }
      Audited a = audited(ic.getMethod());
      Object result;
      try {
        result = ic.proceed();
      } catch (Exception e) {
        context.recorded();
        String refused = refusal(e);
        metrics.call(context.channel(), a.value(), refused);
        try {
          trail.recordApart(record(context, trail, a, ic.getParameters(), refused));
        } catch (RuntimeException notKept) {
          // the database itself is failing: the caller gets its own error, not the audit's
          e.addSuppressed(notKept);
          LOG.warning(
              "the audit row of a failed "
                  + a.value()
                  + " was not kept: "
                  + notKept.getClass().getName());
        }
        throw e;
      }
      context.recorded();
      String outcome = outcome(a, result);
      metrics.call(context.channel(), a.value(), outcome);
      AuditRecord r = record(context, trail, a, ic.getParameters(), outcome);
      if (inLiveTransaction()) {
        trail.record(r);
      } else {
        trail.recordApart(r);
      }
      return result;
    } finally {
      context.end();
    }
  }

  private boolean inLiveTransaction() {
    return transactions.getTransactionStatus() == Status.STATUS_ACTIVE;
  }

  static Audited audited(Method m) {
    Audited a = m.getAnnotation(Audited.class);
    return a != null ? a : m.getDeclaringClass().getAnnotation(Audited.class);
  }

  /** The row for a call to {@code a} with these parameters and outcome. */
  static AuditRecord record(
      AuditContext context, AuditTrail trail, Audited a, Object[] params, String outcome) {
    String subject = null;
    String user = null;
    String org = null;
    StringBuilder s = new StringBuilder();
    for (Object p : params) {
      if (p instanceof AuditedRequest r) {
        subject = r.auditSubject();
        user = r.claimedUser();
        org = r.claimedOrganisation();
      }
    }
    for (int i : a.subject()) {
      if (i < params.length && params[i] != null) {
        s.append(s.isEmpty() ? "" : " ").append(params[i]);
      }
    }
    if (!s.isEmpty()) {
      subject = subject == null ? s.toString() : subject + " " + s;
    }
    String principal = context.principal() != null ? context.principal() : trail.callerPrincipal();
    return new AuditRecord(
        context.channel(), a.value(), context.request(), principal, user, org, subject, outcome);
  }

  static String outcome(Audited a, Object result) {
    if (result instanceof AuditedOutcome o) {
      return o.auditOutcome();
    }
    if (a.change()) {
      return "DONE";
    }
    if (result instanceof Optional<?> o) {
      return o.isPresent() ? "FOUND" : "NOT_FOUND";
    }
    if (result instanceof Collection<?> c) {
      return c.isEmpty() ? "NOT_FOUND" : "FOUND " + c.size();
    }
    return "FOUND";
  }

  static String refusal(Throwable e) {
    if (e instanceof AuditedOutcome o) {
      return o.auditOutcome();
    }
    if (e instanceof EJBAccessException) {
      return "REFUSED ACCESS_DENIED";
    }
    if (e instanceof ConstraintViolationException) {
      return "REFUSED INVALID";
    }
    LOG.log(Level.FINE, "audited call failed", e);
    return "ERROR " + e.getClass().getSimpleName();
  }
}

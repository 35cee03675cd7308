package org.opencpis.audit;

import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.util.logging.Logger;

/**
 * Audits a call the container refuses by {@code @RolesAllowed} before any interceptor of the bean
 * runs (so {@link AuditInterceptor} never sees it): an EJB container interceptor (META-INF
 * /jboss-ejb3.xml), which WildFly runs ahead of its security checks. The refusal is recorded in a
 * transaction of its own.
 */
public class AccessRefusalAudit {

  private static final Logger LOG = Logger.getLogger(AccessRefusalAudit.class.getName());

  @AroundInvoke
  public Object refused(InvocationContext ic) throws Exception {
    try {
      return ic.proceed();
    } catch (EJBAccessException e) {
      Method m = ic.getMethod();
      Audited a = m == null ? null : AuditInterceptor.audited(m);
      if (a != null) {
        record(a, ic.getParameters(), e);
      }
      throw e;
    }
  }

  private static void record(Audited a, Object[] params, EJBAccessException e) {
    try {
      AuditContext context = CDI.current().select(AuditContext.class).get();
      if (!context.idle()) {
        return;
      }
      context.recorded();
      AuditTrail trail = CDI.current().select(AuditTrail.class).get();
      trail.recordApart(
          AuditInterceptor.record(context, trail, a, params, AuditInterceptor.refusal(e)));
    } catch (RuntimeException notKept) {
      e.addSuppressed(notKept);
      LOG.warning(
          "the audit row of a refused " + a.value() + " was not kept: " + notKept.getClass());
    }
  }
}

package org.opencpis.audit;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An application-service method that reads or changes CP-IS data: each call over a channel leaves
 * one row in the audit trail ({@link AuditInterceptor}), whatever its outcome, including a refusal
 * by the container's {@code @RolesAllowed} ({@link AccessRefusalAudit}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Audited {

  /** The operation as the audit names it, e.g. {@code cpisquery.query}. */
  @Nonbinding
  String value();

  /**
   * The parameters (by position) that say what is read: their values, joined by a space, are the
   * row's subject. A parameter that is an {@link AuditedRequest} gives its own subject and claims.
   */
  @Nonbinding
  int[] subject() default {};

  /** A change answers DONE on success; a read FOUND or NOT_FOUND. */
  @Nonbinding
  boolean change() default false;
}

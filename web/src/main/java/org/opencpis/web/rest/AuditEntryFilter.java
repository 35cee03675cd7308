package org.opencpis.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import org.opencpis.audit.AuditContext;

/**
 * The REST API's entry to the audit trail: each request is one audited request, named by its method
 * and path template ({@code GET /api/children/{id}}, never the values), of the channel PAGE when a
 * page of this application sent it (header {@value #PAGE}; pages send no Referer), else REST. The
 * principal is the container's.
 */
@Provider
@ApplicationScoped
public class AuditEntryFilter implements ContainerRequestFilter {

  /** The header the pages send with each call (app/js/lib.js), naming the page. */
  static final String PAGE = "X-CPIS-Page";

  @Inject AuditContext audit;
  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    String page = request.getHeaderString(PAGE);
    String call = request.getMethod() + " /api" + template();
    if (page == null || page.isBlank()) {
      audit.enter(AuditContext.REST, call);
    } else {
      audit.enter(AuditContext.PAGE, call + " from " + page.strip());
    }
  }

  private String template() {
    Class<?> type = resource == null ? null : resource.getResourceClass();
    Method method = resource == null ? null : resource.getResourceMethod();
    StringBuilder b = new StringBuilder();
    append(b, type == null ? null : type.getAnnotation(Path.class));
    append(b, method == null ? null : method.getAnnotation(Path.class));
    return b.toString();
  }

  private static void append(StringBuilder b, Path p) {
    if (p == null || p.value().isEmpty() || "/".equals(p.value())) {
      return;
    }
    b.append(p.value().startsWith("/") ? "" : "/").append(p.value());
  }
}

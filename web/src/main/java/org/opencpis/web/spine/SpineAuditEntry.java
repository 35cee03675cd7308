package org.opencpis.web.spine;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.opencpis.audit.AuditContext;

/**
 * The spine services' entry to the audit trail: each SOAP request is one audited request of the
 * SOAP channel, named by its path and SOAP action. The principal is the container's (HTTP Basic, or
 * the client certificate); what the message claims is taken by the audit from the hub's request.
 */
@WebFilter(urlPatterns = "/spine/*")
public class SpineAuditEntry extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject AuditContext audit;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if ("POST".equals(req.getMethod())) {
      String action = req.getHeader("SOAPAction");
      String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
      audit.enter(
          AuditContext.SOAP,
          "POST "
              + path
              + (action == null || action.isBlank() ? "" : " " + action.replace("\"", "")));
    }
    chain.doFilter(req, res);
  }
}

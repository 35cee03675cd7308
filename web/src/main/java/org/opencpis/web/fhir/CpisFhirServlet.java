package org.opencpis.web.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.opencpis.audit.AuditContext;
import org.opencpis.hub.application.QueryService;

/**
 * CP-IS over FHIR R4 at {@code /cpis/FHIR/R4}: HAPI FHIR's plain server, one more channel that
 * translates and delegates to the hub's {@link QueryService} (R18-R20). Each request is one audited
 * request of the channel {@value FhirQueries#CHANNEL}, named by its method and path template
 * ({@code GET /FHIR/R4/CareTeam/{id}}, never the values); the caller's {@code TraceID} is echoed on
 * every answer.
 */
@WebServlet(urlPatterns = "/FHIR/R4/*", loadOnStartup = 1)
public class CpisFhirServlet extends RestfulServer {

  private static final long serialVersionUID = 1L;

  private static final Set<String> TYPES =
      Set.of("CareTeam", "AuditEvent", "PractitionerRole", "metadata");

  @EJB transient QueryService queries;
  @Inject transient AuditContext audit;

  public CpisFhirServlet() {
    super(FhirContext.forR4Cached());
  }

  @Override
  protected void initialize() throws ServletException {
    FhirQueries q = new FhirQueries(queries);
    setResourceProviders(
        new CareTeamProvider(q), new AuditEventProvider(q), new PractitionerRoleProvider(q));
    setServerConformanceProvider(new CpisCapabilityStatement());
    setDefaultResponseEncoding(EncodingEnum.JSON);
    registerInterceptor(new FhirChannelInterceptor());
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse res)
      throws ServletException, IOException {
    String trace = FhirCaller.traceId(req);
    if (trace != null) {
      res.setHeader(FhirCaller.TRACE_ID, trace);
    }
    audit.enter(AuditContext.FHIR, req.getMethod() + " /FHIR/R4" + template(req.getPathInfo()));
    super.service(req, res);
  }

  /** {@code /CareTeam}, {@code /CareTeam/{id}}: the path without its values. */
  static String template(String pathInfo) {
    if (pathInfo == null || pathInfo.isEmpty() || "/".equals(pathInfo)) {
      return "";
    }
    String[] parts = pathInfo.substring(1).split("/", -1);
    StringBuilder b = new StringBuilder("/");
    b.append(TYPES.contains(parts[0]) ? parts[0] : "{type}");
    if (parts.length > 1) {
      b.append("/{id}");
    }
    if (parts.length > 2) {
      b.append("/...");
    }
    return b.toString();
  }
}

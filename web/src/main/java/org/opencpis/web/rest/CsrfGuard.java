package org.opencpis.web.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Set;

/**
 * Cross-site request forgery: a browser resends its Basic credentials to the API with any request,
 * a page of another site's too. Such a page can send a form (bodies {@code text/plain}, {@code
 * application/x-www-form-urlencoded}, {@code multipart/form-data}) without asking, but no custom
 * header: that needs a CORS preflight, which this API never grants. So every state-changing call
 * (POST, PUT, DELETE, PATCH) must carry the header {@value #HEADER} (the pages send {@value
 * #VALUE}), or it is 403 {@code CSRF}; and a body of a form's media type is 415, whatever the
 * header says (the bulk loads are {@code text/csv}, the rest JSON).
 */
@Provider
@PreMatching
public class CsrfGuard implements ContainerRequestFilter {

  public static final String HEADER = "X-Requested-With";
  public static final String VALUE = "OpenCPIS";

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
  private static final Set<String> FORM_TYPES =
      Set.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data");

  @Override
  public void filter(ContainerRequestContext request) {
    if (SAFE.contains(request.getMethod())) {
      return;
    }
    MediaType type = request.getMediaType();
    if (type != null
        && FORM_TYPES.contains(
            (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT))) {
      request.abortWith(
          ApiError.response(
              Response.Status.UNSUPPORTED_MEDIA_TYPE,
              "UNSUPPORTED_MEDIA_TYPE",
              "Content-Type",
              "a "
                  + type.getType()
                  + "/"
                  + type.getSubtype()
                  + " body is not taken: send application/json (bulk loads and demographic files:"
                  + " text/csv)"));
      return;
    }
    String header = request.getHeaderString(HEADER);
    if (header == null || header.isBlank()) {
      request.abortWith(
          ApiError.response(
              Response.Status.FORBIDDEN,
              "CSRF",
              HEADER,
              "a "
                  + request.getMethod()
                  + " needs the header "
                  + HEADER
                  + ": "
                  + VALUE
                  + " (a page of another site cannot send it)"));
    }
  }
}

package org.opencpis.web.spine;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A SOAP request is {@code text/xml} (SOAP 1.1) or {@code application/soap+xml} (1.2), and nothing
 * else reaches the services: a page of another site can make a signed-in browser post a form
 * ({@code text/plain}, urlencoded, multipart) with its cached Basic credentials, but never with
 * these types without the server's consent (a CORS preflight, which CP-IS never grants). So a
 * forged form cannot record a view in a clinician's name, nor upload as a council (CSRF). Refused
 * 415 before anything reads the body; nothing is recorded.
 */
@WebFilter(urlPatterns = "/spine/*")
public class SoapContentType extends HttpFilter {

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!"POST".equals(req.getMethod()) || soap(req.getContentType())) {
      chain.doFilter(req, res);
      return;
    }
    res.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
    res.setContentType("text/plain; charset=utf-8");
    res.getOutputStream()
        .write(
            ("a CP-IS SOAP request is text/xml (SOAP 1.1) or application/soap+xml (SOAP 1.2),"
                    + " not "
                    + (req.getContentType() == null ? "a body without a type" : "this one")
                    + "\n")
                .getBytes(StandardCharsets.UTF_8));
  }

  static boolean soap(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return type.equals("text/xml") || type.equals("application/soap+xml");
  }
}

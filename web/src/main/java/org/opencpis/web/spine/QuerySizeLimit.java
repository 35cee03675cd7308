package org.opencpis.web.spine;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.opencpis.shared.Setting;

/**
 * A query is a few kilobytes: cpisquery takes bodies of at most {@value #DEFAULT_MAX} bytes (system
 * property {@value #PROPERTY}, read at each request), and answers a larger one 413 before anything
 * parses it, whether it declares its length or is sent in chunks. Upload files keep the server's
 * limit for request bodies (50 MB, 30-settings.cli).
 */
@WebFilter(urlPatterns = "/spine/cpisquery")
public class QuerySizeLimit extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String PROPERTY = "cpis.soap.query.max-bytes";
  static final int DEFAULT_MAX = 64 * 1024;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!"POST".equals(req.getMethod())) {
      chain.doFilter(req, res);
      return;
    }
    int max = Setting.integer(PROPERTY, DEFAULT_MAX, 1024);
    if (req.getContentLengthLong() > max) {
      tooLarge(res, max);
      return;
    }
    byte[] body = req.getInputStream().readNBytes(max + 1);
    if (body.length > max) {
      tooLarge(res, max);
      return;
    }
    chain.doFilter(new BufferedRequest(req, body), res);
  }

  private static void tooLarge(HttpServletResponse res, int max) throws IOException {
    res.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    res.setContentType("text/plain;charset=UTF-8");
    res.setHeader("Connection", "close");
    res.getOutputStream()
        .write(
            ("a cpisquery request is at most " + max + " bytes; this one is larger\n")
                .getBytes(StandardCharsets.UTF_8));
  }
}

package org.opencpis.web.rest;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading a JSON body: what RESTEasy's JSON-B provider (Yasson) cannot read, because the body is
 * not JSON or a value has the wrong type ({@code "birthDate": 5}), it throws as a {@link
 * ProcessingException} wrapping a {@code JsonbException}, which would be a 500. Here it becomes
 * {@link UnreadableBody}, a 400 naming the property when the parser says which. Only reading is
 * wrapped: a failure to write an answer stays a server error.
 */
@Provider
public class JsonBodyReading implements ReaderInterceptor {

  private static final Pattern PROPERTY = Pattern.compile("property '([^']+)'");

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    MediaType type = context.getMediaType();
    boolean json =
        type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
    if (!json) {
      return context.proceed();
    }
    try {
      return context.proceed();
    } catch (ProcessingException
        | jakarta.json.JsonException
        | jakarta.json.bind.JsonbException e) {
      throw unreadable(e);
    }
  }

  private static UnreadableBody unreadable(RuntimeException e) {
    String field = null;
    String detail = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m == null) {
        continue;
      }
      Matcher p = PROPERTY.matcher(m);
      if (field == null && p.find()) {
        field = p.group(1);
      }
      detail = m; // the innermost says what the parser met
    }
    String what =
        field == null
            ? "the body is not the JSON this operation takes"
            : field + " does not have the type this operation takes";
    return new UnreadableBody(field, what + ": " + shorten(detail), e);
  }

  private static String shorten(String s) {
    if (s == null) {
      return "it cannot be read";
    }
    String line = s.lines().findFirst().orElse(s);
    return line.length() <= 300 ? line : line.substring(0, 300) + "…";
  }
}

package org.opencpis.it;

import jakarta.json.Json;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A plain HTTP client of the REST API, signed in as a development user, sending the header the API
 * requires of state-changing calls ({@code X-Requested-With}) as the pages do.
 */
public final class Rest {

  /** A response: status, body and headers. */
  public record Reply(int status, String body, java.net.http.HttpHeaders headers) {
    public Reply(int status, String body) {
      this(status, body, java.net.http.HttpHeaders.of(java.util.Map.of(), (k, v) -> true));
    }

    /** The header's values, joined by ", " as one header would carry them; null if absent. */
    public String header(String name) {
      java.util.List<String> values = headers.allValues(name);
      return values.isEmpty() ? null : String.join(", ", values);
    }

    public JsonStructure json() {
      return Json.createReader(new StringReader(body)).read();
    }
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Rest() {}

  public static Reply get(Spine.User user, String path) {
    return send(user, HttpRequest.newBuilder(uri(path)).GET());
  }

  public static Reply post(Spine.User user, String path, String json) {
    return send(
        user,
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
  }

  /** POSTs a body of another media type (e.g. text/csv). */
  public static Reply post(Spine.User user, String path, String contentType, String body) {
    return send(
        user,
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  public static Reply put(Spine.User user, String path, String json) {
    return send(
        user,
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public static Reply delete(Spine.User user, String path) {
    return send(user, HttpRequest.newBuilder(uri(path)).DELETE());
  }

  private static URI uri(String path) {
    return URI.create(TestServer.baseUrl() + "/api" + path);
  }

  private static Reply send(Spine.User user, HttpRequest.Builder b) {
    if (user != null) {
      String token =
          Base64.getEncoder()
              .encodeToString(
                  (user.name() + ":" + user.password()).getBytes(StandardCharsets.UTF_8));
      b.header("Authorization", "Basic " + token);
    }
    // what the pages send: the API refuses a state-changing call without it (CSRF)
    b.header("X-Requested-With", "OpenCPIS");
    b.header("Accept", "application/json").timeout(Duration.ofSeconds(30));
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body(), r.headers());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

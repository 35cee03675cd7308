package org.opencpis.it.crash;

import jakarta.json.Json;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.opencpis.contract.query.CpisQueryPortType;
import org.opencpis.contract.upload.CpisUploadPortType;
import org.opencpis.it.Spine;

/**
 * The real clients, pointed at the harness's server: CXF for SOAP (with bounded connect and receive
 * timeouts), the JDK's HTTP client for REST (signed in with HTTP Basic).
 */
final class Clients {

  private Clients() {}

  static CpisQueryPortType query(String baseUrl, Spine.User user) {
    CpisQueryPortType port = Spine.query(user, baseUrl);
    bounded(port);
    return port;
  }

  static CpisUploadPortType upload(String baseUrl, Spine.User user) {
    CpisUploadPortType port = Spine.upload(user, baseUrl);
    bounded(port);
    return port;
  }

  private static void bounded(Object port) {
    HTTPConduit conduit = (HTTPConduit) ClientProxy.getClient(port).getConduit();
    HTTPClientPolicy policy = new HTTPClientPolicy();
    policy.setConnectionTimeout(5_000);
    policy.setReceiveTimeout(60_000);
    policy.setAllowChunking(false);
    conduit.setClient(policy);
  }

  /** A REST client of the harness's server. */
  static final class Rest {

    /** A response: status and body. */
    record Reply(int status, String body) {
      JsonStructure json() {
        return Json.createReader(new StringReader(body)).read();
      }

      boolean ok() {
        return status >= 200 && status < 300;
      }
    }

    private final String api;
    private final HttpClient http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Rest(String baseUrl) {
      this.api = baseUrl + "/api";
    }

    Reply get(Spine.User user, String path) throws IOException, InterruptedException {
      return send(user, HttpRequest.newBuilder(URI.create(api + path)).GET());
    }

    Reply post(Spine.User user, String path, String json) throws IOException, InterruptedException {
      return send(
          user,
          HttpRequest.newBuilder(URI.create(api + path))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
    }

    Reply post(Spine.User user, String path, String contentType, String body)
        throws IOException, InterruptedException {
      return send(
          user,
          HttpRequest.newBuilder(URI.create(api + path))
              .header("Content-Type", contentType)
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    Reply put(Spine.User user, String path, String json) throws IOException, InterruptedException {
      return send(
          user,
          HttpRequest.newBuilder(URI.create(api + path))
              .header("Content-Type", "application/json")
              .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Reply send(Spine.User user, HttpRequest.Builder b)
        throws IOException, InterruptedException {
      String token =
          Base64.getEncoder()
              .encodeToString(
                  (user.name() + ":" + user.password()).getBytes(StandardCharsets.UTF_8));
      b.header("Authorization", "Basic " + token)
          .header("Accept", "application/json")
          // what the API requires of a state-changing call (CSRF), as the pages send it
          .header("X-Requested-With", "OpenCPIS")
          .timeout(Duration.ofSeconds(60));
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body());
    }
  }
}

package org.opencpis.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Where the server under test answers, and a wait until the application is deployed. */
public final class TestServer {

  private static volatile boolean ready;

  private TestServer() {}

  public static String baseUrl() {
    return System.getProperty("it.base.url", "http://localhost:8180/cpis");
  }

  /** The HTTPS address: WildFly's https socket binding, 8443 plus the port offset. */
  public static String httpsBaseUrl() {
    int port = 8443 + Integer.parseInt(System.getProperty("it.port.offset", "100"));
    return "https://localhost:" + port + "/cpis";
  }

  /** Waits (at most two minutes) until both WSDLs are served. */
  public static void awaitDeployed() {
    if (ready) {
      return;
    }
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      try {
        int query = status(http, baseUrl() + "/spine/cpisquery?wsdl");
        int upload = status(http, baseUrl() + "/spine/cpisupload?wsdl");
        if (query == 200 && upload == 200) {
          ready = true;
          return;
        }
      } catch (Exception e) {
        // not up yet
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(
        "OpenCPIS was not deployed at " + baseUrl() + " within 2 minutes");
  }

  private static int status(HttpClient http, String url) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}

package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a WildFly administrator or a load balancer asks the management port: is this node ready to
 * take traffic, and is it alive.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  @Test
  @DisplayName(
      "/health/ready is UP with the database, the broker, the MLLP listener on its port and the demographics service")
  void ready() throws Exception {
    Reply r = get("/health/ready");
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
    assertThat(r.body().getString("status")).isEqualTo("UP");
    Map<String, JsonObject> checks = checks(r.body());
    assertThat(checks).containsKeys("database", "broker", "mllp-listener", "demographics");
    checks.forEach((name, c) -> assertThat(c.getString("status")).as(name).isEqualTo("UP"));
    assertThat(checks.get("database").getJsonObject("data").getString("product"))
        .isIn("H2", "PostgreSQL");
    int offset = Integer.parseInt(System.getProperty("it.port.offset", "100"));
    assertThat(checks.get("mllp-listener").getJsonObject("data").getInt("port"))
        .isEqualTo(2575 + offset);

    Reply live = get("/health/live");
    assertThat(live.status()).isEqualTo(200);
    assertThat(checks(live.body()).get("opencpis").getString("status")).isEqualTo("UP");
  }

  @Test
  @DisplayName(
      "R2: with the demographics service unavailable (uploads cannot be checked) the node says so: /health/ready 503, demographics DOWN, the rest UP")
  void demographicsDown() throws Exception {
    String before = ServerConfig.setSystemProperty("cpis.demographics.available", "false");
    try {
      Reply r = get("/health/ready");
      assertThat(r.status()).isEqualTo(503);
      assertThat(r.body().getString("status")).isEqualTo("DOWN");
      Map<String, JsonObject> checks = checks(r.body());
      assertThat(checks.get("demographics").getString("status")).isEqualTo("DOWN");
      assertThat(checks.get("database").getString("status")).isEqualTo("UP");
      assertThat(get("/health/live").status()).isEqualTo(200);
    } finally {
      ServerConfig.restore("cpis.demographics.available", before);
    }
    assertThat(get("/health/ready").status()).isEqualTo(200);
  }

  record Reply(int status, JsonObject body) {}

  static Reply get(String path) throws Exception {
    int port = Integer.parseInt(System.getProperty("it.management.port", "10090"));
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), Json.createReader(new StringReader(r.body())).readObject());
  }

  static Map<String, JsonObject> checks(JsonObject health) {
    return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .collect(Collectors.toMap(c -> c.getString("name"), c -> c, (a, b) -> a));
  }
}

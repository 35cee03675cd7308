package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencpis.it.crash.WildFlyProcess;

/**
 * The production configuration ({@code standalone-full-production.xml}) as an administrator gets
 * it: a server of its own (port offset {@value #OFFSET}, a fresh PostgreSQL database), with one
 * user the administrator added the way the README says (a hashed line in
 * cpis-production-users.properties). None of the development users signs in, the demographic store
 * holds no generated population, and the development endpoints answer 404. Runs on the PostgreSQL
 * leg (the production configuration is PostgreSQL's).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProductionProfileIT {

  static final int OFFSET = Integer.getInteger("production.port.offset", 470);
  static final Spine.User OPERATOR = new Spine.User("trust.operator", "Operator-pass-2026!");
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static WildFlyProcess server;
  static String db;

  record Options(Path jbossHome, Path ear, Path workDir, Optional<String> dbUrl)
      implements WildFlyProcess.Options {
    @Override
    public String serverConfig() {
      return "standalone-full-production.xml";
    }

    @Override
    public int portOffset() {
      return OFFSET;
    }

    @Override
    public int redeliveryDelayMs() {
      return 1000;
    }

    @Override
    public int recoveryPeriodSeconds() {
      return 120;
    }

    @Override
    public String serverHeap() {
      return "768m";
    }

    @Override
    public List<String> serverProperties() {
      return List.of();
    }
  }

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Postgres.serverOnPostgres(), "the production configuration runs on PostgreSQL");
    db = "opencpis_production_" + ProcessHandle.current().pid();
    admin("DROP DATABASE IF EXISTS " + db, "CREATE DATABASE " + db);
    Path target = Path.of(System.getProperty("crash.target", "target")).toAbsolutePath();
    Options options =
        new Options(
            Path.of(System.getProperty("jboss.home", "../target/server/wildfly-39.0.1.Final")),
            Path.of(System.getProperty("crash.ear", "../ear/target/opencpis.ear")).toAbsolutePath(),
            target.resolve("production"),
            Optional.of("jdbc:postgresql://127.0.0.1:5432/" + db));
    Files.createDirectories(options.workDir());
    server = new WildFlyProcess(options);
    server.prepareBase();
    // the line bin/add-user.sh writes: user=HEX(MD5(user:OpenCPIS:password)), and the role
    Path config = server.base().resolve("configuration");
    String hash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("MD5")
                    .digest(
                        (OPERATOR.name() + ":OpenCPIS:" + OPERATOR.password())
                            .getBytes(StandardCharsets.UTF_8)));
    append(config.resolve("cpis-production-users.properties"), OPERATOR.name() + "=" + hash);
    append(config.resolve("cpis-production-roles.properties"), OPERATOR.name() + "=cpis-admin");
    server.deploy(options.ear());
    server.start();
    server.awaitReady(Duration.ofMinutes(3));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
    if (db != null) {
      admin("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
    }
  }

  @Test
  @DisplayName("production: none of the development users signs in (401), the added user does")
  void noDevelopmentUsers() throws Exception {
    for (Spine.User dev : List.of(Spine.CLINICIAN, Spine.ADMIN, Spine.LEICS_ADMIN)) {
      assertThat(get(dev, "/api/local-authorities").statusCode()).as(dev.name()).isEqualTo(401);
    }
    HttpResponse<String> signedIn = get(OPERATOR, "/api/local-authorities");
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
  }

  @Test
  @DisplayName("production: the demographic store holds no generated population")
  void noSeedPopulation() throws Exception {
    HttpResponse<String> r = get(OPERATOR, "/api/admin/demographics");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonObject summary = Json.createReader(new StringReader(r.body())).readObject();
    assertThat(summary.getJsonNumber("records").longValue()).isZero();
  }

  @Test
  @DisplayName("production: the development endpoints (synthetic children) answer 404, saying why")
  void noDevelopmentEndpoints() throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            request(
                    OPERATOR,
                    "/api/admin/councils/855/synthetic-children?prefix=PROD&from=0&count=1")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
    assertThat(r.body()).contains("cpis.development-endpoints");
  }

  static HttpResponse<String> get(Spine.User user, String path) throws Exception {
    return HTTP.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpRequest.Builder request(Spine.User user, String path) {
    String basic =
        Base64.getEncoder()
            .encodeToString((user.name() + ":" + user.password()).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(
            URI.create("http://localhost:" + (8080 + OFFSET) + "/cpis" + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + basic)
        .header("Accept", "application/json")
        .header("X-Requested-With", "OpenCPIS");
  }

  static void append(Path file, String line) throws Exception {
    Files.writeString(
        file, "\n" + line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  static void admin(String... statements) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }
}

package org.opencpis.it.crash;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WildFly's HTTP management API ({@code /management}, JSON), signed in with HTTP Digest as the
 * harness's management user: the depth of every JMS queue, for the drain and the dead letters.
 */
public final class Management {

  /** A JMS queue's runtime counts. */
  public record QueueState(
      long messages, long delivering, long scheduled, long added, int consumers) {
    public boolean empty() {
      return messages == 0 && delivering == 0 && scheduled == 0;
    }
  }

  private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]+))");

  private final String url;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private int nonceCount;

  public Management(int port) {
    this.url = "http://localhost:" + port + "/management";
  }

  /** Every JMS queue of the default Artemis server, by name. */
  public Map<String, QueueState> queues() throws IOException, InterruptedException {
    JsonObject op =
        Json.createObjectBuilder()
            .add("operation", "read-children-resources")
            .add("child-type", "jms-queue")
            .add("include-runtime", true)
            .add(
                "address",
                Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("subsystem", "messaging-activemq"))
                    .add(Json.createObjectBuilder().add("server", "default")))
            .build();
    JsonObject result = execute(op).getJsonObject("result");
    Map<String, QueueState> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> e : result.entrySet()) {
      JsonObject q = e.getValue().asJsonObject();
      out.put(
          e.getKey(),
          new QueueState(
              num(q, "message-count"),
              num(q, "delivering-count"),
              num(q, "scheduled-count"),
              num(q, "messages-added"),
              (int) num(q, "consumer-count")));
    }
    return out;
  }

  /** The Artemis server's prepared XA transactions (in doubt until recovery resolves them). */
  String preparedTransactions() throws IOException, InterruptedException {
    JsonObject op =
        Json.createObjectBuilder()
            .add("operation", "list-prepared-transactions")
            .add(
                "address",
                Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("subsystem", "messaging-activemq"))
                    .add(Json.createObjectBuilder().add("server", "default")))
            .build();
    return execute(op).get("result").toString();
  }

  /**
   * The server's heap in use right after a full collection (the platform MBean's {@code gc}, then
   * its heap usage), in bytes: what the server holds, not what it has not yet collected.
   */
  public long heapUsedAfterGc() throws IOException, InterruptedException {
    // built once: a builder is empty after its first build()
    var address =
        Json.createArrayBuilder()
            .add(Json.createObjectBuilder().add("core-service", "platform-mbean"))
            .add(Json.createObjectBuilder().add("type", "memory"))
            .build();
    execute(Json.createObjectBuilder().add("operation", "gc").add("address", address).build());
    JsonObject usage =
        execute(
                Json.createObjectBuilder()
                    .add("operation", "read-attribute")
                    .add("name", "heap-memory-usage")
                    .add("address", address)
                    .build())
            .getJsonObject("result");
    return num(usage, "used");
  }

  private static long num(JsonObject q, String name) {
    JsonValue v = q.get(name);
    return v == null || v.getValueType() != JsonValue.ValueType.NUMBER
        ? 0
        : q.getJsonNumber(name).longValue();
  }

  public JsonObject execute(JsonObject op) throws IOException, InterruptedException {
    String body = op.toString();
    HttpResponse<String> first = post(body, null);
    HttpResponse<String> r = first;
    if (first.statusCode() == 401) {
      r = post(body, authorization(first));
    }
    if (r.statusCode() != 200) {
      throw new IOException("management API: HTTP " + r.statusCode() + " " + r.body());
    }
    JsonObject answer = Json.createReader(new StringReader(r.body())).readObject();
    if (!"success".equals(answer.getString("outcome", ""))) {
      throw new IOException("management API: " + answer);
    }
    return answer;
  }

  private HttpResponse<String> post(String body, String authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** RFC 7616 Digest, qop=auth, MD5 or SHA-256 as the server offers (WildFly: MD5). */
  private synchronized String authorization(HttpResponse<String> challenge) throws IOException {
    String header =
        challenge.headers().allValues("WWW-Authenticate").stream()
            .filter(h -> h.regionMatches(true, 0, "Digest ", 0, 7))
            .findFirst()
            .orElseThrow(
                () -> new IOException("management API offers no Digest: " + challenge.headers()));
    Map<String, String> p = new HashMap<>();
    Matcher m = PARAM.matcher(header.substring(7));
    while (m.find()) {
      p.put(m.group(1).toLowerCase(), m.group(2) != null ? m.group(2) : m.group(3));
    }
    String algorithm = p.getOrDefault("algorithm", "MD5");
    String digestName = algorithm.toUpperCase().startsWith("SHA-256") ? "SHA-256" : "MD5";
    String realm = p.get("realm");
    String nonce = p.get("nonce");
    String uri = URI.create(url).getPath();
    String cnonce = UUID.randomUUID().toString().replace("-", "");
    String nc = String.format("%08x", ++nonceCount);
    String ha1 =
        hash(
            digestName,
            WildFlyProcess.MGMT_USER + ":" + realm + ":" + WildFlyProcess.MGMT_PASSWORD);
    String ha2 = hash(digestName, "POST:" + uri);
    String response =
        hash(digestName, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
    StringBuilder a = new StringBuilder("Digest ");
    a.append("username=\"").append(WildFlyProcess.MGMT_USER).append("\", ");
    a.append("realm=\"").append(realm).append("\", ");
    a.append("nonce=\"").append(nonce).append("\", ");
    a.append("uri=\"").append(uri).append("\", ");
    a.append("response=\"").append(response).append("\", ");
    a.append("qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append("\", ");
    a.append("algorithm=").append(algorithm);
    if (p.containsKey("opaque")) {
      a.append(", opaque=\"").append(p.get("opaque")).append("\"");
    }
    return a.toString();
  }

  private static String hash(String algorithm, String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

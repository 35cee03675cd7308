package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

/**
 * What an administrator of the server under test sees and does from outside: system properties
 * through the management interface, the server log, the dead-letter queues through the REST API.
 */
final class ServerAdmin {

  private ServerAdmin() {}

  /** Sets a system property, as in the management console (the property must exist). */
  static void setSystemProperty(String name, String value) throws IOException {
    int port = Integer.parseInt(System.getProperty("it.management.port", "10090"));
    try (ModelControllerClient client =
        ModelControllerClient.Factory.create("remote+http", "localhost", port)) {
      ModelNode op = new ModelNode();
      op.get("operation").set("write-attribute");
      op.get("address").add("system-property", name);
      op.get("name").set("value");
      op.get("value").set(value);
      ModelNode result = client.execute(op);
      assertThat(result.get("outcome").asString()).as(result.toString()).isEqualTo("success");
    }
  }

  /** The server's log as it is now. */
  static String serverLog() {
    Path log = Path.of(System.getProperty("it.server.base"), "log", "server.log");
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many times the log says this. */
  static int logCount(String text) {
    String log = serverLog();
    int n = 0;
    for (int at = log.indexOf(text); at >= 0; at = log.indexOf(text, at + text.length())) {
      n++;
    }
    return n;
  }

  /** The messages parked on a queue's dead-letter queue that match, as the administrator sees. */
  static List<JsonObject> parked(String queue, Predicate<JsonObject> which) {
    Rest.Reply r = Rest.get(Spine.ADMIN, "/admin/messaging/dead-letters/" + queue);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return ((JsonArray) r.json()).getValuesAs(JsonObject.class).stream().filter(which).toList();
  }

  /** Replays a dead-letter queue; returns how many messages went back. */
  static int replay(String queue) {
    Rest.Reply r =
        Rest.post(Spine.ADMIN, "/admin/messaging/dead-letters/" + queue + "/replay", null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return ((JsonObject) r.json()).getInt("replayed");
  }
}

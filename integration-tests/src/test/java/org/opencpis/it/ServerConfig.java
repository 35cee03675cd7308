package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

/**
 * The server's management interface, as an administrator uses it from the console or the CLI: to
 * read resources and to set system properties (the application reads its settings at each use).
 */
final class ServerConfig {

  private ServerConfig() {}

  /** Runs an operation on a resource; fails the test unless it succeeds; returns its result. */
  static ModelNode execute(String operation, String[] address, String... nameValues)
      throws Exception {
    ModelNode op = operation(operation, address);
    for (int i = 0; i < nameValues.length; i += 2) {
      op.get(nameValues[i]).set(nameValues[i + 1]);
    }
    return execute(op);
  }

  /** An operation on a resource (address: type, name, type, name, ...), to add parameters to. */
  static ModelNode operation(String operation, String... address) {
    ModelNode op = new ModelNode();
    op.get("operation").set(operation);
    for (int i = 0; i < address.length; i += 2) {
      op.get("address").add(address[i], address[i + 1]);
    }
    return op;
  }

  /** Runs an operation (address and parameters already in it); as above. */
  static ModelNode execute(ModelNode op) throws Exception {
    int port = Integer.parseInt(System.getProperty("it.management.port", "10090"));
    // a busy machine can cut a management call off: try again, so that a test's restore of a
    // setting is never lost (a cap left at a test's value broke the tests after it)
    java.io.IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try (ModelControllerClient client =
          ModelControllerClient.Factory.create("remote+http", "localhost", port)) {
        ModelNode result = client.execute(op);
        assertThat(result.get("outcome").asString()).as(result.toString()).isEqualTo("success");
        return result.get("result");
      } catch (java.io.IOException e) {
        last = e;
        Thread.sleep(1000);
      }
    }
    throw last;
  }

  /** The value of a system property of the running server, or null when it is not set. */
  static String systemProperty(String name) throws Exception {
    ModelNode props =
        execute(
            "read-attribute",
            new String[] {"core-service", "platform-mbean", "type", "runtime"},
            "name",
            "system-properties");
    return props.has(name) ? props.get(name).asString() : null;
  }

  /**
   * Sets a system property (adding the resource when the configuration has none) and returns the
   * value it had, for {@link #restore}.
   */
  static String setSystemProperty(String name, String value) throws Exception {
    String before = systemProperty(name);
    String[] address = {"system-property", name};
    if (hasResource(name)) {
      execute("write-attribute", address, "name", "value", "value", value);
    } else {
      execute("add", address, "value", value);
    }
    return before;
  }

  /** Puts back what {@link #setSystemProperty} returned: the value, or no property at all. */
  static void restore(String name, String before) throws Exception {
    if (before == null) {
      if (hasResource(name)) {
        execute("remove", new String[] {"system-property", name});
      }
    } else {
      setSystemProperty(name, before);
    }
  }

  private static boolean hasResource(String name) throws Exception {
    ModelNode names =
        execute("read-children-names", new String[0], "child-type", "system-property");
    return names.asList().stream().anyMatch(n -> n.asString().equals(name));
  }
}

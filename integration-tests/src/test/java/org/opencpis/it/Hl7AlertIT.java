package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opencpis.it.Mllp.adt;
import static org.opencpis.it.Mllp.get;
import static org.opencpis.it.Mllp.observation;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CP-IS alerts (ORU^R01) to a facility's own MLLP destination, received by a real HAPI MLLP server
 * standing in for the trust's engine. Facilities RX1 and RX2 exist only in tests (arquillian.xml).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Hl7AlertIT {

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  @Test
  @DisplayName(
      "R18 R20: an attendance of a shared child sends the facility an ORU^R01 with the LA record")
  void alertDelivered() throws Exception {
    try (TestReceiver receiver =
        new TestReceiver(Integer.getInteger("it.hl7.receiver.port", 2676))) {
      String nhs = Children.sharedByLeicestershire();
      String id = Mllp.controlId();

      Message ack = Mllp.send(adt("A04", "RX1", nhs, "V" + id, id, "2.5", "UNICODE UTF-8", "Zoë"));
      assertThat(get(ack, "/MSA-1")).isEqualTo("AA");

      Message oru = receiver.awaitAlertFor(nhs);
      assertThat(get(oru, "/MSH-9-1")).isEqualTo("ORU");
      assertThat(get(oru, "/MSH-9-2")).isEqualTo("R01");
      assertThat(get(oru, "/MSH-5")).isEqualTo("ENGINE");
      assertThat(get(oru, "/MSH-6")).isEqualTo("RX1");
      assertThat(get(oru, "/MSH-18")).isEqualTo("UNICODE UTF-8");
      assertThat(Mllp.encode(oru)).contains("~" + nhs + "^^^NHS^NH");
      assertThat(get(oru, "/.PID-5-2")).isEqualTo("Zoë");
      assertThat(get(oru, "/.PV1-19")).isEqualTo("V" + id);
      assertThat(get(oru, "/.OBR-4-1")).isEqualTo("CPIS");
      assertThat(observation(oru, "1", "CPIS-PLAN")).isEqualTo("CPP^Child Protection Plan^L");
      assertThat(observation(oru, "1", "CPIS-LA"))
          .isEqualTo("Leicestershire County Council^^^^^^^^^855");
      assertThat(observation(oru, "1", "CPIS-TEL-WP")).isEqualTo("01164960111^WPN^PH");
      assertThat(observation(oru, "1", "CPIS-TEL-EC")).isEqualTo("01164960999^EMR^PH");
      assertThat(observation(oru, "1", "CPIS-START")).isEqualTo(TestData.hl7(Children.PLAN_START));
      assertThat(Children.accesses(nhs)).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("R28: an alert to a destination that is down is delivered once it comes back")
  void alertDeliveredAfterOutage() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    String id = Mllp.controlId();

    Message ack = Mllp.send(adt("A04", "RX2", nhs, "V" + id, id, "2.5", "UNICODE UTF-8", "Noah"));
    assertThat(get(ack, "/MSA-1")).isEqualTo("AA");
    // the first attempt fails while the destination is down
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> serverLog().contains("to RX2 not delivered (attempt 1)"));

    try (TestReceiver receiver =
        new TestReceiver(Integer.getInteger("it.hl7.late-receiver.port", 2677))) {
      Message oru = receiver.awaitAlertFor(nhs);
      assertThat(observation(oru, "1", "CPIS-LA"))
          .isEqualTo("Leicestershire County Council^^^^^^^^^855");
    }
  }

  private static String serverLog() throws IOException {
    Path log = Path.of(System.getProperty("it.server.base"), "log", "server.log");
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  /**
   * A trust engine's MLLP receiver: keeps what it receives, acknowledges AA (or, while {@link
   * #refusing} is set, AR: the engine will never take it).
   */
  static final class TestReceiver implements ReceivingApplication<Message>, AutoCloseable {
    final AtomicBoolean refusing = new AtomicBoolean();

    /** What it acknowledged AA, in order. */
    final List<Message> accepted = new CopyOnWriteArrayList<>();

    // its own executor: closing a context shuts its executor down, and HAPI's default is shared
    private final HapiContext context = Mllp.context(Executors.newCachedThreadPool());
    private final HL7Service server;
    private final List<Message> received = new CopyOnWriteArrayList<>();

    TestReceiver(int port) throws InterruptedException {
      server = context.newServer(port, false);
      server.registerApplication("*", "*", this);
      server.startAndWait();
    }

    /** How many alerts for this child it received (acknowledged or not). */
    long receivedFor(String nhs) {
      return received.stream().filter(m -> encodes(m).contains(nhs + "^^^NHS^NH")).count();
    }

    /** How many alerts for this child it acknowledged AA. */
    long acceptedFor(String nhs) {
      return accepted.stream().filter(m -> encodes(m).contains(nhs + "^^^NHS^NH")).count();
    }

    Message awaitAlertFor(String nhs) {
      return await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () ->
                  received.stream()
                      .filter(m -> encodes(m).contains(nhs + "^^^NHS^NH"))
                      .findFirst()
                      .orElse(null),
              m -> m != null);
    }

    private static String encodes(Message m) {
      try {
        return Mllp.encode(m);
      } catch (Exception e) {
        return "";
      }
    }

    @Override
    public Message processMessage(Message m, Map<String, Object> metadata) {
      received.add(m);
      try {
        if (refusing.get()) {
          return m.generateACK(AcknowledgmentCode.AR, new HL7Exception("not taken by this engine"));
        }
        accepted.add(m);
        return m.generateACK();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public boolean canProcess(Message m) {
      return true;
    }

    @Override
    public void close() throws IOException {
      server.stopAndWait();
      context.close();
    }
  }
}

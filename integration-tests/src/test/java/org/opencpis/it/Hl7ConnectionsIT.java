package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.opencpis.it.Mllp.get;
import static org.opencpis.it.Mllp.qbp;

import ca.uhn.hl7v2.llp.MinLLPReader;
import ca.uhn.hl7v2.llp.MinLLPWriter;
import ca.uhn.hl7v2.model.Message;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile and broken clients on real sockets (plain MLLP: what is proven here does not depend on
 * TLS): a frame never finished, a connection left idle, a frame too large, more connections than
 * the cap, and the address listened on. Timeouts and the cap are set short through the management
 * interface for the test, as an administrator would, and put back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Hl7ConnectionsIT {

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  @Test
  @DisplayName(
      "A peer that never finishes its frame is disconnected after the read timeout, unanswered")
  void unfinishedFrame() throws Exception {
    String was = ServerConfig.setSystemProperty("cpis.hl7.read-timeout-seconds", "3");
    try (Socket s = new Socket("localhost", Mllp.port())) {
      s.setSoTimeout(60_000);
      OutputStream out = s.getOutputStream();
      out.write(0x0B);
      out.write(
          "MSH|^~\\&|ENGINE|RWE|CPIS|OPENCPIS|20261125101500||QBP^Q11"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      long start = System.nanoTime();

      int read = readOrEnd(s.getInputStream());

      Duration waited = Duration.ofNanos(System.nanoTime() - start);
      assertThat(read).as("nothing is answered").isEqualTo(-1);
      assertThat(waited).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(30));
    } finally {
      ServerConfig.restore("cpis.hl7.read-timeout-seconds", was);
    }
  }

  @Test
  @DisplayName("A connection idle after its answer is closed after the idle timeout")
  void idleConnection() throws Exception {
    String was = ServerConfig.setSystemProperty("cpis.hl7.idle-timeout-seconds", "3");
    try (Socket s = new Socket("localhost", Mllp.port())) {
      s.setSoTimeout(60_000);
      String id = Mllp.controlId();
      new MinLLPWriter(s.getOutputStream(), StandardCharsets.UTF_8)
          .writeMessage(qbp("RWE", TestData.nhsNumber(), "Q-" + id, id));
      String answer = new MinLLPReader(s.getInputStream(), StandardCharsets.UTF_8).getMessage();
      assertThat(get(Mllp.parse(answer), "/MSA-1")).isEqualTo("AA");
      long start = System.nanoTime();

      int read = readOrEnd(s.getInputStream());

      assertThat(read).isEqualTo(-1);
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isBetween(Duration.ofMillis(2500), Duration.ofSeconds(30));
    } finally {
      ServerConfig.restore("cpis.hl7.idle-timeout-seconds", was);
    }
  }

  @Test
  @DisplayName(
      "R20: a frame over 1 MiB gets AR (ERR-3 102), never AE; nothing is recorded, and the connection keeps working")
  void oversizedFrame() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    String big = Mllp.controlId();
    String huge = qbp("RWE", nhs, "Q-" + big, big) + "ZZZ|" + "x".repeat(1024 * 1024 + 100) + "\r";
    String next = Mllp.controlId();

    List<String> answers = Mllp.sendRaw(List.of(huge, qbp("RWE", nhs, "Q-" + next, next)));

    Message refused = Mllp.parse(answers.get(0));
    assertThat(get(refused, "/MSA-1")).isEqualTo("AR");
    assertThat(get(refused, "/MSA-2")).isEqualTo(big);
    assertThat(get(refused, "/ERR-3-1")).isEqualTo("102");
    assertThat(get(refused, "/ERR-8")).contains("larger than 1048576 bytes");
    assertThat(Mllp.segments(refused, "OBX")).isEmpty();
    Message answered = Mllp.parse(answers.get(1));
    assertThat(get(answered, "/MSA-2")).isEqualTo(next);
    assertThat(get(answered, "/QAK-2")).isEqualTo("OK");
    assertThat(Children.accesses(nhs)).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "Past the connection cap the extra connection is closed at once, while the open ones keep working")
  void connectionCap() throws Exception {
    String was = ServerConfig.setSystemProperty("cpis.hl7.max-connections", "3");
    List<Socket> open = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        Socket s = new Socket("localhost", Mllp.port());
        s.setSoTimeout(30_000);
        open.add(s);
        assertThat(ask(s)).isEqualTo("AA");
      }

      try (Socket extra = new Socket("localhost", Mllp.port())) {
        extra.setSoTimeout(30_000);
        String answer;
        try {
          answer = ask(extra);
        } catch (IOException e) {
          answer = null; // closed, or reset while we wrote
        }
        assertThat(answer).as("the extra connection is answered nothing").isNull();
      }
      for (Socket s : open) {
        assertThat(ask(s)).isEqualTo("AA");
      }

      open.remove(0).close();
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .untilAsserted(
              () -> {
                try (Socket again = new Socket("localhost", Mllp.port())) {
                  again.setSoTimeout(30_000);
                  assertThat(ask(again)).isEqualTo("AA");
                }
              });
    } finally {
      for (Socket s : open) {
        s.close();
      }
      ServerConfig.restore("cpis.hl7.max-connections", was);
    }
  }

  @Test
  @DisplayName(
      "The listener is on the server's bind address (127.0.0.1 here), not every interface: 127.0.0.2 is refused")
  void bindAddress() throws Exception {
    assertThat(ServerConfig.systemProperty("cpis.hl7.bind-address")).isEqualTo("127.0.0.1");
    try (Socket s = new Socket("127.0.0.1", Mllp.port())) {
      assertThat(s.isConnected()).isTrue();
    }
    assertThatThrownBy(() -> new Socket("127.0.0.2", Mllp.port()).close())
        .isInstanceOf(ConnectException.class);
  }

  /** Sends a query on the socket; MSA-1 of the answer, or null when the server closed it. */
  private static String ask(Socket s) throws Exception {
    String id = Mllp.controlId();
    new MinLLPWriter(s.getOutputStream(), StandardCharsets.UTF_8)
        .writeMessage(qbp("RWE", TestData.nhsNumber(), "Q-" + id, id));
    String answer = new MinLLPReader(s.getInputStream(), StandardCharsets.UTF_8).getMessage();
    return answer == null ? null : get(Mllp.parse(answer), "/MSA-1");
  }

  /** The next byte, or -1 when the connection ends (closed or reset). */
  private static int readOrEnd(InputStream in) {
    try {
      return in.read();
    } catch (java.net.SocketTimeoutException e) {
      throw new AssertionError("the server kept the connection open", e);
    } catch (IOException e) {
      return -1;
    }
  }
}

package org.opencpis.hl7.listener;

import ca.uhn.hl7v2.llp.ExtendedMinLLPReader;
import ca.uhn.hl7v2.llp.ExtendedMinLLPWriter;
import ca.uhn.hl7v2.llp.LLPException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.Charset;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.opencpis.hl7.Hl7Settings;
import org.opencpis.hl7.Hl7Tls;
import org.opencpis.hl7.Peer;
import org.opencpis.hl7.handler.Hl7Gateway;
import org.opencpis.shared.DomainMetrics;

/**
 * One MLLP connection, served on its own thread: its first byte says TLS (a handshake record, 0x16)
 * or plain MLLP (a start block, 0x0B, accepted only when {@code cpis.hl7.plain} is on); then it
 * reads a message, answers it and only then reads the next, so answers on one connection are in
 * order.
 *
 * <p>A connection always has a deadline, which the listener's watchdog enforces by closing the
 * socket: the idle timeout while it waits for a message, the read timeout from the first byte of a
 * frame (or of the TLS handshake) to its last and while the answer is written; none while the
 * message is processed. A peer that never finishes a frame, or never reads its answer, is closed.
 */
final class MllpConnection implements Runnable {

  private static final Logger LOG = Logger.getLogger(MllpConnection.class.getName());

  private static final int TLS_HANDSHAKE = 0x16;
  private static final long NONE = Long.MAX_VALUE;

  private final Socket socket;
  private final Hl7Settings settings;
  private final Hl7Tls tls;
  private final Hl7Gateway gateway;
  private final DomainMetrics metrics;
  private final Runnable closed;

  private volatile long deadline = NONE;
  private volatile String waitingFor = "";
  private volatile boolean expired;

  MllpConnection(
      Socket socket,
      Hl7Settings settings,
      Hl7Tls tls,
      Hl7Gateway gateway,
      DomainMetrics metrics,
      Runnable closed) {
    this.socket = socket;
    this.settings = settings;
    this.tls = tls;
    this.gateway = gateway;
    this.metrics = metrics;
    this.closed = closed;
  }

  @Override
  public void run() {
    String from = socket.getInetAddress().getHostAddress();
    try (socket) {
      socket.setTcpNoDelay(true);
      serve(from);
    } catch (SSLException e) {
      LOG.info("HL7 TLS connection from " + from + " refused: " + e.getMessage());
    } catch (IOException | LLPException e) {
      if (expired) {
        LOG.info("HL7 connection from " + from + " closed: " + waitingFor + " timed out");
      } else {
        LOG.log(Level.FINE, "HL7 connection from " + from + " closed: " + e.getMessage());
      }
    } catch (RuntimeException e) {
      LOG.warning("HL7 connection from " + from + " failed: " + e.getClass().getSimpleName());
    } finally {
      closed.run();
    }
  }

  private void serve(String from) throws IOException, LLPException {
    InputStream raw = socket.getInputStream();
    await(settings.idleTimeout(), "the first message");
    int first = raw.read();
    if (first < 0) {
      return;
    }
    Peer peer;
    InputStream in;
    OutputStream out;
    boolean startRead;
    if (first == TLS_HANDSHAKE) {
      SSLContext context = tls.context().orElse(null);
      if (context == null) {
        LOG.warning("HL7 TLS connection from " + from + " closed: TLS is not configured");
        return;
      }
      SSLSocket ssl =
          (SSLSocket)
              context
                  .getSocketFactory()
                  .createSocket(socket, new ByteArrayInputStream(new byte[] {(byte) first}), true);
      ssl.setEnabledProtocols(tls.protocols());
      ssl.setNeedClientAuth(true);
      await(settings.readTimeout(), "the TLS handshake");
      ssl.startHandshake();
      Certificate[] chain = ssl.getSession().getPeerCertificates();
      peer = Peer.tls(socket.getInetAddress(), (X509Certificate) chain[0]);
      LOG.fine(() -> "HL7 TLS connection from " + peer.describe());
      in = new BufferedInputStream(ssl.getInputStream());
      out = new BufferedOutputStream(ssl.getOutputStream());
      startRead = false;
    } else if (first == FrameReader.START) {
      if (!settings.plainAllowed()) {
        LOG.warning(
            "HL7 plain MLLP connection from "
                + from
                + " closed: only TLS is accepted (cpis.hl7.plain is off)");
        return;
      }
      peer = Peer.plain(socket.getInetAddress());
      in = new BufferedInputStream(raw);
      out = new BufferedOutputStream(socket.getOutputStream());
      startRead = true;
    } else {
      LOG.info("HL7 connection from " + from + " closed: neither MLLP nor TLS");
      return;
    }
    int max = settings.maxFrameBytes();
    FrameReader frames = new FrameReader(in, max, startRead);
    Charset charset = settings.defaultCharset();
    while (!socket.isClosed()) {
      await(settings.idleTimeout(), "the next message");
      FrameReader.Frame frame = frames.next(() -> await(settings.readTimeout(), "a message"));
      if (frame == null) {
        return;
      }
      deadline = NONE;
      String answer;
      if (frame.oversized()) {
        answer = gateway.tooLarge(frame.firstSegment(), max);
      } else {
        String message =
            new ExtendedMinLLPReader(new ByteArrayInputStream(frame.framed()), charset)
                .getMessage();
        answer = gateway.answer(message, peer);
      }
      await(settings.readTimeout(), "the answer");
      new ExtendedMinLLPWriter(out, charset, true).writeMessage(answer);
      out.flush();
      metrics.hl7Answer(ackCode(answer));
    }
  }

  /** MSA-1 of an answer (AA, AE, AR), or null when it has none. */
  static String ackCode(String answer) {
    int segment = answer.startsWith("MSA|") ? 0 : answer.indexOf("\rMSA|");
    if (segment < 0) {
      return null;
    }
    int start = answer.indexOf('|', segment) + 1;
    int end = start;
    while (end < answer.length() && answer.charAt(end) != '|' && answer.charAt(end) != '\r') {
      end++;
    }
    return answer.substring(start, end);
  }

  private void await(Duration d, String what) {
    waitingFor = what;
    deadline = System.nanoTime() + d.toNanos();
  }

  /** Closes the connection if its deadline has passed (the listener's watchdog calls this). */
  void expireIfLate(long now) {
    long d = deadline;
    if (d != NONE && now - d > 0) {
      expired = true;
      close();
    }
  }

  /** Closes the socket, which ends a blocked read or write on it. */
  void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}

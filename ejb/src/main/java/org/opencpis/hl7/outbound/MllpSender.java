package org.opencpis.hl7.outbound;

import ca.uhn.hl7v2.llp.ExtendedMinLLPReader;
import ca.uhn.hl7v2.llp.ExtendedMinLLPWriter;
import ca.uhn.hl7v2.llp.LLPException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.Charset;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Sends one message over MLLP and waits for its acknowledgement, on the caller's thread, with
 * HAPI's MLLP framing (character set from the message's MSH-18). One connection per message: alerts
 * are rare, and a fresh connection never finds a half-closed one. Over TLS the receiver's
 * certificate must be for the host named (as HTTPS checks it) and from a CA in the trust store, and
 * the server's own certificate is offered as the client certificate.
 */
final class MllpSender {

  private MllpSender() {}

  /**
   * The raw acknowledgement; IOException when the destination is down, refuses the handshake or
   * does not answer.
   *
   * @param tls null: plain MLLP (development only)
   */
  static String send(
      String host,
      int port,
      String message,
      Charset charset,
      int timeoutMillis,
      SSLContext tls,
      String[] protocols)
      throws IOException {
    try (Socket socket = tls == null ? new Socket() : tls.getSocketFactory().createSocket()) {
      if (socket instanceof SSLSocket ssl) {
        SSLParameters p = ssl.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
          p.setServerNames(List.of(new SNIHostName(host)));
        }
        p.setProtocols(protocols);
        ssl.setSSLParameters(p);
      }
      socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      if (socket instanceof SSLSocket ssl) {
        ssl.startHandshake();
      }
      new ExtendedMinLLPWriter(socket.getOutputStream(), charset, true).writeMessage(message);
      String ack = new ExtendedMinLLPReader(socket.getInputStream(), charset).getMessage();
      if (ack == null) {
        throw new IOException("the connection closed before an acknowledgement came");
      }
      return ack;
    } catch (LLPException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}

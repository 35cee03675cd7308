package org.opencpis.hl7.outbound;

import ca.uhn.hl7v2.llp.ExtendedMinLLPReader;
import ca.uhn.hl7v2.llp.ExtendedMinLLPWriter;
import ca.uhn.hl7v2.llp.LLPException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.Charset;

/**
 * Sends one message over MLLP and waits for its acknowledgement, on the caller's thread, with
 * HAPI's MLLP framing (character set from the message's MSH-18). One connection per message: alerts
 * are rare, and a fresh connection never finds a half-closed one.
 */
final class MllpSender {

  private MllpSender() {}

  /** The raw acknowledgement; IOException when the destination is down or does not answer. */
  static String send(String host, int port, String message, Charset charset, int timeoutMillis)
      throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
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

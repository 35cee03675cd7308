package org.opencpis.it;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.app.Initiator;
import ca.uhn.hl7v2.llp.LowerLayerProtocol;
import ca.uhn.hl7v2.llp.MinLLPReader;
import ca.uhn.hl7v2.llp.MinLLPWriter;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.util.SocketFactory;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * A hospital integration engine's side of the HL7 channel: real HAPI MLLP clients (character set
 * from MSH-18, as a UK engine sends it), and the messages NHS trusts send, built as text.
 */
public final class Mllp {

  /** The engine's HAPI context: v2.5 structures for every version, MSH-18 honoured both ways. */
  public static final HapiContext CONTEXT = context(null);

  private Mllp() {}

  /**
   * A context of its own (its own connection hub: one MLLP connection per context and peer), with
   * an executor of its own: HAPI's default executor is shared by every context of the JVM, and
   * closing one context shut it down for all the others ("ExecutorService is shut down").
   */
  public static HapiContext context() {
    return context(java.util.concurrent.Executors.newCachedThreadPool());
  }

  static HapiContext context(ExecutorService executor) {
    HapiContext ctx = new DefaultHapiContext();
    if (executor != null) {
      ctx.setExecutorService(executor);
    }
    ctx.setModelClassFactory(new CanonicalModelClassFactory("2.5"));
    ctx.getParserConfiguration().setIdGenerator(new InMemoryIDGenerator());
    LowerLayerProtocol llp = new MinLowerLayerProtocol(true, true);
    llp.setCharset(StandardCharsets.UTF_8);
    ctx.setLowerLayerProtocol(llp);
    return ctx;
  }

  /** The listener: 2575 + the server's port offset, or it.hl7.port. */
  public static int port() {
    return Integer.getInteger("it.hl7.port", 2575 + Integer.getInteger("it.port.offset", 100));
  }

  /** A fresh message control id (MSH-10). */
  public static String controlId() {
    return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 15).toUpperCase();
  }

  /** Sends a message (segments separated by \r) through a HAPI client and returns the answer. */
  public static Message send(String er7) throws Exception {
    Message m = CONTEXT.getPipeParser().parse(er7);
    Connection c = CONTEXT.newClient("localhost", port(), false);
    try {
      Initiator i = c.getInitiator();
      i.setTimeout(30, TimeUnit.SECONDS);
      return i.sendAndReceive(m);
    } finally {
      c.close();
    }
  }

  /**
   * Sends a message over TLS through a HAPI client of its own, whose sockets come from {@code tls}
   * (the engine's client certificate and the CA it trusts), and returns the answer.
   */
  public static Message sendTls(String er7, SSLContext tls) throws Exception {
    HapiContext ctx = context();
    ctx.setSocketFactory(new TlsSockets(tls));
    try {
      Message m = ctx.getPipeParser().parse(er7);
      Connection c = ctx.newClient("localhost", port(), true);
      try {
        Initiator i = c.getInitiator();
        i.setTimeout(30, TimeUnit.SECONDS);
        return i.sendAndReceive(m);
      } finally {
        c.close();
      }
    } finally {
      ctx.close();
    }
  }

  /** HAPI's client sockets over TLS from one context. */
  private record TlsSockets(SSLContext tls) implements SocketFactory {
    @Override
    public Socket createSocket() {
      return new Socket();
    }

    @Override
    public Socket createTlsSocket() throws IOException {
      return tls.getSocketFactory().createSocket();
    }

    @Override
    public ServerSocket createServerSocket() {
      throw new UnsupportedOperationException("a client only");
    }

    @Override
    public ServerSocket createTlsServerSocket() {
      throw new UnsupportedOperationException("a client only");
    }

    @Override
    public void configureNewAcceptedSocket(Socket socket) {}
  }

  /** Sends raw text, framed by HAPI's MLLP writer on a socket of its own, and reads the answers. */
  public static List<String> sendRaw(List<String> messages) throws Exception {
    try (Socket s = new Socket("localhost", port())) {
      s.setSoTimeout(30_000);
      MinLLPWriter out = new MinLLPWriter(s.getOutputStream(), StandardCharsets.UTF_8);
      for (String m : messages) {
        out.writeMessage(m);
      }
      MinLLPReader in = new MinLLPReader(s.getInputStream(), StandardCharsets.UTF_8);
      List<String> answers = new ArrayList<>();
      for (int i = 0; i < messages.size(); i++) {
        answers.add(in.getMessage());
      }
      return answers;
    }
  }

  public static String encode(Message m) throws HL7Exception {
    return CONTEXT.getPipeParser().encode(m);
  }

  public static Message parse(String er7) throws HL7Exception {
    return CONTEXT.getPipeParser().parse(er7);
  }

  /** A value by Terser path, e.g. "/MSA-1" or "/ERR-3-1". */
  public static String get(Message m, String path) throws HL7Exception {
    return new Terser(m).get(path);
  }

  /** The message's segments of one name, in order, each split into fields (index = position). */
  public static List<String[]> segments(Message m, String name) throws HL7Exception {
    List<String[]> out = new ArrayList<>();
    for (String line : encode(m).split("\r")) {
      if (line.startsWith(name + "|")) {
        out.add(line.split("\\|", -1));
      }
    }
    return out;
  }

  /**
   * Field {@code field} of an OBX group (OBX-4 sub-ID {@code sub}) with OBX-3 code {@code code}.
   */
  public static String observation(Message m, String sub, String code) throws HL7Exception {
    for (String[] obx : segments(m, "OBX")) {
      if (obx[4].equals(sub) && obx[3].startsWith(code + "^")) {
        return obx[5];
      }
    }
    return null;
  }

  // ---- messages as NHS trusts send them ----

  /** One segment: name, then field values from field 1 on (MSH: from field 3). */
  static String seg(String name, String... fields) {
    return name + "|" + String.join("|", fields);
  }

  /** MSH for a message from {@code facility}'s engine. */
  public static String msh(
      String facility, String type, String controlId, String version, String charset) {
    return "MSH|^~\\&|ENGINE|"
        + facility
        + "|CPIS|OPENCPIS|20261125101500||"
        + type
        + "|"
        + controlId
        + "|P|"
        + version
        + "|||AL|NE||"
        + (charset == null ? "" : charset);
  }

  /** An attendance (ADT^A01/A04/A08, v2.5, UTF-8) with the NHS number (null: none) and MRN. */
  public static String adt(String event, String facility, String nhs, String visit) {
    return adt(event, facility, nhs, visit, Mllp.controlId(), "2.5", "UNICODE UTF-8", "Noah");
  }

  public static String adt(
      String event,
      String facility,
      String nhs,
      String visit,
      String controlId,
      String version,
      String charset,
      String given) {
    String type = "2.5".equals(version) ? "ADT^" + event + "^ADT_A01" : "ADT^" + event;
    String pid3 =
        facility + "1234567^^^" + facility + "^MR" + (nhs == null ? "" : "~" + nhs + "^^^NHS^NH");
    return String.join(
        "\r",
        msh(facility, type, controlId, version, charset),
        seg("EVN", event, "20261125101500", "", "", "C0001^Clerk^Carol"),
        seg("PID", "1", "", pid3, "", "Patel^" + given, "", "20180614", "M"),
        seg(
            "PV1",
            "1",
            "E",
            "ED^^^" + facility,
            "",
            "",
            "",
            "G1234567^Okafor^Ada",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            visit + "^^^" + facility + "^VN"),
        "");
  }

  /** A CP-IS query (QBP^Q11) from {@code facility}'s engine, asked by a named nurse. */
  public static String qbp(String facility, String nhs, String tag, String controlId) {
    return qbp(facility, nhs, tag, controlId, "UNICODE UTF-8", "555000111222", "Ada");
  }

  /** As {@link #qbp(String, String, String, String)}, asked by the person {@code personId}. */
  public static String qbp(
      String facility,
      String nhs,
      String tag,
      String controlId,
      String charset,
      String personId,
      String given) {
    return String.join(
        "\r",
        msh(facility, "QBP^Q11^QBP_Q11", controlId, "2.5", charset),
        seg(
            "QPD",
            "CPIS^CP-IS query^L",
            tag,
            nhs == null ? "" : nhs + "^^^NHS^NH",
            personId + "^Okafor^" + given,
            "R8001^Nurse Access Role"),
        seg("RCP", "I"),
        "");
  }
}

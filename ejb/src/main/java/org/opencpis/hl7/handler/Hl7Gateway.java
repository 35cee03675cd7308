package org.opencpis.hl7.handler;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencpis.audit.AuditContext;
import org.opencpis.hl7.Facility;
import org.opencpis.hl7.Hl7Codec;
import org.opencpis.hl7.Hl7Settings;
import org.opencpis.hl7.Peer;
import org.opencpis.hub.application.HubFault;
import org.opencpis.shared.DatabaseUnavailable;
import org.opencpis.shared.NhsNumber;

/**
 * Answers one message received over MLLP; never throws. In order: parse (else AR 100); MSH-10 and
 * MSH-4 are required (AR 101), the facility must be allowed and the peer must be one of its own
 * (its TLS client certificate, or in development its address: else AR 103, and nothing is kept or
 * looked up); a repeat of a message already answered (same MSH-3, MSH-4, MSH-10) gets that answer
 * again; ADT^A01/A04/A08 and QBP^Q11 are taken (else AR 200 / 201); the message is read (AR 101 /
 * 102 for its fields) and processed. What may work later (the database or the broker down) is AE
 * 207, and is not kept, so a resend is processed.
 */
@ApplicationScoped
public class Hl7Gateway {

  private static final Logger LOG = Logger.getLogger(Hl7Gateway.class.getName());

  private static final Pattern TEN_DIGITS = Pattern.compile("(?<!\\d)\\d{10}(?!\\d)");

  static final Set<String> ADT_EVENTS = Set.of("A01", "A04", "A08");

  @Inject Hl7Codec codec;
  @Inject Hl7Settings settings;
  @Inject Responses responses;
  @EJB Hl7Processor processor;
  @Inject AuditContext audit;

  /**
   * The answer to a message from {@code peer}. Each message is one request, and one audit row for
   * what it reads: the principal is the facility the peer authenticated as, and its certificate (or
   * address).
   */
  @ActivateRequestContext
  public String answer(String raw, Peer peer) {
    Message in;
    Header h;
    if (raw.indexOf('\0') >= 0) {
      // no database takes it (PostgreSQL refuses NUL in text), and HL7 escapes what it needs
      return refuseOnly(
          null, Header.ofUnparseable(raw), Hl7Refusal.badMessage("contains a NUL character"));
    }
    try {
      in = codec.parse(raw);
      h = Header.of(in);
    } catch (HL7Exception | RuntimeException e) {
      h = Header.ofUnparseable(raw);
      return refuseOnly(
          null, h, Hl7Refusal.unreadable("the message cannot be parsed: " + e.getMessage()));
    }
    Facility f;
    try {
      f = authenticate(h, peer);
    } catch (Hl7Refusal r) {
      return refuseOnly(in, h, r);
    }
    audit.enter(
        AuditContext.HL7,
        h.type() + "^" + h.event() + " " + cut(h.controlId(), 40),
        "hl7 facility " + f.odsCode() + ", " + (peer == null ? "?" : peer.auditName()));
    String digest = ContentDigest.of(codec, in, raw);
    try {
      Optional<String> before = repeat(h, digest);
      if (before.isPresent()) {
        return before.get();
      }
    } catch (Hl7Refusal r) {
      return refuseOnly(in, h, r);
    } catch (RuntimeException e) {
      return tryLater(in, h, e);
    }
    try {
      return process(in, h, f, raw, digest);
    } catch (Hl7Refusal r) {
      return refuseAndKeep(in, h, raw, digest, r);
    } catch (HubFault fault) {
      return refuseAndKeep(in, h, raw, digest, fromHub(fault, h));
    } catch (HL7Exception e) {
      return refuseAndKeep(
          in,
          h,
          raw,
          digest,
          Hl7Refusal.unreadable("the message cannot be read: " + e.getMessage()));
    } catch (RuntimeException e) {
      // The same message sent on another connection at the same moment may have been answered
      // first.
      try {
        Optional<String> before = repeat(h, digest);
        if (before.isPresent()) {
          return before.get();
        }
      } catch (Hl7Refusal r) {
        return refuseOnly(in, h, r);
      } catch (RuntimeException ignored) {
        // answered below
      }
      return tryLater(in, h, e);
    }
  }

  /**
   * The first answer, when this message was received before under its key: the same content (a
   * resend) gets it again; other content under a used key is refused AR 205, and gets nothing of
   * the first answer.
   */
  private Optional<String> repeat(Header h, String digest) throws Hl7Refusal {
    Optional<Previous> before = processor.previous(h.key());
    if (before.isEmpty()) {
      return Optional.empty();
    }
    Previous p = before.get();
    String first = p.digest() != null ? p.digest() : ContentDigest.ofKept(codec, p.message());
    if (digest.equals(first)) {
      LOG.info(describe(h) + " is a repeat: answered as the first time");
      return Optional.of(processor.answerAgain(p));
    }
    LOG.warning(
        describe(h) + ": the control id was used before for another message; refused AR 205");
    throw Hl7Refusal.duplicateKey();
  }

  /**
   * The answer to a frame larger than {@code maxBytes}: AR (never AE, which an engine would resend
   * for ever), addressed from what its first segment says; nothing of it is processed or kept.
   */
  public String tooLarge(String firstSegment, int maxBytes) {
    Header h = Header.ofUnparseable(firstSegment);
    return refuseOnly(null, h, Hl7Refusal.tooLarge(maxBytes));
  }

  /**
   * The facility the message is from, when the peer may speak for it. The answer to a facility not
   * allowed and to a peer that is not the facility's is the same AR 103, so a peer learns nothing
   * of which facilities exist; the log says which it was.
   */
  private Facility authenticate(Header h, Peer peer) throws Hl7Refusal {
    if (blank(h.controlId())) {
      throw Hl7Refusal.missing("MSH", 10, "message control id");
    }
    if (blank(h.sendingFacility())) {
      throw Hl7Refusal.missing("MSH", 4, "sending facility");
    }
    Hl7Refusal refusal =
        Hl7Refusal.unknownValue(
            "MSH",
            4,
            "sending facility '"
                + CpisObservations.escape(cut(h.sendingFacility(), 20))
                + "' is not allowed to use this service on this connection");
    Optional<Facility> f = settings.facility(h.sendingFacility());
    if (f.isEmpty()) {
      LOG.info(describe(h) + ": the facility is not allowed (no cpis.hl7.facility property)");
      throw refusal;
    }
    if (!f.get().admits(peer)) {
      LOG.warning(
          describe(h)
              + ": the peer "
              + (peer == null ? "?" : peer.describe())
              + (peer != null && peer.tls()
                  ? " does not hold a certificate of the facility (client-cert, client-dn)"
                  : " is not one of the facility's peers")
              + "; refused");
      throw refusal;
    }
    return f.get();
  }

  private String process(Message in, Header h, Facility f, String raw, String digest)
      throws Hl7Refusal, HL7Exception {
    FieldCheck.fit(
        h.sendingApplication(), FieldCheck.SENDING_APPLICATION, "MSH", 3, "sending application");
    FieldCheck.fit(h.controlId(), FieldCheck.QUERY_EVENT_ID, "MSH", 10, "message control id");
    String type = h.type() == null ? "" : h.type();
    switch (type) {
      case "ADT" -> {
        if (!ADT_EVENTS.contains(h.event())) {
          throw Hl7Refusal.unsupportedEvent("ADT", h.event(), "ADT^A01, ADT^A04, ADT^A08");
        }
        return processor.attendance(in, h, AdtReader.read(in, h, f), raw, digest);
      }
      case "QBP" -> {
        if (!"Q11".equals(h.event())) {
          throw Hl7Refusal.unsupportedEvent("QBP", h.event(), "QBP^Q11");
        }
        return processor.query(in, h, QueryReader.read(in, f), raw, digest);
      }
      default -> throw Hl7Refusal.unsupportedType(type);
    }
  }

  /** Refuses a message from a peer that may speak for its facility: the refusal is kept. */
  private String refuseAndKeep(Message in, Header h, String raw, String digest, Hl7Refusal r) {
    String answer = refuseOnly(in, h, r);
    if (!r.retryable()) {
      try {
        processor.keepRefusal(h, raw, digest, r.ackCode(), answer);
      } catch (RuntimeException e) {
        LOG.fine(() -> "refusal not kept: " + rootCause(e));
      }
    }
    return answer;
  }

  /**
   * Refuses a message; nothing is kept (the peer is not known to be the facility's, or the key is
   * another message's), so that nobody can put an answer under a facility's control ids.
   */
  private String refuseOnly(Message in, Header h, Hl7Refusal r) {
    LOG.info(
        describe(h)
            + " refused "
            + r.ackCode()
            + " "
            + r.errorCode()
            + (r.segment() == null ? "" : " at " + r.segment() + "-" + r.field()));
    return build(in, h, r);
  }

  /**
   * AE 207, in one place for every failure that is not the message's fault: the database
   * unavailable (said so, logged in one line), or anything else (logged with its cause at FINE).
   * Nothing was kept, so the message sent again is processed.
   */
  private String tryLater(Message in, Header h, RuntimeException e) {
    if (DatabaseUnavailable.isCause(e)) {
      LOG.warning(describe(h) + " not processed now (AE 207): the database is unavailable");
      return build(
          in,
          h,
          Hl7Refusal.tryLater(
              "CP-IS cannot reach its database now and kept nothing of the message; send it again"
                  + " later"));
    }
    LOG.warning(describe(h) + " not processed now (AE 207): " + rootCause(e));
    return build(
        in,
        h,
        Hl7Refusal.tryLater(
            "CP-IS cannot process the message now (database or messaging unavailable);"
                + " send it again later"));
  }

  private String build(Message in, Header h, Hl7Refusal r) {
    try {
      return responses.refusal(in, h, r);
    } catch (HL7Exception | RuntimeException e) {
      LOG.warning("cannot build the answer to " + describe(h) + ": " + rootCause(e));
      return "MSH|^~\\&|CPIS|OPENCPIS|||||ACK|CPIS-ERR|P|2.5\rMSA|"
          + r.ackCode()
          + "|"
          + (h.controlId() == null ? "" : CpisObservations.escape(h.controlId()))
          + "\r";
    }
  }

  private static Hl7Refusal fromHub(HubFault f, Header h) {
    String segment = h.isQuery() ? "QPD" : "PID";
    if (HubFault.INVALID_NHS_NUMBER.equals(f.code())) {
      return Hl7Refusal.badValue(segment, 3, "NHS number is not valid");
    }
    if (HubFault.MANDATORY_DATA_MISSING.equals(f.code())) {
      return Hl7Refusal.missing(segment, 3, f.field() == null ? "NHS number" : f.field());
    }
    return Hl7Refusal.unknownValue("MSH", 4, f.getMessage());
  }

  /**
   * The message for a log line: type, control id and sender, as the sender wrote them but cut short
   * and without control characters (a log line cannot be forged), and nothing else of it.
   */
  static String describe(Header h) {
    return "HL7 "
        + safe(h.type())
        + "^"
        + safe(h.event())
        + " "
        + safe(h.controlId())
        + " from "
        + safe(h.sendingApplication())
        + "/"
        + safe(h.sendingFacility());
  }

  static String safe(String s) {
    if (s == null) {
      return "null";
    }
    // an NHS number where a control id should be is not written either
    Matcher m = TEN_DIGITS.matcher(s.replaceAll("\\p{Cntrl}", "?"));
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, NhsNumber.isValid(m.group()) ? "##########" : m.group());
    }
    String c = m.appendTail(b).toString();
    return c.length() <= 40 ? c : c.substring(0, 40) + "...";
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}

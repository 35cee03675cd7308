package org.opencpis.hl7.handler;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opencpis.hl7.Facility;
import org.opencpis.hl7.Hl7Codec;
import org.opencpis.hl7.Hl7Settings;
import org.opencpis.hub.application.HubFault;
import org.opencpis.shared.DatabaseUnavailable;

/**
 * Answers one message received over MLLP; never throws. In order: parse (else AR 100); a repeat of
 * a message already answered (same MSH-3, MSH-4, MSH-10) gets that answer again; then MSH-10 and
 * MSH-4 are required and the facility must be allowed (AR 101 / 103); ADT^A01/A04/A08 and QBP^Q11
 * are taken (else AR 200 / 201); the message is read (AR 101 / 102 for its fields) and processed.
 * What may work later (the database or the broker down) is AE 207, and is not kept, so a resend is
 * processed.
 */
@ApplicationScoped
public class Hl7Gateway {

  private static final Logger LOG = Logger.getLogger(Hl7Gateway.class.getName());

  static final Set<String> ADT_EVENTS = Set.of("A01", "A04", "A08");

  @Inject Hl7Codec codec;
  @Inject Hl7Settings settings;
  @Inject Responses responses;
  @EJB Hl7Processor processor;

  public String answer(String raw) {
    Message in;
    Header h;
    try {
      in = codec.parse(raw);
      h = Header.of(in);
    } catch (HL7Exception | RuntimeException e) {
      h = Header.ofUnparseable(raw);
      return refuse(
          null, h, raw, Hl7Refusal.unreadable("the message cannot be parsed: " + e.getMessage()));
    }
    try {
      Optional<String> before = processor.previousAnswer(h.key());
      if (before.isPresent()) {
        LOG.info(describe(h) + " is a repeat: answered as the first time");
        return before.get();
      }
    } catch (RuntimeException e) {
      return tryLater(in, h, e);
    }
    try {
      return process(in, h, raw);
    } catch (Hl7Refusal r) {
      return refuse(in, h, raw, r);
    } catch (HubFault f) {
      return refuse(in, h, raw, fromHub(f, h));
    } catch (HL7Exception e) {
      return refuse(
          in, h, raw, Hl7Refusal.unreadable("the message cannot be read: " + e.getMessage()));
    } catch (RuntimeException e) {
      // The same message sent on another connection at the same moment may have been answered
      // first.
      try {
        Optional<String> before = processor.previousAnswer(h.key());
        if (before.isPresent()) {
          return before.get();
        }
      } catch (RuntimeException ignored) {
        // answered below
      }
      return tryLater(in, h, e);
    }
  }

  private String process(Message in, Header h, String raw) throws Hl7Refusal, HL7Exception {
    if (blank(h.controlId())) {
      throw Hl7Refusal.missing("MSH", 10, "message control id");
    }
    if (blank(h.sendingFacility())) {
      throw Hl7Refusal.missing("MSH", 4, "sending facility");
    }
    Facility f =
        settings
            .facility(h.sendingFacility())
            .orElseThrow(
                () ->
                    Hl7Refusal.unknownValue(
                        "MSH",
                        4,
                        "sending facility '"
                            + h.sendingFacility()
                            + "' is not allowed to use this service"));
    String type = h.type() == null ? "" : h.type();
    switch (type) {
      case "ADT" -> {
        if (!ADT_EVENTS.contains(h.event())) {
          throw Hl7Refusal.unsupportedEvent("ADT", h.event(), "ADT^A01, ADT^A04, ADT^A08");
        }
        return processor.attendance(in, h, AdtReader.read(in, h, f), raw);
      }
      case "QBP" -> {
        if (!"Q11".equals(h.event())) {
          throw Hl7Refusal.unsupportedEvent("QBP", h.event(), "QBP^Q11");
        }
        return processor.query(in, h, QueryReader.read(in, f), raw);
      }
      default -> throw Hl7Refusal.unsupportedType(type);
    }
  }

  private String refuse(Message in, Header h, String raw, Hl7Refusal r) {
    LOG.info(
        describe(h)
            + " refused "
            + r.ackCode()
            + " "
            + r.errorCode()
            + (r.segment() == null ? "" : " at " + r.segment() + "-" + r.field()));
    String answer = build(in, h, r);
    boolean allowed =
        !blank(h.sendingFacility()) && settings.facility(h.sendingFacility()).isPresent();
    if (!r.retryable() && allowed && !blank(h.controlId()) && in != null) {
      try {
        processor.keepRefusal(h, raw, r.ackCode(), answer);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "refusal not kept", e);
      }
    }
    return answer;
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
    LOG.log(
        Level.WARNING,
        describe(h) + " not processed now (AE 207): " + rootCause(e),
        LOG.isLoggable(Level.FINE) ? e : null);
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
      LOG.log(Level.WARNING, "cannot build the answer to " + describe(h), e);
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

  private static String describe(Header h) {
    return "HL7 "
        + h.type()
        + "^"
        + h.event()
        + " "
        + h.controlId()
        + " from "
        + h.sendingApplication()
        + "/"
        + h.sendingFacility();
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

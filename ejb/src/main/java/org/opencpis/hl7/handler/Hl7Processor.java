package org.opencpis.hl7.handler;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.opencpis.audit.Audited;
import org.opencpis.hl7.Facility;
import org.opencpis.hl7.outbound.AlertQueue;
import org.opencpis.hl7.store.Attendance;
import org.opencpis.hl7.store.Hl7Store;
import org.opencpis.hl7.store.ReceivedMessage;
import org.opencpis.hub.application.QueryAnswer;
import org.opencpis.hub.application.QueryRequest;
import org.opencpis.hub.application.QueryService;
import org.opencpis.hub.domain.Viewer;
import org.opencpis.shared.PersonName;
import org.opencpis.shared.Roles;
import org.opencpis.shared.Settings;

/**
 * Processes a message that has been read and found acceptable, in one transaction with everything
 * it causes: the hub's query and access event (R20), the attendance, the alert on its queue, and
 * the message with its answer, so a repeat is answered from the store and never processed twice.
 * The rules are the hub's ({@link QueryService}); this only translates. It is called by the MLLP
 * listener's threads, which have no caller, and calls the hub as the HL7 channel's role.
 */
@Stateless
@PermitAll
@RunAs(Roles.HL7_FACILITY)
public class Hl7Processor {

  private static final Logger LOG = Logger.getLogger(Hl7Processor.class.getName());

  public static final String CHANNEL = "HL7";

  @EJB QueryService queries;
  @Inject Hl7Store store;
  @Inject Responses responses;
  @Inject AlertQueue alerts;
  @Inject Settings settings;

  /** The message received before with this key (see {@link Header#key()}), and its answer. */
  public Optional<Previous> previous(String key) {
    return store.received(key).map(m -> new Previous(m.digest(), m.message(), m.answer()));
  }

  /**
   * The first answer to a message sent again with the same content: CP-IS data given again to the
   * facility, so a read of its own in the audit trail.
   */
  @Audited("hl7.repeat")
  public String answerAgain(Previous first) {
    return first.answer();
  }

  /**
   * ADT^A01/A04/A08: the attendance is checked against CP-IS once it has an NHS number, and only
   * once for that number (one attendance, one access), then acknowledged AA.
   */
  public String attendance(Message adt, Header h, AttendanceMessage a, String raw, String digest) {
    Instant now = settings.clock().instant();
    Facility f = a.facility();
    Attendance attendance =
        store
            .attendance(f.odsCode(), a.visitNumber())
            .orElseGet(() -> store.newAttendance(f.odsCode(), a.visitNumber(), now));
    attendance.seen(now);
    try {
      if (attendance.needsCheckFor(a.nhsNumber())) {
        QueryAnswer answer =
            queries.query(
                new QueryRequest(
                    a.nhsNumber(),
                    h.controlId(),
                    true,
                    a.careSetting(),
                    viewer(h, f, a.who(), null, null, a.pointOfCare()),
                    true,
                    true,
                    CHANNEL));
        attendance.checked(a.nhsNumber(), answer.accessEventId(), now);
        if (answer.found() && f.takesAlerts()) {
          alerts.send(
              f.odsCode(), h.controlId(), responses.alert(adt, h, answer, answer.accessEventId()));
        }
        LOG.info(
            "HL7 "
                + h.type()
                + "^"
                + h.event()
                + " "
                + h.controlId()
                + " from "
                + f.odsCode()
                + ": attendance checked, "
                + (answer.found() ? "access " + answer.accessEventId() + " recorded" : "no CP-IS"));
      }
      String ack = responses.ack(h, "AA", null);
      keep(h, raw, digest, "AA", ack, now);
      return ack;
    } catch (HL7Exception e) {
      throw new IllegalStateException("cannot build the answer", e);
    }
  }

  /** QBP^Q11: the CP-IS query, answered by RSP^K11 (OK or NF); an access when found (R20). */
  public String query(Message qbp, Header h, CpisQuery q, String raw, String digest) {
    Instant now = settings.clock().instant();
    Facility f = q.facility();
    QueryAnswer answer =
        queries.query(
            new QueryRequest(
                q.nhsNumber(),
                q.queryTag(),
                true,
                f.careSetting(),
                viewer(h, f, q.who(), q.jobRoleCode(), q.jobRoleName(), null),
                true,
                true,
                CHANNEL));
    try {
      String rsp = responses.queryAnswer(qbp, h, q, answer);
      keep(h, raw, digest, "AA", rsp, now);
      LOG.info(
          "HL7 QBP^Q11 "
              + h.controlId()
              + " from "
              + f.odsCode()
              + ": "
              + (answer.found() ? "OK, access " + answer.accessEventId() + " recorded" : "NF"));
      return rsp;
    } catch (HL7Exception e) {
      throw new IllegalStateException("cannot build the answer", e);
    }
  }

  /**
   * Keeps a refusal (AR) so that a repeat gets the same answer; one too long to keep (it echoes the
   * sender's QPD) is not kept, and a repeat is refused again the same way.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void keepRefusal(Header h, String raw, String digest, String ackCode, String answer) {
    if (answer.length() <= ReceivedMessage.MAX_TEXT && store.received(h.key()).isEmpty()) {
      keep(h, raw, digest, ackCode, answer, settings.clock().instant());
    }
  }

  private void keep(
      Header h, String raw, String digest, String ackCode, String answer, Instant now) {
    store.add(
        new ReceivedMessage(
            h.key(),
            h.sendingApplication(),
            h.sendingFacility(),
            h.controlId(),
            digest,
            h.type() + "^" + h.event(),
            now,
            ackCode,
            raw,
            answer));
    store.flush();
  }

  /**
   * Who looked, for the access history (R19): the named health worker (XCN id and name), the
   * sending system (MSH-3), the facility (MSH-4) and, for an attendance, where in it (PV1-3).
   */
  private static Viewer viewer(
      Header h,
      Facility f,
      AttendanceMessage.Person who,
      String jobRoleCode,
      String jobRoleName,
      String pointOfCare) {
    String org = f.name() != null ? f.name() : f.odsCode();
    if (pointOfCare != null) {
      org = org + ", " + pointOfCare;
    }
    return new Viewer(
        who == null ? null : cut(who.id(), 20),
        null,
        cut(h.sendingApplication(), 20),
        who == null ? null : cut(who.name()),
        cut(jobRoleCode, 20),
        cut(jobRoleName, 120),
        cut(f.odsCode(), 10),
        cut(org, 160));
  }

  /** The name's parts as the viewer's columns hold them (FieldCheck refused the longer ones). */
  private static PersonName cut(PersonName n) {
    if (n == null) {
      return null;
    }
    return PersonName.ofParts(
        cut(n.prefix(), 40),
        n.given().stream().map(g -> cut(g, 100)).toList(),
        cut(n.family(), 200),
        cut(n.suffix(), 40));
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}

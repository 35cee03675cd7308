package org.opencpis.hl7.handler;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.v25.message.ACK;
import ca.uhn.hl7v2.model.v25.message.ORU_R01;
import ca.uhn.hl7v2.model.v25.message.RSP_K11;
import ca.uhn.hl7v2.model.v25.segment.ERR;
import ca.uhn.hl7v2.model.v25.segment.MSA;
import ca.uhn.hl7v2.model.v25.segment.MSH;
import ca.uhn.hl7v2.model.v25.segment.QAK;
import ca.uhn.hl7v2.util.Terser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.opencpis.hl7.Hl7Codec;
import org.opencpis.hub.application.QueryAnswer;
import org.opencpis.shared.Settings;

/**
 * Builds what the HL7 channel sends: ACK, RSP^K11 and the ORU^R01 CP-IS alert. An answer speaks the
 * sender's version (MSH-12) and character set (MSH-18), with sender and receiver swapped. The CP-IS
 * content (the OBX rows) is laid out by {@link CpisObservations}; the profile is in the README.
 */
@ApplicationScoped
public class Responses {

  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  @Inject Hl7Codec codec;
  @Inject Settings settings;

  /** An ACK: AA, or AE/AR with an ERR saying which field and why. */
  public String ack(Header in, String code, Hl7Refusal refusal) throws HL7Exception {
    ACK ack = codec.newMessage(ACK.class);
    header(ack.getMSH(), in, "ACK", in.event(), "ACK");
    msa(ack.getMSA(), in, code, refusal);
    if (refusal != null) {
      err(ack.getERR(), in, refusal);
    }
    return codec.encode(ack);
  }

  /** The answer to a CP-IS query: OK with the records and the access history, or NF. */
  public String queryAnswer(Message query, Header in, CpisQuery q, QueryAnswer answer)
      throws HL7Exception {
    RSP_K11 rsp = codec.newMessage(RSP_K11.class);
    header(rsp.getMSH(), in, "RSP", "K11", "RSP_K11");
    msa(rsp.getMSA(), in, "AA", null);
    int hits = answer.records().size();
    qak(rsp.getQAK(), q.queryTag(), answer.found() ? "OK" : "NF", hits);
    echoQpd(query, rsp);
    if (answer.found()) {
      append(rsp, CpisObservations.rows(answer, true, settings.zone()));
    }
    return codec.encode(rsp);
  }

  /** A refused query: an RSP^K11 with MSA AE/AR, ERR and QAK (never a bare ACK). */
  public String queryRefusal(Message query, Header in, Hl7Refusal refusal) throws HL7Exception {
    RSP_K11 rsp = codec.newMessage(RSP_K11.class);
    header(rsp.getMSH(), in, "RSP", "K11", "RSP_K11");
    msa(rsp.getMSA(), in, refusal.ackCode(), refusal);
    err(rsp.getERR(), in, refusal);
    qak(rsp.getQAK(), query == null ? null : QueryReader.queryTag(query), refusal.ackCode(), -1);
    if (query != null) {
      echoQpd(query, rsp);
    }
    return codec.encode(rsp);
  }

  /** The answer to any refused message: an RSP for a query, an ACK for the rest. */
  public String refusal(Message received, Header in, Hl7Refusal refusal) throws HL7Exception {
    return in.isQuery() ? queryRefusal(received, in, refusal) : ack(in, refusal.ackCode(), refusal);
  }

  /**
   * The CP-IS alert to a facility's own system after an attendance found CP-IS information: the
   * child (PID-3 as the trust sent it), the attendance (PV1), and one group of OBX per LA record.
   */
  public String alert(Message adt, Header in, QueryAnswer answer, String accessEventId)
      throws HL7Exception {
    ORU_R01 oru = codec.newMessage(ORU_R01.class);
    MSH msh = oru.getMSH();
    header(msh, in, "ORU", "R01", "ORU_R01");
    msh.getAcceptAcknowledgmentType().setValue("AL");
    msh.getApplicationAcknowledgmentType().setValue("NE");
    var result = oru.getPATIENT_RESULT();
    Segment pid = AdtReader.segment(adt, "PID");
    if (pid != null) {
      result.getPATIENT().getPID().parse(pid.encode());
    }
    Segment pv1 = AdtReader.segment(adt, "PV1");
    if (pv1 != null) {
      result.getPATIENT().getVISIT().getPV1().parse(pv1.encode());
    }
    var order = result.getORDER_OBSERVATION();
    String now = TS.format(settings.clock().instant().atZone(settings.zone()));
    order
        .getOBR()
        .parse(
            "OBR|1||"
                + CpisObservations.escape(accessEventId)
                + "|CPIS^CP-IS alert^L|||"
                + now
                + "||||||||||||||"
                + now
                + "|||F");
    List<String> rows = CpisObservations.rows(answer, false, settings.zone());
    for (int i = 0; i < rows.size(); i++) {
      order.getOBSERVATION(i).getOBX().parse(rows.get(i));
    }
    return codec.encode(oru);
  }

  private void header(MSH msh, Header in, String type, String event, String structure)
      throws HL7Exception {
    msh.getFieldSeparator().setValue("|");
    msh.getEncodingCharacters().setValue("^~\\&");
    msh.getSendingApplication().getNamespaceID().setValue(or(in.receivingApplication(), "CPIS"));
    msh.getSendingFacility().getNamespaceID().setValue(or(in.receivingFacility(), "OPENCPIS"));
    msh.getReceivingApplication().getNamespaceID().setValue(in.sendingApplication());
    msh.getReceivingFacility().getNamespaceID().setValue(in.sendingFacility());
    msh.getDateTimeOfMessage()
        .getTime()
        .setValue(TS.format(settings.clock().instant().atZone(settings.zone())));
    msh.getMessageType().getMessageCode().setValue(type);
    msh.getMessageType().getTriggerEvent().setValue(event);
    msh.getMessageType().getMessageStructure().setValue(structure);
    msh.getMessageControlID().setValue(codec.newId());
    msh.getProcessingID().getProcessingID().setValue(or(in.processingId(), "P"));
    msh.getVersionID().getVersionID().setValue(version(in));
    if (in.charset() != null && !in.charset().isBlank()) {
      msh.getCharacterSet(0).setValue(in.charset().trim());
    }
  }

  private static void msa(MSA msa, Header in, String code, Hl7Refusal refusal) throws HL7Exception {
    msa.getAcknowledgmentCode().setValue(code);
    msa.getMessageControlID().setValue(in.controlId());
    if (refusal != null) {
      msa.getTextMessage().setValue(cut(refusal.getMessage(), 80));
    }
  }

  private static void err(ERR err, Header in, Hl7Refusal r) throws HL7Exception {
    if (r.segment() != null) {
      Terser.set(err, 2, 0, 1, 1, r.segment());
      Terser.set(err, 2, 0, 2, 1, "1");
      Terser.set(err, 2, 0, 3, 1, String.valueOf(r.field()));
      if (!"2.5".equals(version(in))) {
        // ERR-1, for v2.4 readers
        Terser.set(err, 1, 0, 1, 1, r.segment());
        Terser.set(err, 1, 0, 2, 1, "1");
        Terser.set(err, 1, 0, 3, 1, String.valueOf(r.field()));
      }
    }
    if (!"2.5".equals(version(in))) {
      Terser.set(err, 1, 0, 4, 1, String.valueOf(r.errorCode()));
      Terser.set(err, 1, 0, 4, 2, r.errorText());
      Terser.set(err, 1, 0, 4, 3, "HL70357");
    }
    Terser.set(err, 3, 0, 1, 1, String.valueOf(r.errorCode()));
    Terser.set(err, 3, 0, 2, 1, r.errorText());
    Terser.set(err, 3, 0, 3, 1, "HL70357");
    Terser.set(err, 4, 0, 1, 1, "E");
    Terser.set(err, 8, 0, 1, 1, r.getMessage());
  }

  private static void qak(QAK qak, String tag, String status, int hits) throws HL7Exception {
    if (tag != null) {
      qak.getQueryTag().setValue(tag);
    }
    qak.getQueryResponseStatus().setValue(status);
    qak.getMessageQueryName().getIdentifier().setValue(QueryReader.QUERY_NAME);
    qak.getMessageQueryName().getText().setValue("CP-IS query");
    qak.getMessageQueryName().getNameOfCodingSystem().setValue("L");
    if (hits >= 0) {
      qak.getHitCount().setValue(String.valueOf(hits));
      qak.getThisPayload().setValue(String.valueOf(hits));
      qak.getHitsRemaining().setValue("0");
    }
  }

  private static void echoQpd(Message query, RSP_K11 rsp) throws HL7Exception {
    Segment qpd = AdtReader.segment(query, "QPD");
    if (qpd != null) {
      rsp.getQPD().parse(qpd.encode());
    }
  }

  private static void append(RSP_K11 rsp, List<String> rows) throws HL7Exception {
    for (String row : rows) {
      String name = rsp.addNonstandardSegment("OBX");
      ((Segment) rsp.get(name)).parse(row);
    }
  }

  /** The sender's version when it is one this service speaks (2.3 to 2.5), else 2.5. */
  static String version(Header in) {
    String v = in.version() == null ? "" : in.version().trim();
    return v.matches("2\\.[345](\\.\\d+)?") ? v : "2.5";
  }

  private static String or(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s;
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}

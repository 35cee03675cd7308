package org.opencpis.it;

import jakarta.xml.bind.JAXBElement;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.opencpis.contract.hl7.AssignedAuthor;
import org.opencpis.contract.hl7.AuthorSystem;
import org.opencpis.contract.hl7.CPISNHSQuery;
import org.opencpis.contract.hl7.CPISNHSQueryAnswer;
import org.opencpis.contract.hl7.CPISNHSQueryResponse;
import org.opencpis.contract.hl7.CV;
import org.opencpis.contract.hl7.ENXP;
import org.opencpis.contract.hl7.II;
import org.opencpis.contract.hl7.LARecord;
import org.opencpis.contract.hl7.Organization;
import org.opencpis.contract.hl7.PersonName;
import org.opencpis.contract.hl7.PertinentAccess;
import org.opencpis.contract.hl7.PertinentRecordControlAct;
import org.opencpis.contract.hl7.PlanDate;
import org.opencpis.contract.hl7.PlanPertinentInformation;
import org.opencpis.contract.hl7.QUQIIN010000UK14;
import org.opencpis.contract.hl7.RecordSubject;
import org.opencpis.contract.hl7.TEL;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A national cpisquery answer as a test reads it (our generated client's view of REPC_IN000007GB01
 * or QUQI_IN010000UK14): the plans, one per plan of each LA record, and the access history, each
 * flattened to the values a clinician reads.
 */
record SpineAnswer(
    String responseCode,
    int totalChildRecords,
    int totalAccessRecords,
    List<Plan> plans,
    List<Access> history,
    QUQIIN010000UK14 notFound) {

  /** One plan of one LA record, with the LA and whom it is about. */
  record Plan(
      String laOds,
      String laName,
      List<TEL> telecom,
      String type,
      /** the start day, YYYYMMDD (the national date, YYYYMMDDHHMM, at midnight) */
      String start,
      String end,
      String nhsNumber,
      String localChildId,
      boolean unborn) {

    /** The telephone of this use (WP office hours, EC emergency duty), or null. */
    String phone(String use) {
      return telecom.stream()
          .filter(t -> use.equals(t.getUse()))
          .map(TEL::getValue)
          .findFirst()
          .orElse(null);
    }
  }

  /** One earlier view: when, who (the name's parts and as read), job role, organisation. */
  record Access(
      String time,
      String eventId,
      boolean person,
      String prefix,
      List<String> given,
      String family,
      String suffix,
      String sdsUserId,
      String systemAsid,
      String jobRoleCode,
      String jobRoleName,
      String organisationOds,
      String organisationName) {

    /** The name as a person reads it: prefix, given names, family, suffix. */
    String viewerName() {
      List<String> words = new ArrayList<>();
      if (prefix != null) {
        words.add(prefix);
      }
      words.addAll(given);
      if (family != null) {
        words.add(family);
      }
      if (suffix != null) {
        words.add(suffix);
      }
      return String.join(" ", words);
    }
  }

  /**
   * The care setting of each earlier view, newest first, as the REST API shows them (our own
   * extension: the national answer has no care setting); asked by a B0170 user, so that asking
   * records nothing.
   */
  static List<String> careSettings(String nhs) {
    var previous =
        Council.ok(Rest.post(Spine.SILENT_VIEWER, "/health/cpis", HealthQueryIT.query(nhs, "RWE")))
            .getJsonArray("previousAccesses");
    List<String> settings = new ArrayList<>();
    for (int i = 0; i < previous.size(); i++) {
      var p = previous.getJsonObject(i);
      settings.add(
          p.containsKey("careSetting") && !p.isNull("careSetting")
              ? p.getString("careSetting")
              : null);
    }
    return settings;
  }

  boolean found() {
    return notFound == null;
  }

  static SpineAnswer of(CPISNHSQueryAnswer a) {
    if (a.getQUQIIN010000UK14() != null) {
      QUQIIN010000UK14 q = a.getQUQIIN010000UK14();
      return new SpineAnswer(
          q.getControlActEvent().getQueryAck().getQueryResponseCode().getCode(),
          0,
          0,
          List.of(),
          List.of(),
          q);
    }
    var act = a.getREPCIN000007GB01().getControlActEvent();
    CPISNHSQueryResponse r = act.getSubject().getCPISNHSQueryResponse();
    List<Plan> plans = new ArrayList<>();
    for (PertinentRecordControlAct pr : r.getPertinentInformation14()) {
      for (LARecord record : pr.getPertinentCPISRecordControlAct().getRecord()) {
        Organization la = record.getCommunicationFunctionSnd().getOrganisation();
        RecordSubject s = record.getCPISRecord().getSubject().get(0);
        boolean unborn = s.getCOCTTP145100GB01UnbornChild() != null;
        List<II> ids =
            unborn
                ? s.getCOCTTP145100GB01UnbornChild()
                    .getParentMotherPerson()
                    .getPlayedMother()
                    .getId()
                : s.getCOCTTP145101GB01Child().getId();
        for (PlanPertinentInformation p : record.getCPISRecord().getPertinentInformation15()) {
          String[] kind = plan(p);
          plans.add(
              new Plan(
                  la.getId().getExtension(),
                  la.getName(),
                  la.getTelecom(),
                  kind[0],
                  kind[1],
                  kind[2],
                  id(ids, "2.16.840.1.113883.2.1.4.1"),
                  id(ids, "2.16.840.1.113883.2.1.3.2.4.18.24"),
                  unborn));
        }
      }
    }
    List<Access> history = new ArrayList<>();
    for (PertinentAccess pa : r.getPertinentInformation13()) {
      history.add(access(pa.getPertinentCPISNHSQuery()));
    }
    return new SpineAnswer(
        act.getQueryAck().getQueryResponseCode().getCode(),
        r.getPertinentInformation12().getPertinentTotalReturnedChildRecords().getValue().getValue(),
        r.getPertinentInformation11()
            .getPertinentTotalReturnedAccessRecords()
            .getValue()
            .getValue(),
        plans,
        history,
        null);
  }

  /** CPP, LAC or UCP, its start and its end (YYYYMMDDHHMM, or null). */
  private static String[] plan(PlanPertinentInformation p) {
    if (p.getCOCTTP146105GB01CPPInformation() != null) {
      var i = p.getCOCTTP146105GB01CPPInformation();
      return new String[] {
        "CPP",
        date(i.getComponent().getCPPStartDate()),
        i.getComponent1() == null ? null : date(i.getComponent1().getCPPEndDate())
      };
    }
    if (p.getCOCTTP146103GB01LACInformation() != null) {
      var i = p.getCOCTTP146103GB01LACInformation();
      return new String[] {
        "LAC",
        date(i.getComponent().getLACStartDate()),
        i.getComponent1() == null ? null : date(i.getComponent1().getLACEndDate())
      };
    }
    var i = p.getCOCTTP146104GB01UCPInformation();
    return new String[] {
      "UCP",
      date(i.getComponent().getUCPStartDate()),
      i.getComponent1() == null ? null : date(i.getComponent1().getUCPEndDate())
    };
  }

  /** A plan date, TS.NHS.DateType1 (YYYYMMDDHHMM, the day at midnight), as its day YYYYMMDD. */
  private static String date(PlanDate d) {
    if (d == null || d.getValue() == null) {
      return null;
    }
    String v = d.getValue().getValue();
    if (v == null || !v.matches("[0-9]{8}0000")) {
      throw new AssertionError("a plan date is YYYYMMDD0000 nationally, not " + v);
    }
    return v.substring(0, 8);
  }

  private static String id(List<II> ids, String root) {
    return ids.stream()
        .filter(i -> root.equals(i.getRoot()))
        .map(II::getExtension)
        .findFirst()
        .orElse(null);
  }

  private static Access access(CPISNHSQuery q) {
    AssignedAuthor person = q.getAuthor().getCOCTTP145102GB01AssignedAuthor();
    AuthorSystem system = q.getAuthor().getCOCTTP145104GB01System();
    PersonName name;
    CV role;
    Organization org;
    String sdsUser = null;
    String asid = null;
    if (person != null) {
      name = person.getAssignedAuthorPerson().getName();
      role = person.getCode();
      org = person.getRepresentedOrganization();
      sdsUser = id(person.getId(), "1.2.826.0.1285.0.2.0.65");
    } else {
      var nominated =
          system.getIndirectAuthority().isEmpty()
              ? null
              : system.getIndirectAuthority().get(0).getSuperiorAssignedEntity();
      name = nominated == null ? null : nominated.getAssignedPerson().getName();
      role = nominated == null ? null : nominated.getCode();
      org = system.getMaintainingOrganization();
      asid = system.getId().getExtension();
    }
    String prefix = null;
    String family = null;
    String suffix = null;
    List<String> given = new ArrayList<>();
    if (name != null) {
      for (Serializable item : name.getContent()) {
        if (item instanceof JAXBElement<?> e && e.getValue() instanceof ENXP part) {
          switch (e.getName().getLocalPart()) {
            case "prefix" -> prefix = part.getValue();
            case "given" -> given.add(part.getValue());
            case "family" -> family = part.getValue();
            case "suffix" -> suffix = part.getValue();
            default -> {}
          }
        }
      }
    }
    return new Access(
        q.getEffectiveTime().getValue(),
        q.getId().getRoot(),
        person != null,
        prefix,
        List.copyOf(given),
        family,
        suffix,
        sdsUser,
        asid,
        role == null ? null : role.getCode(),
        role == null ? null : role.getDisplayName(),
        org.getId().getExtension(),
        org.getName());
  }

  /**
   * Puts a no-records answer, which Spine (and so the service) sends as the body's own
   * QUQI_IN010000UK14, back into CP-ISNHSQueryResponse, where our WSDL's one output holds it, so
   * that the generated client reads it (a CXF interceptor on the bytes as they come: the test
   * classpath has no SAAJ for a JAX-WS handler).
   */
  static final class NotFoundInWrapper extends AbstractPhaseInterceptor<Message> {

    private static final String HL7 = "urn:hl7-org:v3";
    private static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";

    NotFoundInWrapper() {
      super(Phase.RECEIVE);
    }

    @Override
    public void handleMessage(Message message) {
      InputStream in = message.getContent(InputStream.class);
      if (in == null) {
        return;
      }
      try {
        byte[] bytes = in.readAllBytes();
        message.setContent(InputStream.class, new ByteArrayInputStream(rewrapped(bytes)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    static byte[] rewrapped(byte[] envelope) {
      String text = new String(envelope, StandardCharsets.UTF_8);
      if (!text.contains("QUQI_IN010000UK14")) {
        return envelope;
      }
      try {
        Document d = Xml.parse(text);
        Element body = (Element) d.getElementsByTagNameNS(SOAP, "Body").item(0);
        Element answer = Xml.firstElement(body);
        if (answer == null
            || !HL7.equals(answer.getNamespaceURI())
            || !"QUQI_IN010000UK14".equals(answer.getLocalName())) {
          return envelope;
        }
        Element wrapper = d.createElementNS(HL7, "CP-ISNHSQueryResponse");
        body.replaceChild(wrapper, answer);
        wrapper.appendChild(answer);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory.newInstance()
            .newTransformer()
            .transform(new DOMSource(d), new StreamResult(out));
        return out.toByteArray();
      } catch (TransformerException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}

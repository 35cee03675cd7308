package org.opencpis.web.spine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.opencpis.contract.hl7.Acknowledgement;
import org.opencpis.contract.hl7.AgentSystemSDS;
import org.opencpis.contract.hl7.AssignedAuthor;
import org.opencpis.contract.hl7.Author1;
import org.opencpis.contract.hl7.AuthorPerson;
import org.opencpis.contract.hl7.AuthorSystem;
import org.opencpis.contract.hl7.CPISNHSQuery;
import org.opencpis.contract.hl7.CPISNHSQueryAnswer;
import org.opencpis.contract.hl7.CPISNHSQueryResponse;
import org.opencpis.contract.hl7.CPISRecord;
import org.opencpis.contract.hl7.CPPEnd;
import org.opencpis.contract.hl7.CPPInformation;
import org.opencpis.contract.hl7.CPPStart;
import org.opencpis.contract.hl7.CV;
import org.opencpis.contract.hl7.DetectedIssueEvent;
import org.opencpis.contract.hl7.Device;
import org.opencpis.contract.hl7.ENXP;
import org.opencpis.contract.hl7.FailedControlActEvent;
import org.opencpis.contract.hl7.FailureReason;
import org.opencpis.contract.hl7.II;
import org.opencpis.contract.hl7.IndirectAuthority;
import org.opencpis.contract.hl7.IssueCode;
import org.opencpis.contract.hl7.LACEnd;
import org.opencpis.contract.hl7.LACInformation;
import org.opencpis.contract.hl7.LACStart;
import org.opencpis.contract.hl7.LARecord;
import org.opencpis.contract.hl7.MCCIMT010101UK12;
import org.opencpis.contract.hl7.MCCIMT010101UK12CommunicationFunction;
import org.opencpis.contract.hl7.MCCIMT010101UK12Device;
import org.opencpis.contract.hl7.MessageRef;
import org.opencpis.contract.hl7.NHSNumberParameter;
import org.opencpis.contract.hl7.ObjectFactory;
import org.opencpis.contract.hl7.Organization;
import org.opencpis.contract.hl7.PN;
import org.opencpis.contract.hl7.PersonName;
import org.opencpis.contract.hl7.PertinentAccess;
import org.opencpis.contract.hl7.PertinentAccessTotal;
import org.opencpis.contract.hl7.PertinentChildTotal;
import org.opencpis.contract.hl7.PertinentRecordControlAct;
import org.opencpis.contract.hl7.PlanDate;
import org.opencpis.contract.hl7.PlanPertinentInformation;
import org.opencpis.contract.hl7.PlayedMother;
import org.opencpis.contract.hl7.QUQIIN010000UK14;
import org.opencpis.contract.hl7.QueryAck;
import org.opencpis.contract.hl7.QueryAuthor;
import org.opencpis.contract.hl7.QueryByParameter;
import org.opencpis.contract.hl7.REPCIN000007GB01;
import org.opencpis.contract.hl7.RecordChild;
import org.opencpis.contract.hl7.RecordControlAct;
import org.opencpis.contract.hl7.RecordMother;
import org.opencpis.contract.hl7.RecordPerson;
import org.opencpis.contract.hl7.RecordSender;
import org.opencpis.contract.hl7.RecordSubject;
import org.opencpis.contract.hl7.RecordUnbornChild;
import org.opencpis.contract.hl7.ResponseControlActEvent;
import org.opencpis.contract.hl7.ResponseSubject;
import org.opencpis.contract.hl7.ReturnedTotal;
import org.opencpis.contract.hl7.SuperiorAssignedEntity;
import org.opencpis.contract.hl7.TS;
import org.opencpis.contract.hl7.UCPEnd;
import org.opencpis.contract.hl7.UCPInformation;
import org.opencpis.contract.hl7.UCPStart;
import org.opencpis.contract.npfit.TemplateContent;
import org.opencpis.hub.application.QueryAnswer;
import org.opencpis.hub.domain.SubjectKind;
import org.opencpis.shared.Hl7Dates;

/**
 * The hub's answer in the national shape, as Spine's template builds it
 * (spine2_xslt/CPIS_Query_Response_syncAsync.xsl; docs/spine-national-shape.md §3): a
 * REPC_IN000007GB01 with one record control act per LA record (the child, or the unborn under its
 * mother, with the responsible LA, its telephones and its 1..3 plans) and the access history; or
 * QUQI_IN010000UK14 (NF) when nothing is held. Only builds: what is in it is the hub's.
 */
final class NationalAnswer {

  static final String RESPONSE = "REPC_IN000007GB01";
  static final String FAILED = "QUQI_IN010000UK14";

  /** The template's version code for REPC_IN000007GB01 (both it and V3NPfIT3.0 are national). */
  static final String RESPONSE_VERSION = "v3INF_DMSv5.7:FIN";

  /** The queryActFailed template's version code. */
  static final String FAILED_VERSION = "V3NPfIT3.0";

  static final String CONTENT_ID_ROOT = "2.16.840.1.113883.2.1.3.2.4.18.16";
  static final String ORGANISATION_ROOT = "2.16.840.1.113883.2.1.3.2.4.19.1";
  static final String LOCAL_CHILD_ID_ROOT = "2.16.840.1.113883.2.1.3.2.4.18.24";

  /** The customary SDS job-role code system; not stated in the national schemas. */
  static final String JOB_ROLE_SYSTEM = "2.16.840.1.113883.2.1.3.2.4.17.339";

  /**
   * The code system of the "no records found" reason: HL7's QueryResponse, whose NF the queryAck
   * carries too. Spine's schemas name none (our choice, docs/spine-national-shape.md §3.5).
   */
  static final String QUERY_RESPONSE_SYSTEM = "2.16.840.1.113883.5.1067";

  private static final Pattern UUID_UPPER =
      Pattern.compile("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
  private static final ObjectFactory HL7 = new ObjectFactory();

  private final String requesterAsid;
  private final String hubAsid;
  private final Instant now;
  private final ZoneId zone;

  NationalAnswer(String requesterAsid, String hubAsid, Instant now, ZoneId zone) {
    this.requesterAsid = requesterAsid;
    this.hubAsid = hubAsid;
    this.now = now;
    this.zone = zone;
  }

  /** Records found: REPC_IN000007GB01, in Spine's body wrapper CP-ISNHSQueryResponse. */
  CPISNHSQueryAnswer found(QueryAnswer a) {
    REPCIN000007GB01 m = new REPCIN000007GB01();
    wrapper(m, RESPONSE, RESPONSE_VERSION);
    CPISNHSQueryResponse r = new CPISNHSQueryResponse();
    r.setEffectiveTime(Hl7.ts(Hl7Dates.format(now, zone)));
    r.setId(Hl7.ii(newId(), null));
    List<List<QueryAnswer.Entry>> records = byLaRecord(a.records());
    PertinentAccessTotal accesses = new PertinentAccessTotal();
    accesses.setPertinentTotalReturnedAccessRecords(total(a.history().size()));
    r.setPertinentInformation11(accesses);
    PertinentChildTotal children = new PertinentChildTotal();
    children.setPertinentTotalReturnedChildRecords(total(records.size()));
    r.setPertinentInformation12(children);
    for (QueryAnswer.PreviousAccess p : a.history()) {
      PertinentAccess pa = new PertinentAccess();
      pa.setPertinentCPISNHSQuery(access(p, a.nhsNumber()));
      r.getPertinentInformation13().add(pa);
    }
    for (List<QueryAnswer.Entry> plans : records) {
      RecordControlAct act = new RecordControlAct();
      act.getRecord().add(record(plans, a.nhsNumber()));
      PertinentRecordControlAct pr = new PertinentRecordControlAct();
      pr.setPertinentCPISRecordControlAct(act);
      r.getPertinentInformation14().add(pr);
    }
    ResponseSubject subject = new ResponseSubject();
    subject.setTypeCode("SUBJ");
    subject.setCPISNHSQueryResponse(r);
    ResponseControlActEvent act = new ResponseControlActEvent();
    act.setClassCode("CACT");
    act.setMoodCode("EVN");
    act.getAuthor1().add(author1());
    act.setSubject(subject);
    act.setQueryAck(ack("OK"));
    m.setControlActEvent(act);
    CPISNHSQueryAnswer answer = new CPISNHSQueryAnswer();
    answer.setREPCIN000007GB01(m);
    return answer;
  }

  /**
   * Nothing held: QUQI_IN010000UK14 acknowledging the request ({@code requestId}, its id/@root)
   * with queryResponseCode NF. It travels in the same wrapper as a found answer; {@link
   * NationalAnswerHandler} makes it the body's own element, as Spine sends it.
   */
  CPISNHSQueryAnswer notFound(String requestId) {
    QUQIIN010000UK14 m = new QUQIIN010000UK14();
    m.setId(Hl7.ii(newId(), null));
    m.setCreationTime(Hl7.ts(Hl7Dates.format(now, zone)));
    m.setVersionCode(Hl7.cs(FAILED_VERSION));
    m.setInteractionId(Hl7.ii(Hl7.INTERACTION_ROOT, FAILED));
    m.setProcessingCode(Hl7.cs("P"));
    m.setProcessingModeCode(Hl7.cs("T"));
    m.setAcceptAckCode(Hl7.cs("NE"));
    Acknowledgement ack = new Acknowledgement();
    ack.setTypeCode("AE");
    MessageRef ref = new MessageRef();
    ref.setId(Hl7.ii(requestId, null));
    ack.setMessageRef(ref);
    m.setAcknowledgement(ack);
    m.getCommunicationFunctionRcv().add(device("RCV", requesterAsid));
    m.setCommunicationFunctionSnd(device("SND", hubAsid));
    IssueCode code = new IssueCode();
    code.setCode("NF");
    code.setCodeSystem(QUERY_RESPONSE_SYSTEM);
    code.setDisplayName("No records found");
    code.getQualifier().add(Hl7.cs("ER"));
    DetectedIssueEvent issue = new DetectedIssueEvent();
    issue.setClassCode("ALRT");
    issue.setMoodCode("EVN");
    issue.setCode(code);
    FailureReason reason = new FailureReason();
    reason.setTypeCode("RSON");
    reason.setJustifyingDetectedIssueEvent(issue);
    FailedControlActEvent act = new FailedControlActEvent();
    act.setClassCode("CACT");
    act.setMoodCode("EVN");
    act.getAuthor1().add(author1());
    act.getReason().add(reason);
    act.setQueryAck(ack("NF"));
    m.setControlActEvent(act);
    CPISNHSQueryAnswer answer = new CPISNHSQueryAnswer();
    answer.setQUQIIN010000UK14(m);
    return answer;
  }

  private void wrapper(MCCIMT010101UK12 m, String interaction, String version) {
    m.setId(Hl7.ii(newId(), null));
    m.setCreationTime(Hl7.ts(Hl7Dates.format(now, zone)));
    m.setVersionCode(Hl7.cs(version));
    m.setInteractionId(Hl7.ii(Hl7.INTERACTION_ROOT, interaction));
    m.setProcessingCode(Hl7.cs("P"));
    m.setProcessingModeCode(Hl7.cs("T"));
    m.setAcceptAckCode(Hl7.cs("NE"));
    m.getCommunicationFunctionRcv().add(device("RCV", requesterAsid));
    m.setCommunicationFunctionSnd(device("SND", hubAsid));
  }

  private static MCCIMT010101UK12CommunicationFunction device(String typeCode, String asid) {
    MCCIMT010101UK12Device d = new MCCIMT010101UK12Device();
    d.setClassCode("DEV");
    d.setDeterminerCode("INSTANCE");
    d.getId().add(Hl7.ii(Hl7.ASID_ROOT, asid));
    MCCIMT010101UK12CommunicationFunction f = new MCCIMT010101UK12CommunicationFunction();
    f.setTypeCode(typeCode);
    f.setDevice(d);
    return f;
  }

  /** The system that answers: the hub. */
  private Author1 author1() {
    Device d = new Device();
    d.setClassCode("DEV");
    d.setDeterminerCode("INSTANCE");
    d.setId(Hl7.ii(Hl7.ASID_ROOT, hubAsid));
    AgentSystemSDS agent = new AgentSystemSDS();
    agent.setClassCode("AGNT");
    agent.setAgentSystemSDS(d);
    Author1 a = new Author1();
    a.setTypeCode("AUT");
    a.setAgentSystemSDS(agent);
    return a;
  }

  private static QueryAck ack(String code) {
    QueryAck ack = new QueryAck();
    ack.setType("QueryAck");
    ack.setQueryResponseCode(Hl7.cs(code));
    return ack;
  }

  private static ReturnedTotal total(int n) {
    ReturnedTotal t = new ReturnedTotal();
    t.setValue(Hl7.integer(n));
    return t;
  }

  /** The plans in the order given, grouped by LA record: one LA, one child (or unborn). */
  static List<List<QueryAnswer.Entry>> byLaRecord(List<QueryAnswer.Entry> entries) {
    Map<List<Object>, List<QueryAnswer.Entry>> records = new LinkedHashMap<>();
    for (QueryAnswer.Entry e : entries) {
      records
          .computeIfAbsent(
              List.of(
                  e.laOdsCode(), String.valueOf(e.nhsNumber()), e.subjectKind(), e.localChildId()),
              k -> new ArrayList<>())
          .add(e);
    }
    return List.copyOf(records.values());
  }

  /** One earlier view, as the query that made it: when, its id, who, and the number asked. */
  private CPISNHSQuery access(QueryAnswer.PreviousAccess p, String nhsNumber) {
    CPISNHSQuery q = new CPISNHSQuery();
    q.setEffectiveTime(Hl7.ts(Hl7Dates.format(p.at(), zone)));
    q.setId(Hl7.ii(eventUuid(p), null));
    QueryAuthor author = new QueryAuthor();
    if (p.person()) {
      author.setContentId(content("COCT_TP145102GB01#AssignedAuthor"));
      AssignedAuthor a = new AssignedAuthor();
      a.setCode(jobRole(p));
      if (p.sdsUserId() != null) {
        a.getId().add(Hl7.ii(Hl7.SDS_USER_ROOT, p.sdsUserId()));
      }
      if (p.sdsRoleProfileId() != null) {
        a.getId().add(Hl7.ii(Hl7.SDS_ROLE_PROFILE_ROOT, p.sdsRoleProfileId()));
      }
      a.setAssignedAuthorPerson(person(p.viewer()));
      a.setRepresentedOrganization(organisation(p.organisationOds(), p.organisationName()));
      author.setCOCTTP145102GB01AssignedAuthor(a);
    } else {
      author.setContentId(content("COCT_TP145104GB01#System"));
      AuthorSystem s = new AuthorSystem();
      s.setId(Hl7.ii(Hl7.ASID_ROOT, p.systemAsid()));
      if (p.viewer() != null || p.jobRoleCode() != null) {
        SuperiorAssignedEntity nominated = new SuperiorAssignedEntity();
        nominated.setCode(jobRole(p));
        nominated.setAssignedPerson(person(p.viewer()));
        IndirectAuthority ia = new IndirectAuthority();
        ia.setSuperiorAssignedEntity(nominated);
        s.getIndirectAuthority().add(ia);
      }
      s.setMaintainingOrganization(organisation(p.organisationOds(), p.organisationName()));
      author.setCOCTTP145104GB01System(s);
    }
    q.setAuthor(author);
    NHSNumberParameter number = new NHSNumberParameter();
    number.setValue(Hl7.ii(null, nhsNumber));
    QueryByParameter by = new QueryByParameter();
    by.setPersonNHSnumber(number);
    q.setQueryByParameter(by);
    return q;
  }

  /**
   * The access's event id as the national answer needs it, an upper-case UUID: the query's own when
   * it gave one (a national query does), otherwise one made from what it gave, the same in every
   * answer.
   */
  static String eventUuid(QueryAnswer.PreviousAccess p) {
    String id = p.eventId();
    if (id != null && UUID_UPPER.matcher(id.toUpperCase(Locale.ROOT)).matches()) {
      return id.toUpperCase(Locale.ROOT);
    }
    String seed = id != null ? id : p.at() + "|" + p.organisationOds();
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8))
        .toString()
        .toUpperCase(Locale.ROOT);
  }

  private static CV jobRole(QueryAnswer.PreviousAccess p) {
    CV cv = Hl7.cv(p.jobRoleCode(), p.jobRoleName());
    cv.setCodeSystem(JOB_ROLE_SYSTEM);
    return cv;
  }

  /** The viewer's name in its parts, in the order Spine reads them. */
  private static AuthorPerson person(org.opencpis.shared.PersonName viewer) {
    PersonName name = new PersonName();
    if (viewer != null) {
      part(name, "prefix", viewer.prefix());
      viewer.given().forEach(g -> part(name, "given", g));
      part(name, "family", viewer.family());
      part(name, "suffix", viewer.suffix());
    }
    AuthorPerson person = new AuthorPerson();
    person.setName(name);
    return person;
  }

  private static void part(PersonName name, String kind, String text) {
    if (text == null) {
      return;
    }
    ENXP p = new ENXP();
    p.setValue(text);
    name.getContent()
        .add(
            switch (kind) {
              case "prefix" -> HL7.createPersonNamePrefix(p);
              case "given" -> HL7.createPersonNameGiven(p);
              case "family" -> HL7.createPersonNameFamily(p);
              default -> HL7.createPersonNameSuffix(p);
            });
  }

  private static Organization organisation(String ods, String name) {
    Organization o = new Organization();
    o.setId(Hl7.ii(ORGANISATION_ROOT, ods));
    o.setName(name);
    return o;
  }

  /**
   * One LA record: the LA and its telephones, the plans, and whom they are about, under the current
   * NHS number (R4: a record shared under a number since superseded is the same child's).
   */
  private static LARecord record(List<QueryAnswer.Entry> plans, String nhsNumber) {
    QueryAnswer.Entry first = plans.get(0);
    Organization la = organisation(first.laOdsCode(), first.laName());
    if (first.officeHoursPhone() != null) {
      la.getTelecom().add(tel(first.officeHoursPhone(), "WP"));
    }
    if (first.emergencyDutyPhone() != null) {
      la.getTelecom().add(tel(first.emergencyDutyPhone(), "EC"));
    }
    RecordSender sender = new RecordSender();
    sender.setOrganisation(la);
    CPISRecord record = new CPISRecord();
    for (QueryAnswer.Entry e : plans) {
      record.getPertinentInformation15().add(plan(e));
    }
    record.getSubject().add(subject(first, nhsNumber));
    LARecord r = new LARecord();
    r.setCommunicationFunctionSnd(sender);
    r.setCPISRecord(record);
    return r;
  }

  /** A telephone as the national TEL.NHS.value.mandatory writes it: tel: and the digits. */
  static org.opencpis.contract.hl7.TEL tel(String number, String use) {
    org.opencpis.contract.hl7.TEL t = new org.opencpis.contract.hl7.TEL();
    t.setValue("tel:" + number.replaceAll("[^+0-9]", ""));
    t.setUse(use);
    return t;
  }

  private static PlanPertinentInformation plan(QueryAnswer.Entry e) {
    PlanPertinentInformation p = new PlanPertinentInformation();
    PlanDate start = planDate(e.startDate());
    PlanDate end = e.endDate() == null ? null : planDate(e.endDate());
    switch (e.planType()) {
      case CPP -> {
        p.setContentId(content("COCT_TP146105GB01#CPPInformation"));
        CPPInformation i = new CPPInformation();
        CPPStart s = new CPPStart();
        s.setCPPStartDate(start);
        i.setComponent(s);
        if (end != null) {
          CPPEnd en = new CPPEnd();
          en.setCPPEndDate(end);
          i.setComponent1(en);
        }
        p.setCOCTTP146105GB01CPPInformation(i);
      }
      case LAC -> {
        p.setContentId(content("COCT_TP146103GB01#LACInformation"));
        LACInformation i = new LACInformation();
        LACStart s = new LACStart();
        s.setLACStartDate(start);
        i.setComponent(s);
        if (end != null) {
          LACEnd en = new LACEnd();
          en.setLACEndDate(end);
          i.setComponent1(en);
        }
        p.setCOCTTP146103GB01LACInformation(i);
      }
      case UCPP -> {
        p.setContentId(content("COCT_TP146104GB01#UCPInformation"));
        UCPInformation i = new UCPInformation();
        UCPStart s = new UCPStart();
        s.setUCPStartDate(start);
        i.setComponent(s);
        UCPEnd en = new UCPEnd(); // mandatory nationally: an unborn plan always has its end
        en.setUCPEndDate(end);
        i.setComponent1(en);
        p.setCOCTTP146104GB01UCPInformation(i);
      }
    }
    return p;
  }

  /** A plan date as TS.NHS.DateType1: YYYYMMDDHHMM, the day at midnight. */
  private static PlanDate planDate(LocalDate day) {
    PlanDate d = new PlanDate();
    d.setValue(Hl7.ts(Hl7Dates.format(day) + "0000"));
    return d;
  }

  private static RecordSubject subject(QueryAnswer.Entry e, String nhsNumber) {
    RecordSubject s = new RecordSubject();
    RecordPerson person = new RecordPerson();
    TS birth = Hl7.ts(e.birthDate() == null ? null : Hl7Dates.format(e.birthDate()));
    PN name = new PN();
    if (e.givenName() != null) {
      name.getGiven().add(e.givenName());
    }
    name.setFamily(e.familyName());
    List<II> ids = new ArrayList<>();
    ids.add(Hl7.ii(Hl7.NHS_NUMBER_ROOT, nhsNumber));
    if (e.localChildId() != null) {
      ids.add(Hl7.ii(LOCAL_CHILD_ID_ROOT, e.localChildId()));
    }
    if (e.subjectKind() == SubjectKind.UNBORN) {
      s.setContentId(content("COCT_TP145100GB01#UnbornChild"));
      RecordMother mother = new RecordMother();
      mother.setBirthTime(birth);
      mother.setName(name);
      PlayedMother played = new PlayedMother();
      played.getId().addAll(ids);
      mother.setPlayedMother(played);
      RecordUnbornChild unborn = new RecordUnbornChild();
      unborn.setParentMotherPerson(mother);
      s.setCOCTTP145100GB01UnbornChild(unborn);
    } else {
      s.setContentId(content("COCT_TP145101GB01#Child"));
      person.setBirthTime(birth);
      person.setName(name);
      RecordChild child = new RecordChild();
      child.getId().addAll(ids);
      child.setChildPerson(person);
      s.setCOCTTP145101GB01Child(child);
    }
    return s;
  }

  private static TemplateContent content(String template) {
    TemplateContent c = new TemplateContent();
    c.setRoot(CONTENT_ID_ROOT);
    c.setExtension(template);
    return c;
  }

  private static String newId() {
    return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
  }
}

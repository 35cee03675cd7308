package org.opencpis.it;

import static org.opencpis.it.UploadFiles.cs;
import static org.opencpis.it.UploadFiles.ii;
import static org.opencpis.it.UploadFiles.ts;

import java.util.UUID;
import org.opencpis.contract.hl7.AgentSystemSDS;
import org.opencpis.contract.hl7.AssignedAuthor;
import org.opencpis.contract.hl7.Author1;
import org.opencpis.contract.hl7.AuthorPerson;
import org.opencpis.contract.hl7.AuthorSystem;
import org.opencpis.contract.hl7.BL;
import org.opencpis.contract.hl7.CPISNHSQuery;
import org.opencpis.contract.hl7.CPISQueryStub;
import org.opencpis.contract.hl7.CV;
import org.opencpis.contract.hl7.Device;
import org.opencpis.contract.hl7.ENXP;
import org.opencpis.contract.hl7.IndirectAuthority;
import org.opencpis.contract.hl7.MCCIMT010101UK12CommunicationFunction;
import org.opencpis.contract.hl7.MCCIMT010101UK12Device;
import org.opencpis.contract.hl7.NHSNumberParameter;
import org.opencpis.contract.hl7.ObjectFactory;
import org.opencpis.contract.hl7.Organization;
import org.opencpis.contract.hl7.PersonName;
import org.opencpis.contract.hl7.QUPCIN000006GB01;
import org.opencpis.contract.hl7.QueryAuthor;
import org.opencpis.contract.hl7.QueryByParameter;
import org.opencpis.contract.hl7.QueryControlActEvent;
import org.opencpis.contract.hl7.QuerySubject;
import org.opencpis.contract.hl7.SuperiorAssignedEntity;
import org.opencpis.contract.npfit.TemplateContent;

/**
 * Builds QUPC_IN000006GB01 queries as an unscheduled-care system would send them, in the national
 * shape (docs/spine-national-shape.md §1), with OpenCPIS's care setting extension.
 */
public final class QueryMessages {

  /** CP-IS's ASID (the receiver) and the unscheduled-care system's (the sender and author1). */
  public static final String CPIS_ASID = "928942012545";

  public static final String SENDER_ASID = "200000000999";

  /** A smartcard user at an organisation, in a care setting. */
  public record Clinician(
      String sdsUserId,
      String given,
      String family,
      String jobRoleCode,
      String jobRoleName,
      String orgOds,
      String orgName,
      String careSetting) {}

  public static final Clinician ED_NURSE =
      new Clinician(
          "555000111222",
          "Ada",
          "Okafor",
          "R8001",
          "Nurse Access Role",
          "RWE",
          "University Hospitals of Leicester NHS Trust",
          "ED");

  public static final Clinician MIU_DOCTOR =
      new Clinician(
          "555000333444",
          "Tom",
          "Price",
          "R8000",
          "Clinical Practitioner Access Role",
          "RBK",
          "Walsall Healthcare NHS Trust",
          "MIU");

  private static final ObjectFactory HL7 = new ObjectFactory();

  private QueryMessages() {}

  /** A query by a smartcard user, in the national shape (COCT_TP145102GB01.AssignedAuthor). */
  public static QUPCIN000006GB01 byPerson(String nhsNumber, Clinician c) {
    AssignedAuthor a = new AssignedAuthor();
    a.setCode(jobRole(c));
    a.getId().add(ii("1.2.826.0.1285.0.2.0.65", c.sdsUserId()));
    a.getId().add(ii("1.2.826.0.1285.0.2.0.67", "9100" + c.sdsUserId().substring(0, 8)));
    a.setAssignedAuthorPerson(person(c.given(), c.family()));
    a.setRepresentedOrganization(org(c.orgOds(), c.orgName()));
    QueryAuthor author = author("COCT_TP145102GB01#AssignedAuthor");
    author.setCOCTTP145102GB01AssignedAuthor(a);
    return query(nhsNumber, author, c.careSetting());
  }

  /**
   * A query made by a system (an ED's patient administration system) for a named person, in the
   * national shape (COCT_TP145104GB01.System).
   */
  public static QUPCIN000006GB01 bySystem(String nhsNumber, String asid, Clinician c) {
    AuthorSystem s = new AuthorSystem();
    s.setId(ii("1.2.826.0.1285.0.2.0.107", asid));
    SuperiorAssignedEntity superior = new SuperiorAssignedEntity();
    superior.setCode(jobRole(c));
    superior.setAssignedPerson(person(c.given(), c.family()));
    IndirectAuthority ia = new IndirectAuthority();
    ia.setSuperiorAssignedEntity(superior);
    s.getIndirectAuthority().add(ia);
    s.setMaintainingOrganization(org(c.orgOds(), c.orgName()));
    QueryAuthor author = author("COCT_TP145104GB01#System");
    author.setCOCTTP145104GB01System(s);
    return query(nhsNumber, author, c.careSetting());
  }

  /** Marks a query as a scheduled-care silent read (accessEventType = false). */
  public static QUPCIN000006GB01 silent(QUPCIN000006GB01 m) {
    BL no = new BL();
    no.setValue(false);
    m.getControlActEvent().getSubject().getCPISQueryStub().getCPISNHSQuery().setAccessEventType(no);
    return m;
  }

  private static QUPCIN000006GB01 query(String nhsNumber, QueryAuthor author, String careSetting) {
    QUPCIN000006GB01 m = new QUPCIN000006GB01();
    m.setId(ii(UUID.randomUUID().toString().toUpperCase(), null));
    m.setCreationTime(ts("20261125120000"));
    m.setVersionCode(cs("V3NPfIT3.0"));
    m.setInteractionId(ii("2.16.840.1.113883.2.1.3.2.4.12", "QUPC_IN000006GB01"));
    m.setProcessingCode(cs("P"));
    m.setProcessingModeCode(cs("T"));
    m.setAcceptAckCode(cs("NE"));
    m.getCommunicationFunctionRcv().add(device(CPIS_ASID));
    m.setCommunicationFunctionSnd(device(SENDER_ASID));
    QueryControlActEvent act = new QueryControlActEvent();
    Device system = new Device();
    system.setId(ii("1.2.826.0.1285.0.2.0.107", SENDER_ASID));
    AgentSystemSDS agent = new AgentSystemSDS();
    agent.setAgentSystemSDS(system);
    Author1 author1 = new Author1();
    author1.setAgentSystemSDS(agent);
    act.getAuthor1().add(author1);

    CPISNHSQuery q = new CPISNHSQuery();
    q.setEffectiveTime(ts("20261125120000"));
    q.setId(ii(UUID.randomUUID().toString().toUpperCase(), null));
    q.setAuthor(author);
    NHSNumberParameter p = new NHSNumberParameter();
    p.setValue(ii(null, nhsNumber));
    QueryByParameter by = new QueryByParameter();
    by.setPersonNHSnumber(p);
    q.setQueryByParameter(by);
    if (careSetting != null) {
      CV setting = new CV();
      setting.setCode(careSetting);
      q.setCareSetting(setting);
    }
    CPISQueryStub stub = new CPISQueryStub();
    stub.setCPISNHSQuery(q);
    QuerySubject subject = new QuerySubject();
    subject.setCPISQueryStub(stub);
    act.setSubject(subject);
    m.setControlActEvent(act);
    return m;
  }

  private static QueryAuthor author(String template) {
    TemplateContent content = new TemplateContent();
    content.setRoot("2.16.840.1.113883.2.1.3.2.4.18.16");
    content.setExtension(template);
    QueryAuthor author = new QueryAuthor();
    author.setContentId(content);
    return author;
  }

  private static CV jobRole(Clinician c) {
    CV role = new CV();
    role.setCode(c.jobRoleCode());
    role.setCodeSystem("2.16.840.1.113883.2.1.3.2.4.17.339");
    role.setDisplayName(c.jobRoleName());
    return role;
  }

  private static MCCIMT010101UK12CommunicationFunction device(String asid) {
    MCCIMT010101UK12Device d = new MCCIMT010101UK12Device();
    d.getId().add(ii("1.2.826.0.1285.0.2.0.107", asid));
    MCCIMT010101UK12CommunicationFunction f = new MCCIMT010101UK12CommunicationFunction();
    f.setDevice(d);
    return f;
  }

  private static AuthorPerson person(String given, String family) {
    PersonName name = new PersonName();
    name.getContent().add(HL7.createPersonNameGiven(part(given)));
    name.getContent().add(HL7.createPersonNameFamily(part(family)));
    AuthorPerson p = new AuthorPerson();
    p.setName(name);
    return p;
  }

  private static ENXP part(String text) {
    ENXP part = new ENXP();
    part.setValue(text);
    return part;
  }

  private static Organization org(String ods, String name) {
    Organization o = new Organization();
    o.setId(ii("2.16.840.1.113883.2.1.3.2.4.19.1", ods));
    o.setName(name);
    return o;
  }
}

package org.opencpis.it;

import static org.opencpis.it.UploadFiles.cs;
import static org.opencpis.it.UploadFiles.device;
import static org.opencpis.it.UploadFiles.ii;
import static org.opencpis.it.UploadFiles.ts;

import java.util.UUID;
import org.opencpis.contract.hl7.AssignedAuthor;
import org.opencpis.contract.hl7.AuthorPerson;
import org.opencpis.contract.hl7.AuthorSystem;
import org.opencpis.contract.hl7.BL;
import org.opencpis.contract.hl7.CPISNHSQuery;
import org.opencpis.contract.hl7.CPISQueryStub;
import org.opencpis.contract.hl7.CV;
import org.opencpis.contract.hl7.IndirectAuthority;
import org.opencpis.contract.hl7.NHSNumberParameter;
import org.opencpis.contract.hl7.Organization;
import org.opencpis.contract.hl7.PN;
import org.opencpis.contract.hl7.QUPCIN000006GB01;
import org.opencpis.contract.hl7.QueryAuthor;
import org.opencpis.contract.hl7.QueryByParameter;
import org.opencpis.contract.hl7.QueryControlActEvent;
import org.opencpis.contract.hl7.QuerySubject;
import org.opencpis.contract.hl7.SuperiorAssignedEntity;

/** Builds QUPC_IN000006GB01 queries as an unscheduled-care system would send them. */
public final class QueryMessages {

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

  private QueryMessages() {}

  public static QUPCIN000006GB01 byPerson(String nhsNumber, Clinician c) {
    QUPCIN000006GB01 m = wrapper();
    AssignedAuthor a = new AssignedAuthor();
    CV role = new CV();
    role.setCode(c.jobRoleCode());
    role.setDisplayName(c.jobRoleName());
    a.setCode(role);
    a.getId().add(ii("1.2.826.0.1285.0.2.0.65", c.sdsUserId()));
    a.getId().add(ii("1.2.826.0.1285.0.2.0.67", "9100" + c.sdsUserId().substring(0, 8)));
    a.setAssignedAuthorPerson(person(c.given(), c.family()));
    a.setRepresentedOrganization(org(c.orgOds(), c.orgName()));
    QueryAuthor author = new QueryAuthor();
    author.setCOCTTP145102GB01AssignedAuthor(a);
    m.getControlActEvent().setAuthor(author);
    setQuery(m, nhsNumber, c.careSetting());
    return m;
  }

  /** A query made by a system (an ED's patient administration system) for a named person. */
  public static QUPCIN000006GB01 bySystem(String nhsNumber, String asid, Clinician c) {
    QUPCIN000006GB01 m = wrapper();
    AuthorSystem s = new AuthorSystem();
    s.setId(ii("1.2.826.0.1285.0.2.0.107", asid));
    s.setMaintainingOrganization(org(c.orgOds(), c.orgName()));
    SuperiorAssignedEntity superior = new SuperiorAssignedEntity();
    CV role = new CV();
    role.setCode(c.jobRoleCode());
    role.setDisplayName(c.jobRoleName());
    superior.setCode(role);
    superior.setAssignedPerson(person(c.given(), c.family()));
    IndirectAuthority ia = new IndirectAuthority();
    ia.setSuperiorAssignedEntity(superior);
    s.setIndirectAuthority(ia);
    QueryAuthor author = new QueryAuthor();
    author.setCOCTTP145104GB01System(s);
    m.getControlActEvent().setAuthor(author);
    setQuery(m, nhsNumber, c.careSetting());
    return m;
  }

  /** Marks a query as a scheduled-care silent read (accessEventType = false). */
  public static QUPCIN000006GB01 silent(QUPCIN000006GB01 m) {
    BL no = new BL();
    no.setValue(false);
    m.getControlActEvent().getSubject().getCPISQueryStub().getCPISNHSQuery().setAccessEventType(no);
    return m;
  }

  private static QUPCIN000006GB01 wrapper() {
    QUPCIN000006GB01 m = new QUPCIN000006GB01();
    m.setId(ii(UUID.randomUUID().toString().toUpperCase(), null));
    m.setCreationTime(ts("20261125120000"));
    m.setVersionCode(cs("V3NPfIT3.0"));
    m.setInteractionId(ii("2.16.840.1.113883.2.1.3.2.4.12", "QUPC_IN000006GB01"));
    m.setProcessingCode(cs("P"));
    m.setProcessingModeCode(cs("T"));
    m.setAcceptAckCode(cs("NE"));
    m.setCommunicationFunctionRcv(device("928942012545"));
    m.setCommunicationFunctionSnd(device("200000000999"));
    m.setControlActEvent(new QueryControlActEvent());
    return m;
  }

  private static void setQuery(QUPCIN000006GB01 m, String nhsNumber, String careSetting) {
    CPISNHSQuery q = new CPISNHSQuery();
    q.setId(ii(UUID.randomUUID().toString().toUpperCase(), null));
    if (careSetting != null) {
      CV setting = new CV();
      setting.setCode(careSetting);
      q.setCareSetting(setting);
    }
    NHSNumberParameter p = new NHSNumberParameter();
    p.setValue(ii("2.16.840.1.113883.2.1.4.1", nhsNumber));
    QueryByParameter by = new QueryByParameter();
    by.setPersonNHSnumber(p);
    q.setQueryByParameter(by);
    CPISQueryStub stub = new CPISQueryStub();
    stub.setCPISNHSQuery(q);
    QuerySubject subject = new QuerySubject();
    subject.setCPISQueryStub(stub);
    m.getControlActEvent().setSubject(subject);
  }

  private static AuthorPerson person(String given, String family) {
    PN name = new PN();
    name.getGiven().add(given);
    name.setFamily(family);
    AuthorPerson p = new AuthorPerson();
    p.setName(name);
    return p;
  }

  private static Organization org(String ods, String name) {
    Organization o = new Organization();
    o.setId(ii("1.2.826.0.1285.0.1.10", ods));
    o.setName(name);
    return o;
  }
}

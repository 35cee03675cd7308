package org.opencpis.web.fhir;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;
import java.util.Objects;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.opencpis.hub.application.QueryAnswer;
import org.opencpis.hub.domain.PlanType;
import org.opencpis.shared.PersonName;

/**
 * The hub's query answer as the national API's resources: a CareTeam per council and plan, an
 * AuditEvent per earlier access and a PractitionerRole per viewer. Ids are stable and name what
 * answers them again: a CareTeam {@code <nhs>-<council>-<plan>}, an AuditEvent {@code <nhs>-<epoch
 * ms>-<hash>} of when and who, a PractitionerRole {@code <nhs>-<hash>} of who (so a person who
 * looked twice is one PractitionerRole).
 */
final class FhirResources {

  static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
  static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";
  static final String SDS_USER = "https://fhir.nhs.uk/Id/sds-user-id";
  static final String SDS_ROLE_PROFILE = "https://fhir.nhs.uk/Id/sds-role-profile-id";
  static final String SDS_JOB_ROLE = "https://fhir.nhs.uk/CodeSystem/NHSDigital-SDS-JobRoleCode";
  static final String SNOMED = "http://snomed.info/sct";
  static final String ROLE_CLASS = "http://terminology.hl7.org/CodeSystem/v3-RoleClass";
  static final String LIFECYCLE = "http://terminology.hl7.org/CodeSystem/iso-21089-lifecycle";

  private FhirResources() {}

  static String careTeamId(String nhs, QueryAnswer.Entry e) {
    return nhs + "-" + e.laOdsCode() + "-" + e.planType().name();
  }

  static String auditEventId(String nhs, QueryAnswer.PreviousAccess a) {
    return nhs
        + "-"
        + a.at().toEpochMilli()
        + "-"
        + hash(a.eventId(), a.sdsUserId(), a.systemAsid(), a.organisationOds(), a.viewerName())
            .substring(0, 8);
  }

  static String practitionerRoleId(String nhs, QueryAnswer.PreviousAccess a) {
    return nhs
        + "-"
        + hash(
                a.sdsUserId(),
                a.sdsRoleProfileId(),
                a.systemAsid(),
                a.viewerName(),
                a.jobRoleCode(),
                a.jobRoleName(),
                a.organisationOds(),
                a.organisationName())
            .substring(0, 16);
  }

  /** The NHS number an id of ours starts with, or null when it is not one of ours. */
  static String nhsNumberOf(String id) {
    return id != null && id.matches("\\d{10}-[A-Za-z0-9.\\-]{1,50}") ? id.substring(0, 10) : null;
  }

  static CareTeam careTeam(String nhs, QueryAnswer.Entry e) {
    CareTeam t = new CareTeam();
    t.setId(careTeamId(nhs, e));
    t.addCategory(category(e.planType()));
    t.setName(e.laName());
    // the child (or, for an unborn's plan, the expectant mother) as the council shared them
    t.setSubject(
        new Reference()
            .setIdentifier(new Identifier().setSystem(NHS_NUMBER).setValue(nhs))
            .setDisplay(subjectName(e)));
    Period p = new Period();
    p.setStartElement(new DateTimeType(e.startDate().toString()));
    if (e.endDate() != null) {
      p.setEndElement(new DateTimeType(e.endDate().toString()));
    }
    t.setPeriod(p);
    t.addManagingOrganization(
        new Reference()
            .setIdentifier(new Identifier().setSystem(ODS).setValue(e.laOdsCode()))
            .setDisplay(e.laName()));
    if (e.officeHoursPhone() != null) {
      t.addTelecom(phone(e.officeHoursPhone(), ContactPoint.ContactPointUse.WORK));
    }
    if (e.emergencyDutyPhone() != null) {
      t.addTelecom(phone(e.emergencyDutyPhone(), ContactPoint.ContactPointUse.MOBILE));
    }
    return t;
  }

  /** "Given Family" as the council shared them, or null when it shared neither. */
  static String subjectName(QueryAnswer.Entry e) {
    String name =
        ((e.givenName() == null ? "" : e.givenName().trim())
                + " "
                + (e.familyName() == null ? "" : e.familyName().trim()))
            .trim();
    return name.isEmpty() ? null : name;
  }

  static CodeableConcept category(PlanType type) {
    return switch (type) {
      case CPP -> snomed("342191000000101", "Subject to child protection plan");
      case LAC -> snomed("764841000000100", "Looked after child");
      case UCPP -> snomed("818901000000100", "Unborn child subject to child protection plan");
    };
  }

  static AuditEvent auditEvent(String nhs, QueryAnswer.PreviousAccess a) {
    AuditEvent e = new AuditEvent();
    e.setId(auditEventId(nhs, a));
    e.setType(
        new Coding()
            .setSystem(LIFECYCLE)
            .setCode("access")
            .setDisplay("Access/View Record Lifecycle Event"));
    e.setAction(AuditEvent.AuditEventAction.R);
    InstantType recorded = new InstantType(Date.from(a.at()));
    recorded.setTimeZone(TimeZone.getTimeZone("UTC"));
    e.setRecordedElement(recorded);
    e.addAgent()
        .setType(roleClass("PAT", "patient"))
        .setWho(new Reference().setIdentifier(new Identifier().setSystem(NHS_NUMBER).setValue(nhs)))
        .setRequestor(false);
    Reference role = new Reference("PractitionerRole/" + practitionerRoleId(nhs, a));
    e.addAgent()
        .setType(roleClass("ASSIGNED", "assigned entity"))
        .setWho(role.copy())
        .setName(a.viewerName())
        .setRequestor(true);
    e.getSource().setObserver(role.copy()).setSite(a.careSetting());
    return e;
  }

  static PractitionerRole practitionerRole(String nhs, QueryAnswer.PreviousAccess a) {
    PractitionerRole r = new PractitionerRole();
    r.setId(practitionerRoleId(nhs, a));
    if (a.sdsRoleProfileId() != null) {
      r.addIdentifier().setSystem(SDS_ROLE_PROFILE).setValue(a.sdsRoleProfileId());
    }
    Practitioner who = new Practitioner();
    who.setId("practitioner");
    if (a.sdsUserId() != null) {
      who.addIdentifier().setSystem(SDS_USER).setValue(a.sdsUserId());
    }
    PersonName n = a.viewer();
    if (n != null) {
      var name = who.addName().setFamily(n.family()).setText(n.display());
      n.given().forEach(name::addGiven);
      if (n.prefix() != null) {
        name.addPrefix(n.prefix());
      }
      if (n.suffix() != null) {
        name.addSuffix(n.suffix());
      }
    }
    if (who.hasIdentifier() || who.hasName()) {
      r.addContained(who);
      r.setPractitioner(new Reference("#practitioner").setDisplay(a.viewerName()));
    }
    if (a.organisationOds() != null || a.organisationName() != null) {
      Reference org = new Reference().setDisplay(a.organisationName());
      if (a.organisationOds() != null) {
        org.setIdentifier(new Identifier().setSystem(ODS).setValue(a.organisationOds()));
      }
      r.setOrganization(org);
    }
    if (a.jobRoleCode() != null || a.jobRoleName() != null) {
      CodeableConcept code = new CodeableConcept();
      if (a.jobRoleCode() != null) {
        code.addCoding()
            .setSystem(SDS_JOB_ROLE)
            .setCode(a.jobRoleCode())
            .setDisplay(a.jobRoleName());
      } else {
        code.setText(a.jobRoleName());
      }
      r.addCode(code);
    }
    return r;
  }

  private static CodeableConcept snomed(String code, String display) {
    CodeableConcept c = new CodeableConcept();
    c.addCoding().setSystem(SNOMED).setCode(code).setDisplay(display);
    return c;
  }

  private static CodeableConcept roleClass(String code, String display) {
    CodeableConcept c = new CodeableConcept();
    c.addCoding().setSystem(ROLE_CLASS).setCode(code).setDisplay(display);
    return c;
  }

  private static ContactPoint phone(String number, ContactPoint.ContactPointUse use) {
    return new ContactPoint()
        .setSystem(ContactPoint.ContactPointSystem.PHONE)
        .setValue(number)
        .setUse(use);
  }

  private static String hash(String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String p : parts) {
        sha.update(Objects.toString(p, "").getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.opencpis.web.spine;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.opencpis.contract.hl7.CV;
import org.opencpis.contract.hl7.CountValue;
import org.opencpis.contract.hl7.II;
import org.opencpis.contract.hl7.NotifiedAssignedAuthor;
import org.opencpis.contract.hl7.NotifiedName;
import org.opencpis.contract.hl7.NotifiedOrganisation;
import org.opencpis.contract.hl7.NotifiedQuery;
import org.opencpis.contract.hl7.NotifiedRecipient;
import org.opencpis.contract.hl7.NotifiedSystem;
import org.opencpis.contract.hl7.REPCMT000004GB01CPISAccessToServiceNotification;
import org.opencpis.contract.hl7.REPCMT000004GB01CPISAccessToServiceNotification.PertinentInformation1;
import org.opencpis.contract.hl7.REPCMT000004GB01CPISAccessToServiceNotification.PertinentInformation1.PertinentCPISRecordAccess;
import org.opencpis.contract.hl7.REPCMT000005GB01CPISInactiveNHSNumberNotification;
import org.opencpis.contract.hl7.REPCMT000005GB01CPISInactiveNHSNumberNotification.Subject;
import org.opencpis.contract.hl7.UploadFileRef;
import org.opencpis.contract.npfit.TemplateContent;
import org.opencpis.hub.application.NotificationPullService;
import org.opencpis.notification.LaNotification;
import org.opencpis.shared.Hl7Dates;
import org.opencpis.shared.PersonName;

/**
 * Writes a national pull's notifications as the national payloads: the access-to-service
 * notification {@code CP-ISAccessToServiceNotification} (REPC_MT000004GB01, accesses grouped per
 * child record, each with its national author) and the inactive NHS number notification {@code
 * CP-ISInactiveNHSNumberNotification} (REPC_MT000005GB01). The payload's {@code effectiveTime} is
 * the end of the window answered: where the council's next pull starts.
 */
final class NationalNotificationWriter {

  static final String TEMPLATE_ROOT = "2.16.840.1.113883.2.1.3.2.4.18.16";
  static final String SDS_JOB_ROLE_SYSTEM = "2.16.840.1.113883.2.1.3.2.4.17.339";

  private NationalNotificationWriter() {}

  static REPCMT000004GB01CPISAccessToServiceNotification accessToService(
      NotificationPullService.Pulled p, String laName, ZoneId zone) {
    var out = new REPCMT000004GB01CPISAccessToServiceNotification();
    out.setEffectiveTime(Hl7.ts(Hl7Dates.format(p.high(), zone)));
    out.setId(Hl7.ii(UUID.randomUUID().toString().toUpperCase(), null));
    // one pertinentCP-ISRecordAccess per child record, its accesses in time order
    Map<String, PertinentCPISRecordAccess> records = new LinkedHashMap<>();
    for (LaNotification n : p.notifications()) {
      if (n.access() == null) {
        continue;
      }
      LaNotification.Child child = n.child();
      String key = n.nhsNumber() + "|" + (child == null ? "" : child.localChildId());
      PertinentCPISRecordAccess record =
          records.computeIfAbsent(
              key,
              k -> {
                var r = new PertinentCPISRecordAccess();
                var ref = new PertinentCPISRecordAccess.Reference();
                ref.setReferredToLAUploadFile(file(child));
                r.setReference(ref);
                return r;
              });
      var access = new PertinentCPISRecordAccess.PertinentInformation2();
      access.setPertinentCPISNHSQuery(query(n, zone));
      record.getPertinentInformation2().add(access);
    }
    var total = new REPCMT000004GB01CPISAccessToServiceNotification.PertinentInformation();
    total.setPertinentTotalReturnedRecords(count(records.size()));
    out.setPertinentInformation(total);
    for (PertinentCPISRecordAccess r : records.values()) {
      var p1 = new PertinentInformation1();
      p1.setPertinentCPISRecordAccess(r);
      out.getPertinentInformation1().add(p1);
    }
    out.setPrimaryInformationRecipient(recipient(p.laCode(), laName));
    return out;
  }

  static REPCMT000005GB01CPISInactiveNHSNumberNotification inactiveNhsNumbers(
      NotificationPullService.Pulled p, String laName, ZoneId zone) {
    var out = new REPCMT000005GB01CPISInactiveNHSNumberNotification();
    out.setEffectiveTime(Hl7.ts(Hl7Dates.format(p.high(), zone)));
    out.setId(Hl7.ii(UUID.randomUUID().toString().toUpperCase(), null));
    out.setPrimaryInformationRecipient(recipient(p.laCode(), laName));
    for (LaNotification n : p.notifications()) {
      if (n.inactive() == null) {
        continue;
      }
      var patient = new Subject.PDSInactivePatient();
      patient.getId().add(Hl7.ii(Hl7.NHS_NUMBER_ROOT, n.inactive().oldNhsNumber()));
      if (n.child() != null && n.child().localChildId() != null) {
        patient.getId().add(Hl7.ii(UploadMessageReader.LA_CHILD_ID_ROOT, n.child().localChildId()));
      }
      if (n.inactive().currentNhsNumber() != null) {
        var newVersion = new Subject.PDSInactivePatient.ReplacedBy.NewVersion();
        newVersion.getId().add(Hl7.ii(null, n.inactive().currentNhsNumber()));
        var replacedBy = new Subject.PDSInactivePatient.ReplacedBy();
        replacedBy.setNewVersion(newVersion);
        patient.setReplacedBy(replacedBy);
      }
      var subjectOf = new Subject.PDSInactivePatient.SubjectOf();
      subjectOf.setLAUploadFile(file(n.child()));
      patient.setSubjectOf(subjectOf);
      var s = new Subject();
      s.setPDSInactivePatient(patient);
      out.getSubject().add(s);
    }
    return out;
  }

  /** One access: its time, event id, the national author, and the child it was about. */
  private static NotifiedQuery query(LaNotification n, ZoneId zone) {
    LaNotification.Access a = n.access();
    var q = new NotifiedQuery();
    q.setEffectiveTime(Hl7.ts(Hl7Dates.format(a.accessedAt(), zone)));
    String eventId = a.queryEventId() != null ? a.queryEventId() : a.accessEventId();
    q.setId(Hl7.ii(eventId == null ? null : eventId.toUpperCase(), null));
    var author = new NotifiedQuery.Author();
    // a person by their SDS user id; a system (its ASID) acting for the person it names otherwise
    if (a.sdsUserId() == null && a.systemAsid() != null) {
      author.setContentId(template("COCT_TP145104GB01#System"));
      author.setCOCTTP145104GB01System(system(a));
    } else {
      author.setContentId(template("COCT_TP145102GB01#AssignedAuthor"));
      author.setCOCTTP145102GB01AssignedAuthor(person(a));
    }
    q.setAuthor(author);
    var personId = new NotifiedQuery.QueryByParameter.PersonId();
    personId.getValue().add(Hl7.ii(Hl7.NHS_NUMBER_ROOT, n.nhsNumber()));
    if (n.child() != null && n.child().localChildId() != null) {
      personId
          .getValue()
          .add(Hl7.ii(UploadMessageReader.LA_CHILD_ID_ROOT, n.child().localChildId()));
    }
    var byParameter = new NotifiedQuery.QueryByParameter();
    byParameter.setPersonId(personId);
    q.setQueryByParameter(byParameter);
    return q;
  }

  private static NotifiedAssignedAuthor person(LaNotification.Access a) {
    var p = new NotifiedAssignedAuthor();
    p.setCode(jobRole(a));
    p.getId().add(Hl7.ii(Hl7.SDS_USER_ROOT, a.sdsUserId()));
    if (a.sdsRoleProfileId() != null) {
      p.getId().add(Hl7.ii(Hl7.SDS_ROLE_PROFILE_ROOT, a.sdsRoleProfileId()));
    }
    var person = new NotifiedAssignedAuthor.AssignedAuthorPerson();
    person.setName(name(a));
    p.setAssignedAuthorPerson(person);
    p.setRepresentedOrganization(organisation(a.organisationOds(), a.organisationName()));
    return p;
  }

  private static NotifiedSystem system(LaNotification.Access a) {
    var s = new NotifiedSystem();
    s.setId(Hl7.ii(Hl7.ASID_ROOT, a.systemAsid()));
    if (a.viewerName() != null || a.viewer() != null) {
      var entity = new NotifiedSystem.IndirectAuthority.SuperiorAssignedEntity();
      entity.setCode(jobRole(a));
      var assigned = new NotifiedSystem.IndirectAuthority.SuperiorAssignedEntity.AssignedPerson();
      assigned.setName(name(a));
      entity.setAssignedPerson(assigned);
      var authority = new NotifiedSystem.IndirectAuthority();
      authority.setSuperiorAssignedEntity(entity);
      s.getIndirectAuthority().add(authority);
    }
    s.setMaintainingOrganization(organisation(a.organisationOds(), a.organisationName()));
    return s;
  }

  private static CV jobRole(LaNotification.Access a) {
    CV code = Hl7.cv(a.jobRoleCode(), a.jobRoleName());
    code.setCodeSystem(SDS_JOB_ROLE_SYSTEM);
    return code;
  }

  /** The viewer's name in its parts; a notification kept before parts were: its whole name. */
  private static NotifiedName name(LaNotification.Access a) {
    PersonName parts = a.viewer() != null ? a.viewer() : PersonName.unparsed(a.viewerName());
    var n = new NotifiedName();
    if (parts == null) {
      return n;
    }
    n.setPrefix(parts.prefix());
    n.getGiven().addAll(parts.given());
    n.setFamily(parts.family());
    n.setSuffix(parts.suffix());
    return n;
  }

  private static NotifiedOrganisation organisation(String code, String name) {
    var o = new NotifiedOrganisation();
    o.setId(Hl7.ii(FileResponseWriter.LA_ROOT, code));
    o.setName(name == null ? code : name);
    return o;
  }

  private static NotifiedRecipient recipient(String laCode, String laName) {
    var r = new NotifiedRecipient();
    r.setContentId(template("COCT_TP145103GB01#IntendedRecipient"));
    var intended = new NotifiedRecipient.COCTTP145103GB01IntendedRecipient();
    intended.setRepresentedSourceOrganization(organisation(laCode, laName));
    r.setCOCTTP145103GB01IntendedRecipient(intended);
    return r;
  }

  /** The council's file that brought the record, by its number ("0" when not known). */
  private static UploadFileRef file(LaNotification.Child child) {
    var ref = new UploadFileRef();
    II value = new II();
    value.setExtension(
        child == null || child.uploadFile() == null ? "0" : child.uploadFile().toString());
    ref.setValue(value);
    return ref;
  }

  private static TemplateContent template(String extension) {
    TemplateContent t = new TemplateContent();
    t.setRoot(TEMPLATE_ROOT);
    t.setExtension(extension);
    return t;
  }

  private static CountValue count(int n) {
    CountValue c = new CountValue();
    c.setValue(Hl7.integer(n));
    return c;
  }
}

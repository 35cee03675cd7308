package org.opencpis.web.spine;

import java.time.Instant;
import java.time.ZoneId;
import org.opencpis.contract.hl7.BL;
import org.opencpis.contract.hl7.ChildSubject;
import org.opencpis.contract.hl7.IVLTS;
import org.opencpis.contract.hl7.InactiveNhsNumber;
import org.opencpis.contract.hl7.NotificationPullResponse;
import org.opencpis.contract.hl7.NotifiedAccess;
import org.opencpis.contract.hl7.NotifiedFailure;
import org.opencpis.contract.hl7.Organization;
import org.opencpis.contract.hl7.PN;
import org.opencpis.contract.hl7.PulledNotification;
import org.opencpis.hub.application.NotificationPullService;
import org.opencpis.notification.LaNotification;
import org.opencpis.shared.Hl7Dates;

/** Writes pulled notifications as the cpisupload NotificationPullResponse. */
final class NotificationPullWriter {

  private NotificationPullWriter() {}

  static NotificationPullResponse write(
      NotificationPullService.Pulled p,
      String requesterAsid,
      String hubAsid,
      Instant now,
      ZoneId zone) {
    NotificationPullResponse r = new NotificationPullResponse();
    Hl7.answerWrapper(
        r, "NotificationPullResponse", "V3NPfIT3.0", requesterAsid, hubAsid, now, zone);
    Organization la = new Organization();
    la.setId(Hl7.ii(null, p.laCode()));
    r.setLocalAuthority(la);
    IVLTS window = new IVLTS();
    window.setLow(Hl7.ts(Hl7Dates.format(p.low(), zone)));
    window.setHigh(Hl7.ts(Hl7Dates.format(p.high(), zone)));
    r.setAccessTime(window);
    BL complete = new BL();
    complete.setValue(p.complete());
    r.setComplete(complete);
    for (LaNotification n : p.notifications()) {
      r.getNotification().add(notification(n, zone));
    }
    return r;
  }

  private static PulledNotification notification(LaNotification n, ZoneId zone) {
    PulledNotification out = new PulledNotification();
    out.setId(Hl7.ii(null, n.notificationId()));
    out.setMessageType(
        switch (n.type()) {
          case ACCESS_TO_SERVICE -> Hl7.cv("05", "Access to Service Notification");
          case INACTIVE_NHS_NUMBER -> Hl7.cv("06", "Inactive NHS Number Notification");
          case RECORD_FAILURE -> Hl7.cv("07", "Record Failure Notification");
          case ACKNOWLEDGEMENT -> Hl7.cv("02", "Acknowledgement");
        });
    out.setCreatedAt(Hl7.ts(Hl7Dates.format(n.createdAt(), zone)));
    if (n.child() != null || n.nhsNumber() != null) {
      ChildSubject s = new ChildSubject();
      if (n.nhsNumber() != null) {
        s.setId(Hl7.ii(Hl7.NHS_NUMBER_ROOT, n.nhsNumber()));
      }
      if (n.child() != null) {
        PN name = new PN();
        if (n.child().givenName() != null) {
          name.getGiven().add(n.child().givenName());
        }
        name.setFamily(n.child().familyName());
        s.setName(name);
        if (n.child().birthDate() != null) {
          s.setBirthTime(Hl7.ts(Hl7Dates.format(n.child().birthDate())));
        }
        if (n.child().localChildId() != null) {
          out.setLocalChildId(Hl7.ii("LA-CHILD-ID", n.child().localChildId()));
        }
      }
      out.setSubject(s);
    }
    if (n.access() != null) {
      var a = n.access();
      NotifiedAccess access = new NotifiedAccess();
      access.setTime(Hl7.ts(Hl7Dates.format(a.accessedAt(), zone)));
      if (a.viewerName() != null) {
        PN name = new PN();
        name.setFamily(a.viewerName());
        access.setViewerName(name);
      }
      if (a.jobRoleCode() != null || a.jobRoleName() != null) {
        access.setJobRole(Hl7.cv(a.jobRoleCode(), a.jobRoleName()));
      }
      Organization org = new Organization();
      org.setId(Hl7.ii(null, a.organisationOds()));
      org.setName(a.organisationName());
      access.setOrganization(org);
      if (a.careSetting() != null) {
        access.setCareSetting(Hl7.cv(a.careSetting(), null));
      }
      out.setAccess(access);
    }
    if (n.inactive() != null) {
      InactiveNhsNumber i = new InactiveNhsNumber();
      i.setOldId(Hl7.ii(Hl7.NHS_NUMBER_ROOT, n.inactive().oldNhsNumber()));
      i.setCurrentId(Hl7.ii(Hl7.NHS_NUMBER_ROOT, n.inactive().currentNhsNumber()));
      out.setInactiveNhsNumber(i);
    }
    if (n.failure() != null) {
      NotifiedFailure f = new NotifiedFailure();
      f.setCode(Hl7.cv(n.failure().code(), null));
      f.setField(n.failure().field());
      f.setDetail(n.failure().detail());
      out.setFailure(f);
    }
    return out;
  }
}

package org.opencpis.hub.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;
import org.opencpis.demographics.application.DemographicsService;
import org.opencpis.hub.domain.AccessEvent;
import org.opencpis.hub.domain.SharedRecord;
import org.opencpis.hub.domain.SubjectKind;
import org.opencpis.hub.infrastructure.RegisterRepository;
import org.opencpis.notification.LaNotification;
import org.opencpis.notification.NotificationIssuer;

/**
 * Fans an access event out into one access-to-service notification per local authority that had
 * shared information about the child (R8, R20), each carrying the child's details as that LA shared
 * them, when, who and from where, never why. The notification id is the event id and the LA code,
 * so doing it twice issues nothing new.
 */
@Stateless
public class AccessNotificationService {

  private static final Logger LOG = Logger.getLogger(AccessNotificationService.class.getName());

  @Inject RegisterRepository register;
  @Inject NotificationIssuer issuer;
  @Inject DemographicsService demographics;

  /**
   * @return how many notifications were issued now
   */
  public int fanOut(String accessEventId) {
    AccessEvent e =
        register
            .accessEvent(accessEventId)
            .orElseThrow(() -> new IllegalStateException("no access event " + accessEventId));
    // the event is under the child's current number (R4); information shared under a number the
    // child had before still names the LA's child
    List<SharedRecord> records =
        demographics.resolve(e.nhsNumber()).numbers().stream()
            .flatMap(n -> register.recordsFor(n).stream())
            .toList();
    int issued = 0;
    for (String la : e.laCodes()) {
      SharedRecord shared =
          records.stream()
              .filter(r -> r.laCode().equals(la))
              .min(Comparator.comparing((SharedRecord r) -> r.subjectKind() != SubjectKind.CHILD))
              .orElse(null);
      LaNotification.Child child =
          shared == null
              ? null
              : new LaNotification.Child(
                  shared.localChildId(),
                  shared.givenName(),
                  shared.familyName(),
                  shared.birthDate(),
                  shared.fileSequence());
      var v = e.viewer();
      LaNotification n =
          new LaNotification(
              e.id() + ":" + la,
              LaNotification.Type.ACCESS_TO_SERVICE,
              la,
              e.accessedAt(),
              e.nhsNumber(),
              child,
              new LaNotification.Access(
                  e.id(),
                  e.accessedAt(),
                  v.name(),
                  v.jobRoleCode(),
                  v.jobRoleName(),
                  v.organisationOds(),
                  v.organisationName(),
                  e.careSetting(),
                  v.personName(),
                  e.queryEventId(),
                  v.sdsUserId(),
                  v.sdsRoleProfileId(),
                  v.systemAsid()),
              null,
              null,
              null);
      if (issuer.issue(n)) {
        issued++;
      }
    }
    final int count = issued;
    LOG.info(() -> "access " + accessEventId + ": " + count + " notifications issued");
    return issued;
  }
}

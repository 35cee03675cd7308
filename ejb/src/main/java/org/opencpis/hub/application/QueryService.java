package org.opencpis.hub.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.opencpis.audit.Audited;
import org.opencpis.demographics.application.DemographicsService;
import org.opencpis.demographics.application.Identity;
import org.opencpis.hub.domain.AccessEvent;
import org.opencpis.hub.domain.AccessHistory;
import org.opencpis.hub.domain.LocalAuthority;
import org.opencpis.hub.domain.RetentionPolicy;
import org.opencpis.hub.domain.SharedRecord;
import org.opencpis.hub.infrastructure.AccessEventPublisher;
import org.opencpis.hub.infrastructure.RegisterRepository;
import org.opencpis.shared.DomainMetrics;
import org.opencpis.shared.InvalidValueException;
import org.opencpis.shared.NhsNumber;
import org.opencpis.shared.Roles;
import org.opencpis.shared.Settings;

/**
 * Answers health's query by NHS number (R18-R20): the visible information of every LA that shared
 * some, and the child's previous accesses. A query that finds information and is not a silent read
 * records an access event and publishes it, in the same transaction, for the LAs to be notified
 * (R8, R20). A superseded NHS number is resolved to the current one first (R4): the answer, the
 * access event and so the LAs' notifications carry the current number.
 *
 * <p>Who may ask is declared here: B0107 (a view, recorded and notified), B0170 (a view, never
 * notified), and the HL7 channel, which runs its calls as {@value Roles#HL7_FACILITY} (views
 * recorded and notified, R20). Whether a view notifies is the caller's role, never the request's.
 */
@Stateless
@RolesAllowed({Roles.VIEW_AND_NOTIFY, Roles.VIEW_SILENTLY, Roles.HL7_FACILITY})
public class QueryService {

  private static final Logger LOG = Logger.getLogger(QueryService.class.getName());

  /** How many recent events are read to pick the (at most 25) shown after the 24-hour rule. */
  private static final int HISTORY_SCAN = 1000;

  /** The first read of the history: enough for 25 shown unless the same people looked often. */
  private static final int HISTORY_FIRST_READ = 50;

  @Resource SessionContext session;
  @Inject RegisterRepository register;
  @Inject AccessEventPublisher publisher;
  @Inject Settings settings;
  @Inject Validator validator;
  @Inject DemographicsService demographics;
  @Inject DomainMetrics metrics;

  @Audited("cpis.query")
  public QueryAnswer query(QueryRequest q) {
    if (!q.callerMayView()) {
      throw new HubFault(
          HubFault.ACCESS_DENIED,
          null,
          "your role does not carry the CP-IS view permission (B0107 or B0170)");
    }
    RequestChecks.valid(validator, q);
    NhsNumber nhs;
    try {
      nhs = NhsNumber.of(q.nhsNumber());
    } catch (InvalidValueException e) {
      throw new HubFault(HubFault.INVALID_NHS_NUMBER, "NHS Number", e.getMessage());
    }
    // R4: a superseded number finds the child under the current one, and whatever is still held
    // under the numbers the child had before
    Identity identity = demographics.resolve(nhs.value());
    String current = identity.current();
    Instant now = settings.clock().instant();
    LocalDate today = LocalDate.ofInstant(now, settings.zone());
    RetentionPolicy retention = new RetentionPolicy(settings.retentionMonths());
    List<SharedRecord> visible =
        identity.numbers().stream()
            .flatMap(n -> register.recordsFor(n).stream())
            .filter(r -> r.visibleOn(today, retention))
            .toList();
    if (visible.isEmpty()) {
      return new QueryAnswer(current, List.of(), List.of(), null);
    }
    // only the councils that share the child, each by its key (no query, no flush)
    Map<String, LocalAuthority> las =
        visible.stream()
            .map(SharedRecord::laCode)
            .distinct()
            .map(code -> register.localAuthority(code).orElseThrow())
            .collect(Collectors.toMap(LocalAuthority::odsCode, Function.identity()));

    String accessId = null;
    if (q.accessEvent() && q.callerMayNotify() && callerNotifies()) {
      List<String> laCodes = visible.stream().map(SharedRecord::laCode).distinct().toList();
      AccessEvent event =
          new AccessEvent(
                  current, now, q.queryEventId(), q.channel(), q.careSetting(), q.viewer(), laCodes)
              .queriedAt(q.queriedAt());
      register.add(event);
      publisher.publish(event);
      metrics.access(q.channel());
      accessId = event.id();
      LOG.info(
          "access "
              + event.id()
              + " recorded by "
              + q.viewer().organisationOds()
              + " for "
              + laCodes);
    }

    AccessHistory history =
        new AccessHistory(
            settings.accessHistoryLimit(), Duration.ofHours(settings.repeatWindowHours()));
    List<QueryAnswer.PreviousAccess> previous =
        history.select(n -> recentAccesses(identity, n), HISTORY_FIRST_READ, HISTORY_SCAN).stream()
            .map(
                e ->
                    new QueryAnswer.PreviousAccess(
                        e.accessedAt(),
                        e.queryEventId(),
                        e.viewer().personName(),
                        e.viewer().isPerson(),
                        e.viewer().sdsUserId(),
                        e.viewer().sdsRoleProfileId(),
                        e.viewer().systemAsid(),
                        e.viewer().jobRoleCode(),
                        e.viewer().jobRoleName(),
                        e.viewer().organisationOds(),
                        e.viewer().organisationName(),
                        e.careSetting()))
            .toList();
    List<QueryAnswer.Entry> entries =
        visible.stream()
            .sorted(
                Comparator.comparing(SharedRecord::laCode)
                    .thenComparing(SharedRecord::localChildId)
                    .thenComparing(SharedRecord::planType))
            .map(r -> entry(r, las.get(r.laCode())))
            .toList();
    return new QueryAnswer(current, entries, previous, accessId);
  }

  /** B0107 and the HL7 channel notify the LAs of a view; B0170 never does. */
  private boolean callerNotifies() {
    return session.isCallerInRole(Roles.VIEW_AND_NOTIFY)
        || session.isCallerInRole(Roles.HL7_FACILITY);
  }

  /** The child's {@code max} most recent accesses under all its numbers, newest first. */
  private List<AccessEvent> recentAccesses(Identity identity, int max) {
    if (identity.numbers().size() == 1) {
      return register.recentAccesses(identity.current(), max);
    }
    return identity.numbers().stream()
        .flatMap(n -> register.recentAccesses(n, max).stream())
        .sorted(Comparator.comparing(AccessEvent::accessedAt).reversed())
        .limit(max)
        .toList();
  }

  private static QueryAnswer.Entry entry(SharedRecord r, LocalAuthority la) {
    String office = r.officeHoursPhone() != null ? r.officeHoursPhone() : la.officeHoursPhone();
    String emergency =
        r.emergencyDutyPhone() != null ? r.emergencyDutyPhone() : la.emergencyDutyPhone();
    return new QueryAnswer.Entry(
        la.odsCode(),
        la.name(),
        office,
        emergency,
        r.planType(),
        r.startDate(),
        r.endDate(),
        r.nhsNumber(),
        r.subjectKind(),
        r.localChildId(),
        r.givenName(),
        r.familyName(),
        r.birthDate());
  }
}

package org.opencpis.casework.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opencpis.casework.domain.AccessNotice;
import org.opencpis.casework.domain.AccessPattern;
import org.opencpis.casework.domain.CaseNote;
import org.opencpis.casework.domain.Child;
import org.opencpis.casework.domain.ChildPlan;
import org.opencpis.casework.domain.ClipboardNotification;
import org.opencpis.casework.domain.Council;
import org.opencpis.casework.domain.Involvement;
import org.opencpis.casework.domain.StepStatus;
import org.opencpis.casework.domain.Worker;
import org.opencpis.casework.domain.WorkerRole;
import org.opencpis.casework.domain.WorkflowStep;

/** The council side's tables: workers, children, steps, clipboard, case notes, notices. */
@ApplicationScoped
public class CaseworkRepository {

  @PersistenceContext(unitName = "cpis")
  EntityManager em;

  public void add(Object entity) {
    em.persist(entity);
  }

  public <T> Optional<T> find(Class<T> type, Object id) {
    return Optional.ofNullable(em.find(type, id));
  }

  public Optional<Worker> workerByUsername(String username) {
    return em.createQuery("select w from Worker w where w.username = :u", Worker.class)
        .setParameter("u", username)
        .getResultStream()
        .findFirst();
  }

  public Optional<Worker> virtualWorker(String laCode, WorkerRole role) {
    return em.createQuery(
            "select w from Worker w where w.laCode = :la and w.role = :role order by w.id",
            Worker.class)
        .setParameter("la", laCode)
        .setParameter("role", role)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  public List<Worker> workers(String laCode) {
    return em.createQuery(
            "select w from Worker w where w.laCode = :la order by w.role, w.name", Worker.class)
        .setParameter("la", laCode)
        .getResultList();
  }

  public Optional<Child> childByPersonId(String laCode, String personId) {
    return em.createQuery(
            "select c from Child c where c.laCode = :la and c.laPersonId = :p", Child.class)
        .setParameter("la", laCode)
        .setParameter("p", personId)
        .getResultStream()
        .findFirst();
  }

  public Optional<Child> childByNhsNumber(String laCode, String nhs) {
    return em.createQuery(
            "select c from Child c where c.laCode = :la and c.nhsNumber = :nhs order by c.id",
            Child.class)
        .setParameter("la", laCode)
        .setParameter("nhs", nhs)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  public List<Child> children(String laCode, String nhsNumber, String familyName) {
    // built to the filters given: an untyped null parameter is an error on PostgreSQL
    StringBuilder jpql = new StringBuilder("select c from Child c where c.laCode = :la");
    if (nhsNumber != null) {
      jpql.append(" and c.nhsNumber = :nhs");
    }
    if (familyName != null) {
      jpql.append(" and lower(c.familyName) = lower(:family)");
    }
    var q =
        em.createQuery(jpql.append(" order by c.familyName, c.givenName").toString(), Child.class)
            .setParameter("la", laCode);
    if (nhsNumber != null) {
      q.setParameter("nhs", nhsNumber);
    }
    if (familyName != null) {
      q.setParameter("family", familyName);
    }
    return q.setMaxResults(200).getResultList();
  }

  public Optional<WorkflowStep> stepBySource(String sourceKey) {
    return em.createQuery("select s from WorkflowStep s where s.sourceKey = :k", WorkflowStep.class)
        .setParameter("k", sourceKey)
        .getResultStream()
        .findFirst();
  }

  /** Which steps of an inbox: open ones unless {@code all}; only flagged, only overdue at now. */
  public record StepFilter(boolean all, boolean flaggedOnly, boolean overdueOnly, Instant now) {}

  private static final String STEPS_WHERE =
      " from WorkflowStep s where s.inbox = :inbox"
          + " and (:all = true or s.status <> :done)"
          + " and (:flagged = false or s.pattern.flagged = true)"
          + " and (:overdue = false or (s.status <> :done and s.dueAt < :now))";

  /**
   * A page of an inbox's steps, flagged first, then by due time (R24, R25), sorted, filtered and
   * cut by the database: at most {@code limit} from {@code offset}.
   */
  public List<WorkflowStep> steps(Worker inbox, StepFilter f, int offset, int limit) {
    return withFilter(
            em.createQuery(
                "select s" + STEPS_WHERE + " order by s.pattern.flagged desc, s.dueAt, s.id",
                WorkflowStep.class),
            inbox,
            f)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  /** How many steps of the inbox the filter keeps. */
  public long countSteps(Worker inbox, StepFilter f) {
    return withFilter(em.createQuery("select count(s)" + STEPS_WHERE, Long.class), inbox, f)
        .getSingleResult();
  }

  private static <T> TypedQuery<T> withFilter(TypedQuery<T> q, Worker inbox, StepFilter f) {
    return q.setParameter("inbox", inbox)
        .setParameter("all", f.all())
        .setParameter("done", StepStatus.COMPLETED)
        .setParameter("flagged", f.flaggedOnly())
        .setParameter("overdue", f.overdueOnly())
        .setParameter("now", f.now());
  }

  /** The orders an inbox's steps come in. */
  public enum StepOrder {
    /** Flagged first, then by due time (R24, R25): the order the inbox is worked in. */
    DUE(" order by s.pattern.flagged desc, s.dueAt, s.id"),
    /** Newest arrival first. */
    ARRIVED(" order by s.createdAt desc, s.id desc"),
    /** Oldest arrival first. */
    OLDEST(" order by s.createdAt, s.id");

    private final String orderBy;

    StepOrder(String orderBy) {
      this.orderBy = orderBy;
    }
  }

  /**
   * Which steps of an inbox, and in which order: {@link StepFilter}'s, and only those whose access
   * came from {@code organisation} (an ODS code), in {@code careSetting}, for a child the council
   * is involved with as {@code involvement} (a step with no child matches none). A null narrows
   * nothing.
   */
  public record StepSearch(
      StepFilter filter,
      String organisation,
      String careSetting,
      Involvement involvement,
      StepOrder order) {}

  /**
   * A page of an inbox's steps the search keeps, in its order: filtered, sorted and cut by the
   * database, at most {@code limit} from {@code offset}.
   */
  public List<WorkflowStep> steps(Worker inbox, StepSearch q, int offset, int limit) {
    return withSearch(
            em.createQuery("select s" + stepsWhere(q) + q.order().orderBy, WorkflowStep.class),
            inbox,
            q)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  /** How many steps of the inbox the search keeps. */
  public long countSteps(Worker inbox, StepSearch q) {
    return withSearch(em.createQuery("select count(s)" + stepsWhere(q), Long.class), inbox, q)
        .getSingleResult();
  }

  // built to the filters given: an untyped null parameter is an error on PostgreSQL, and a join
  // to the notice or the child only when a filter reads it (a step may have neither)
  private static String stepsWhere(StepSearch q) {
    StringBuilder jpql = new StringBuilder(" from WorkflowStep s");
    if (q.organisation() != null || q.careSetting() != null) {
      jpql.append(" join s.notice n");
    }
    if (q.involvement() != null) {
      jpql.append(" join s.child c");
    }
    jpql.append(STEPS_WHERE.substring(" from WorkflowStep s".length()));
    if (q.organisation() != null) {
      jpql.append(" and n.organisationOds = :org");
    }
    if (q.careSetting() != null) {
      jpql.append(" and upper(n.careSetting) = :setting");
    }
    if (q.involvement() != null) {
      jpql.append(" and c.involvement = :involvement");
    }
    return jpql.toString();
  }

  private static <T> TypedQuery<T> withSearch(TypedQuery<T> q, Worker inbox, StepSearch s) {
    withFilter(q, inbox, s.filter());
    if (s.organisation() != null) {
      q.setParameter("org", s.organisation());
    }
    if (s.careSetting() != null) {
      q.setParameter("setting", s.careSetting());
    }
    if (s.involvement() != null) {
      q.setParameter("involvement", s.involvement());
    }
    return q;
  }

  /**
   * The organisations (ODS code and a name) the accesses of an inbox's steps came from, open ones
   * unless {@code all}, by code; at most 200.
   */
  public List<Object[]> stepOrganisations(Worker inbox, boolean all) {
    return em.createQuery(
            "select n.organisationOds, max(n.organisationName) from WorkflowStep s join s.notice n"
                + " where s.inbox = :inbox and (:all = true or s.status <> :done)"
                + " and n.organisationOds is not null"
                + " group by n.organisationOds order by n.organisationOds",
            Object[].class)
        .setParameter("inbox", inbox)
        .setParameter("all", all)
        .setParameter("done", StepStatus.COMPLETED)
        .setMaxResults(200)
        .getResultList();
  }

  /** The care settings of the accesses of an inbox's steps, open ones unless {@code all}. */
  public List<String> stepCareSettings(Worker inbox, boolean all) {
    return em.createQuery(
            "select distinct upper(n.careSetting) from WorkflowStep s join s.notice n"
                + " where s.inbox = :inbox and (:all = true or s.status <> :done)"
                + " and n.careSetting is not null",
            String.class)
        .setParameter("inbox", inbox)
        .setParameter("all", all)
        .setParameter("done", StepStatus.COMPLETED)
        .setMaxResults(200)
        .getResultList();
  }

  public long openSteps(Worker inbox) {
    return em.createQuery(
            "select count(s) from WorkflowStep s where s.inbox = :inbox and s.status <> :done",
            Long.class)
        .setParameter("inbox", inbox)
        .setParameter("done", StepStatus.COMPLETED)
        .getSingleResult();
  }

  /**
   * Every council inbox with open steps: council, inbox name, how many are open and how many of
   * those are past their due time at {@code now}. Counted by the database, one row per inbox.
   */
  public List<Object[]> openStepsPerInbox(Instant now) {
    return em.createQuery(
            "select s.inbox.laCode, s.inbox.name, count(s),"
                + " sum(case when s.dueAt < :now then 1 else 0 end)"
                + " from WorkflowStep s where s.status <> :done"
                + " group by s.inbox.laCode, s.inbox.name",
            Object[].class)
        .setParameter("now", now)
        .setParameter("done", StepStatus.COMPLETED)
        .getResultList();
  }

  /**
   * Per inbox of a council, its open steps: [inbox id, open, overdue at {@code now}, due from
   * {@code now} until {@code endOfToday}, the oldest open step's arrival]. Inboxes with no open
   * step are not listed.
   */
  public List<Object[]> inboxOverview(String laCode, Instant now, Instant endOfToday) {
    return em.createQuery(
            "select s.inbox.id, count(s),"
                + " sum(case when s.dueAt < :now then 1 else 0 end),"
                + " sum(case when s.dueAt >= :now and s.dueAt < :eod then 1 else 0 end),"
                + " min(s.createdAt)"
                + " from WorkflowStep s where s.inbox.laCode = :la and s.status <> :done"
                + " group by s.inbox.id",
            Object[].class)
        .setParameter("la", laCode)
        .setParameter("now", now)
        .setParameter("eod", endOfToday)
        .setParameter("done", StepStatus.COMPLETED)
        .getResultList();
  }

  public List<WorkflowStep> stepsOfChild(Child child) {
    return em.createQuery(
            "select s from WorkflowStep s where s.child = :c order by s.createdAt desc",
            WorkflowStep.class)
        .setParameter("c", child)
        .getResultList();
  }

  public List<AccessPattern.Access> accessesOf(String laCode, String nhs) {
    return em
        .createQuery(
            "select n.accessedAt, n.organisationOds from AccessNotice n"
                + " where n.laCode = :la and n.nhsNumber = :nhs",
            Object[].class)
        .setParameter("la", laCode)
        .setParameter("nhs", nhs)
        .getResultList()
        .stream()
        .map(r -> new AccessPattern.Access((java.time.Instant) r[0], (String) r[1]))
        .toList();
  }

  public List<AccessNotice> notices(String laCode, String nhs) {
    return em.createQuery(
            "select n from AccessNotice n where n.laCode = :la and n.nhsNumber = :nhs"
                + " order by n.accessedAt desc",
            AccessNotice.class)
        .setParameter("la", laCode)
        .setParameter("nhs", nhs)
        .getResultList();
  }

  public List<ClipboardNotification> clipboard(Worker recipient, boolean includeCompleted) {
    return em.createQuery(
            "select c from ClipboardNotification c where c.recipient = :w"
                + " and (:all = true or c.completedAt is null) order by c.createdAt desc",
            ClipboardNotification.class)
        .setParameter("w", recipient)
        .setParameter("all", includeCompleted)
        .getResultList();
  }

  public List<ChildPlan> plans(Child child) {
    return em.createQuery(
            "select p from ChildPlan p where p.child = :c order by p.startDate, p.id",
            ChildPlan.class)
        .setParameter("c", child)
        .getResultList();
  }

  /** The unborn babies recorded with this mother. */
  public List<Child> unbornOf(Child mother) {
    return em.createQuery(
            "select c from Child c where c.mother = :m and c.unborn = true", Child.class)
        .setParameter("m", mother)
        .getResultList();
  }

  /**
   * Whether the council's workflow is set up in this deployment: it has at least one worker (a
   * person or a virtual worker). A council without any works its notifications elsewhere and pulls
   * them from the hub.
   */
  public boolean worksHere(String laCode) {
    return em.createQuery("select count(w) from Worker w where w.laCode = :la", Long.class)
            .setParameter("la", laCode)
            .getSingleResult()
        > 0;
  }

  public Optional<Council> council(String laCode) {
    return Optional.ofNullable(em.find(Council.class, laCode));
  }

  public List<CaseNote> caseNotes(Child child) {
    return em.createQuery(
            "select n from CaseNote n where n.child = :c order by n.createdAt desc", CaseNote.class)
        .setParameter("c", child)
        .getResultList();
  }
}

package org.opencpis.casework.bulk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opencpis.casework.domain.Child;

/**
 * The bulk loads' tables, and the look-ups of children the job needs a chunk at a time. Methods
 * join the caller's transaction (the job's chunk transaction) or start one (job listener).
 */
@ApplicationScoped
@Transactional
public class BulkLoadRepository {

  @PersistenceContext(unitName = "cpis")
  EntityManager em;

  public void add(Object entity) {
    em.persist(entity);
  }

  public Optional<BulkLoad> load(long id) {
    return Optional.ofNullable(em.find(BulkLoad.class, id));
  }

  public String content(long loadId) {
    return em.find(BulkLoadFile.class, loadId).content();
  }

  public String laCode(long loadId) {
    return em.createQuery("select l.laCode from BulkLoad l where l.id = :id", String.class)
        .setParameter("id", loadId)
        .getSingleResult();
  }

  public List<BulkLoad> loads(String laCode, int max) {
    return em.createQuery(
            "select l from BulkLoad l where l.laCode = :la order by l.id desc", BulkLoad.class)
        .setParameter("la", laCode)
        .setMaxResults(max)
        .getResultList();
  }

  /** The rows of a load's report, by line; only one outcome when {@code outcome} is given. */
  public List<BulkLoadRow> rows(long loadId, RowOutcome outcome, int first, int max) {
    return em.createQuery(
            "select r from BulkLoadRow r where r.loadId = :id"
                + " and (:outcome is null or r.outcome = :outcome) order by r.lineNumber",
            BulkLoadRow.class)
        .setParameter("id", loadId)
        .setParameter("outcome", outcome)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  /** Lines of a load already recorded between two lines: a replayed chunk skips them. */
  public Set<Long> recordedLines(long loadId, long fromLine, long toLine) {
    return new HashSet<>(
        em.createQuery(
                "select r.lineNumber from BulkLoadRow r where r.loadId = :id"
                    + " and r.lineNumber between :a and :b",
                Long.class)
            .setParameter("id", loadId)
            .setParameter("a", fromLine)
            .setParameter("b", toLine)
            .getResultList());
  }

  /**
   * The council's children with these person ids, by person id. One indexed look-up per id: H2 uses
   * an index for an IN list only on an index's first column, and both of cw_child's indexes start
   * with la_code, so "la_code = ? and la_person_id in (...)" scans the council's children.
   */
  public Map<String, Child> childrenByPersonId(String laCode, Collection<String> personIds) {
    var q =
        em.createQuery(
                "select c from Child c where c.laCode = :la and c.laPersonId = :p", Child.class)
            .setParameter("la", laCode);
    Map<String, Child> found = new HashMap<>();
    for (String p : new HashSet<>(personIds)) {
      q.setParameter("p", p).getResultStream().findFirst().ifPresent(c -> found.put(p, c));
    }
    return found;
  }

  /**
   * Which of the council's children hold these NHS numbers: NHS number to person id. One indexed
   * look-up per number (see {@link #childrenByPersonId}).
   */
  public Map<String, String> holdersOf(String laCode, Collection<String> nhsNumbers) {
    var q =
        em.createQuery(
                "select c.laPersonId from Child c where c.laCode = :la and c.nhsNumber = :nhs"
                    + " order by c.id",
                String.class)
            .setParameter("la", laCode)
            .setMaxResults(1);
    Map<String, String> found = new HashMap<>();
    for (String nhs : new HashSet<>(nhsNumbers)) {
      q.setParameter("nhs", nhs).getResultStream().findFirst().ifPresent(p -> found.put(nhs, p));
    }
    return found;
  }

  /** Adds a chunk's outcomes to the counts, without rewriting the load. */
  public void count(long loadId, int applied, int unchanged, int rejected) {
    em.createQuery(
            "update BulkLoad l set l.applied = l.applied + :a, l.unchanged = l.unchanged + :u,"
                + " l.rejected = l.rejected + :r where l.id = :id")
        .setParameter("a", applied)
        .setParameter("u", unchanged)
        .setParameter("r", rejected)
        .setParameter("id", loadId)
        .executeUpdate();
  }

  /** Stores a file and its load, in a transaction of their own: the job reads them next. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public BulkLoad store(String laCode, String submittedBy, int rowCount, String content) {
    BulkLoad load = new BulkLoad(laCode, submittedBy, Instant.now(), rowCount);
    em.persist(load);
    em.flush();
    em.persist(new BulkLoadFile(load.id(), BulkFileFormat.withoutByteOrderMark(content)));
    return load;
  }

  /**
   * Records the execution the service started, unless the job's listener already has (it may even
   * have finished): the listener's word is never overwritten.
   */
  public void executionRequested(long loadId, long executionId) {
    em.createQuery(
            "update BulkLoad l set l.executionId = :e, l.status = :s, l.finishedAt = null"
                + " where l.id = :id and (l.executionId is null or l.executionId <> :e)")
        .setParameter("e", executionId)
        .setParameter("s", BulkLoadStatus.STARTED)
        .setParameter("id", loadId)
        .executeUpdate();
  }

  /** An execution of the load's job began (the first, or a restart). */
  public void executionStarted(long loadId, long executionId, Instant at) {
    em.createQuery(
            "update BulkLoad l set l.executionId = :e, l.status = :s,"
                + " l.startedAt = coalesce(l.startedAt, :at),"
                + " l.finishedAt = null where l.id = :id")
        .setParameter("e", executionId)
        .setParameter("s", BulkLoadStatus.STARTED)
        .setParameter("at", at)
        .setParameter("id", loadId)
        .executeUpdate();
  }

  public void executionEnded(long loadId, BulkLoadStatus status, Instant at) {
    em.createQuery("update BulkLoad l set l.status = :s, l.finishedAt = :at where l.id = :id")
        .setParameter("s", status)
        .setParameter("at", at)
        .setParameter("id", loadId)
        .executeUpdate();
  }
}

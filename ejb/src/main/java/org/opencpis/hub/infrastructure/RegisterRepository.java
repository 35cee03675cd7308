package org.opencpis.hub.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.opencpis.hub.domain.AccessEvent;
import org.opencpis.hub.domain.FileCode;
import org.opencpis.hub.domain.LocalAuthority;
import org.opencpis.hub.domain.PlanType;
import org.opencpis.hub.domain.SharedRecord;
import org.opencpis.hub.domain.UploadStream;
import org.opencpis.hub.domain.UploadSubmission;

/** The hub's tables: local authorities, shared records, uploads and access events. */
@ApplicationScoped
public class RegisterRepository {

  @PersistenceContext(unitName = "cpis")
  EntityManager em;

  public Optional<LocalAuthority> localAuthority(String odsCode) {
    return Optional.ofNullable(em.find(LocalAuthority.class, odsCode));
  }

  /** The LA, locked until the transaction ends: one upload of an LA at a time, in order. */
  public Optional<LocalAuthority> lockLocalAuthority(String odsCode) {
    return Optional.ofNullable(
        em.find(LocalAuthority.class, odsCode, LockModeType.PESSIMISTIC_WRITE));
  }

  public List<LocalAuthority> localAuthorities() {
    return em.createQuery("select la from LocalAuthority la order by la.name", LocalAuthority.class)
        .getResultList();
  }

  public void add(Object entity) {
    em.persist(entity);
  }

  public Optional<SharedRecord> record(
      String laCode, String nhsNumber, PlanType planType, String localChildId) {
    return em.createQuery(
            "select r from SharedRecord r where r.laCode = :la and r.nhsNumber = :nhs"
                + " and r.planType = :plan and r.localChildId = :child",
            SharedRecord.class)
        .setParameter("la", laCode)
        .setParameter("nhs", nhsNumber)
        .setParameter("plan", planType)
        .setParameter("child", localChildId)
        .getResultStream()
        .findFirst();
  }

  public List<SharedRecord> recordsFor(String nhsNumber) {
    return em.createQuery(
            "select r from SharedRecord r where r.nhsNumber = :nhs order by r.laCode, r.planType,"
                + " r.startDate",
            SharedRecord.class)
        .setParameter("nhs", nhsNumber)
        .getResultList();
  }

  /** The stream of files of one sending system for one LA, made on first use. */
  public UploadStream uploadStream(String laCode, String sender) {
    UploadStream s = em.find(UploadStream.class, UploadStream.key(laCode, sender));
    if (s == null) {
      s = new UploadStream(laCode, sender);
      em.persist(s);
    }
    return s;
  }

  /** Records that may have left their retention period by {@code day}. */
  public List<SharedRecord> retentionCandidates(LocalDate day) {
    return em.createQuery(
            "select r from SharedRecord r where r.deleteDate <= :day or r.endDate < :day",
            SharedRecord.class)
        .setParameter("day", day)
        .getResultList();
  }

  public void remove(SharedRecord r) {
    em.remove(r);
  }

  /**
   * The answered submission of this LA's file, if it was applied: not a corrupt one (CPF01) nor one
   * the demographic service could not check (CPF05), which were never applied.
   */
  /** The highest sequence id of a file applied from this sender for this LA; null for none. */
  public Integer lastAppliedFile(String laCode, String sender) {
    return em.createQuery(
            "select max(s.fileSequence) from UploadSubmission s where s.laCode = :la"
                + " and s.sender = :sender and s.fileCode not in :notApplied",
            Integer.class)
        .setParameter("la", laCode)
        .setParameter("sender", sender)
        .setParameter("notApplied", List.of(FileCode.CPF01, FileCode.CPF05))
        .getSingleResult();
  }

  public Optional<UploadSubmission> appliedSubmission(
      String laCode, String sender, int fileSequence) {
    return em.createQuery(
            "select s from UploadSubmission s where s.laCode = :la and s.sender = :sender"
                + " and s.fileSequence = :seq and s.fileCode not in :notApplied"
                + " order by s.receivedAt",
            UploadSubmission.class)
        .setParameter("la", laCode)
        .setParameter("sender", sender)
        .setParameter("seq", fileSequence)
        .setParameter("notApplied", List.of(FileCode.CPF01, FileCode.CPF05))
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  public Optional<AccessEvent> accessEvent(String id) {
    return Optional.ofNullable(em.find(AccessEvent.class, id));
  }

  /** A child's access events, newest first, at most {@code max}. */
  public List<AccessEvent> recentAccesses(String nhsNumber, int max) {
    return em.createQuery(
            "select e from AccessEvent e where e.nhsNumber = :nhs order by e.accessedAt desc",
            AccessEvent.class)
        .setParameter("nhs", nhsNumber)
        .setMaxResults(max)
        .getResultList();
  }

  public long accessCount(String nhsNumber) {
    return em.createQuery("select count(e) from AccessEvent e where e.nhsNumber = :nhs", Long.class)
        .setParameter("nhs", nhsNumber)
        .getSingleResult();
  }
}

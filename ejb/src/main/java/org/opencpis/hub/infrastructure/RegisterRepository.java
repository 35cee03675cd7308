package org.opencpis.hub.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.opencpis.hub.domain.AccessEvent;
import org.opencpis.hub.domain.HeldCouncilFile;
import org.opencpis.hub.domain.LocalAuthority;
import org.opencpis.hub.domain.PlanType;
import org.opencpis.hub.domain.SharedRecord;
import org.opencpis.hub.domain.UploadChannel;
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

  /** A council's stream of files by one channel, made on first use. */
  public UploadStream uploadStream(String laCode, UploadChannel channel) {
    UploadStream s = em.find(UploadStream.class, UploadStream.key(laCode, channel));
    if (s == null) {
      s = new UploadStream(laCode, channel);
      em.persist(s);
    }
    return s;
  }

  /** A council-workflow file held for its predecessor, if this one is held. */
  public Optional<HeldCouncilFile> heldFile(String laCode, int fileSequence) {
    return Optional.ofNullable(
        em.find(HeldCouncilFile.class, HeldCouncilFile.key(laCode, fileSequence)));
  }

  /** The held file of a council that comes first (the lowest number), if any is held. */
  public Optional<HeldCouncilFile> firstHeldFile(String laCode) {
    return em.createQuery(
            "select h from HeldCouncilFile h where h.laCode = :la order by h.fileSequence",
            HeldCouncilFile.class)
        .setParameter("la", laCode)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** The councils that have files held, each once. */
  public List<String> councilsWithHeldFiles() {
    return em.createQuery(
            "select distinct h.laCode from HeldCouncilFile h order by h.laCode", String.class)
        .getResultList();
  }

  public Map<String, Long> heldFilesPerCouncil() {
    Map<String, Long> out = new TreeMap<>();
    for (Object[] row :
        em.createQuery(
                "select h.laCode, count(h) from HeldCouncilFile h group by h.laCode",
                Object[].class)
            .getResultList()) {
      out.put((String) row[0], (Long) row[1]);
    }
    return out;
  }

  public void release(HeldCouncilFile held) {
    em.remove(held);
  }

  /** A council's streams, one per channel it has used. */
  public List<UploadStream> uploadStreams(String laCode) {
    return em.createQuery(
            "select s from UploadStream s where s.laCode = :la order by s.id", UploadStream.class)
        .setParameter("la", laCode)
        .getResultList();
  }

  /** One council's records that may have left their retention period by {@code day}. */
  public List<SharedRecord> retentionCandidates(String laCode, LocalDate day) {
    return em.createQuery(
            "select r from SharedRecord r where r.laCode = :la"
                + " and (r.deleteDate <= :day or r.endDate < :day)",
            SharedRecord.class)
        .setParameter("la", laCode)
        .setParameter("day", day)
        .getResultList();
  }

  public void remove(SharedRecord r) {
    em.remove(r);
  }

  /**
   * The submission that took this number in a council's stream: the first one answered with a code
   * that takes a number on that channel (on cpisupload not a corrupt file, CPF01, nor one the
   * demographic service could not check, CPF05: those were never applied and are sent again).
   */
  public Optional<UploadSubmission> submissionThatTook(
      String laCode, UploadChannel channel, int fileSequence) {
    return em.createQuery(
            "select s from UploadSubmission s where s.laCode = :la and s.streamName = :stream"
                + " and s.fileSequence = :seq order by s.receivedAt, s.id",
            UploadSubmission.class)
        .setParameter("la", laCode)
        .setParameter("stream", channel.streamName())
        .setParameter("seq", fileSequence)
        .getResultStream()
        .filter(s -> channel.tookItsNumber(s.fileCode()))
        .findFirst();
  }

  /**
   * A council's kept submissions, newest first: all of them, or those of one channel and one
   * sequence id.
   */
  public List<UploadSubmission> submissions(
      String laCode, UploadChannel channel, Integer fileSequence, int max) {
    String jpql =
        "select s from UploadSubmission s where s.laCode = :la"
            + (channel == null ? "" : " and s.streamName = :stream")
            + (fileSequence == null ? "" : " and s.fileSequence = :seq")
            + " order by s.receivedAt desc, s.id desc";
    var q = em.createQuery(jpql, UploadSubmission.class).setParameter("la", laCode);
    if (channel != null) {
      q.setParameter("stream", channel.streamName());
    }
    if (fileSequence != null) {
      q.setParameter("seq", fileSequence);
    }
    return q.setMaxResults(max).getResultList();
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

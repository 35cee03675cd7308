package org.opencpis.audit;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.opencpis.shared.Setting;
import org.opencpis.shared.Settings;

/**
 * Starts the chain (its head row) and keeps the trail for {@value #PROPERTY} days (a system
 * property, default {@value #DEFAULT_DAYS}, about seven years): each night the rows older than that
 * are removed, oldest first, and the head remembers the hash the oldest kept row follows, so the
 * kept chain still verifies. It is the only code that removes audit rows.
 */
@Singleton
@Startup
public class AuditRetention {

  static final String PROPERTY = "cpis.audit.retention-days";
  static final int DEFAULT_DAYS = 2557;

  private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Settings settings;

  @PostConstruct
  void start() {
    if (em.find(AuditChainHead.class, AuditChainHead.ID) == null) {
      em.persist(AuditChainHead.genesis());
    }
  }

  public static int retentionDays() {
    return Setting.integer(PROPERTY, DEFAULT_DAYS, 1);
  }

  /** Removes the rows older than the retention period; answers how many. */
  @Schedule(hour = "2", minute = "40", persistent = false)
  public int purge() {
    Instant cutoff = settings.clock().instant().minus(Duration.ofDays(retentionDays()));
    AuditChainHead head =
        em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
    Long firstKept =
        em.createQuery("select min(e.seq) from AuditEntry e where e.at >= :cutoff", Long.class)
            .setParameter("cutoff", cutoff)
            .getSingleResult();
    long keepFrom = firstKept != null ? firstKept : head.lastSeq() + 1;
    if (keepFrom <= head.firstSeq()) {
      return 0;
    }
    String anchor =
        keepFrom == head.lastSeq() + 1
            ? head.lastHash()
            : em.find(AuditEntry.class, keepFrom).prevHash();
    int removed =
        em.createQuery("delete from AuditEntry e where e.seq < :keepFrom")
            .setParameter("keepFrom", keepFrom)
            .executeUpdate();
    head.purgedBefore(keepFrom, anchor);
    LOG.info("audit retention: " + removed + " rows older than " + cutoff + " removed");
    return removed;
  }
}

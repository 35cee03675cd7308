package org.opencpis.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import org.opencpis.shared.Roles;

/**
 * For administrators: the audit trail searched, and the chain verified. A search is itself audited
 * (who looked at whose audit).
 */
@Stateless
@RolesAllowed(Roles.CPIS_ADMIN)
public class AuditAdminService {

  private static final int BATCH = 500;

  @PersistenceContext EntityManager em;
  @EJB AuditRetention retention;

  /** What a purge removed. */
  public record Purged(int removed) implements AuditedOutcome {

    @Override
    public String auditOutcome() {
      return "DONE removed " + removed;
    }
  }

  /**
   * The retention purge now, as the nightly timer runs it ({@code cpis.audit.retention-days});
   * audited, as a change of the trail.
   */
  @Audited(value = "audit.purge", change = true)
  public Purged purge() {
    return new Purged(retention.purge());
  }

  /** A page of the rows found, newest first; {@code more} when there are older ones. */
  public record Found(List<AuditEntry> rows, int page, int size, boolean more) {}

  @Audited("audit.search")
  public Found search(AuditSearch s) {
    StringBuilder jpql = new StringBuilder("select e from AuditEntry e where 1 = 1");
    List<Object[]> params = new ArrayList<>();
    if (present(s.subject())) {
      jpql.append(" and e.subject = :subject");
      params.add(new Object[] {"subject", s.subject().trim()});
    }
    if (present(s.principal())) {
      jpql.append(" and e.principal = :principal");
      params.add(new Object[] {"principal", s.principal().trim()});
    }
    if (present(s.channel())) {
      jpql.append(" and e.channel = :channel");
      params.add(new Object[] {"channel", s.channel().trim().toUpperCase(java.util.Locale.ROOT)});
    }
    if (s.from() != null) {
      jpql.append(" and e.at >= :from");
      params.add(new Object[] {"from", s.from()});
    }
    if (s.to() != null) {
      jpql.append(" and e.at < :to");
      params.add(new Object[] {"to", s.to()});
    }
    jpql.append(" order by e.seq desc");
    TypedQuery<AuditEntry> q = em.createQuery(jpql.toString(), AuditEntry.class);
    for (Object[] p : params) {
      q.setParameter((String) p[0], p[1]);
    }
    List<AuditEntry> rows =
        q.setFirstResult(s.page() * s.size()).setMaxResults(s.size() + 1).getResultList();
    boolean more = rows.size() > s.size();
    return new Found(more ? rows.subList(0, s.size()) : rows, s.page(), s.size(), more);
  }

  /** Walks the kept chain from its anchor to its head; says where it breaks, if it does. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public AuditChain.Result verify() {
    AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID);
    if (head == null) {
      return new AuditChain.Result(false, 0, null, "the audit chain has no head");
    }
    AuditChain.Verifier v = new AuditChain.Verifier(head.firstSeq(), head.anchorHash());
    long after = Long.MIN_VALUE;
    while (true) {
      List<AuditEntry> batch =
          em.createQuery(
                  "select e from AuditEntry e where e.seq > :after order by e.seq",
                  AuditEntry.class)
              .setParameter("after", after)
              .setMaxResults(BATCH)
              .getResultList();
      for (AuditEntry e : batch) {
        if (!v.accept(e)) {
          return v.finish(head.lastSeq(), head.lastHash());
        }
        after = e.seq();
      }
      em.clear();
      if (batch.size() < BATCH) {
        return v.finish(head.lastSeq(), head.lastHash());
      }
    }
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}

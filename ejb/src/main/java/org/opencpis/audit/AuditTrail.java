package org.opencpis.audit;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;
import org.opencpis.shared.Settings;

/**
 * Appends rows to the audit trail. A read that succeeds is recorded in its own transaction, beside
 * its effect (the access event and its notification): both are kept or neither. A read refused or
 * failed is recorded in a transaction of its own, since the caller's is rolled back. Each append
 * locks the chain's head first, so the chain never forks.
 */
@Stateless
@PermitAll
public class AuditTrail {

  @PersistenceContext EntityManager em;
  @Resource SessionContext session;
  @Inject Settings settings;

  /** In the caller's transaction (the read's own). */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void record(AuditRecord r) {
    append(r);
  }

  /** In a transaction of its own, kept whatever becomes of the caller's. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordApart(AuditRecord r) {
    append(r);
  }

  /** The principal the container authenticated for this call ("anonymous" if none). */
  public String callerPrincipal() {
    Principal p = session.getCallerPrincipal();
    return p == null ? "anonymous" : p.getName();
  }

  private void append(AuditRecord r) {
    AuditChainHead head = head();
    AuditEntry e =
        new AuditEntry(head.lastSeq() + 1, settings.clock().instant(), r, head.lastHash());
    em.persist(e);
    head.appended(e);
    em.flush();
  }

  /** The chain's head, locked until the transaction ends. */
  AuditChainHead head() {
    AuditChainHead head =
        em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
    if (head == null) {
      throw new IllegalStateException(
          "the audit chain's head is missing (AuditRetention starts it)");
    }
    return head;
  }
}

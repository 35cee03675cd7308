package org.opencpis.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One row of the audit trail: when, over which channel, which operation and request, the principal
 * the server authenticated, what the message claimed (user, organisation), what was read (an NHS
 * number, a resource id) and the outcome. Rows are appended only ({@link AuditTrail}) and removed
 * only by the retention purge, oldest first; each carries the hash of the row before it and a hash
 * over itself ({@link AuditChain}), so a changed, removed or inserted row breaks the chain there.
 * NHS numbers are allowed here (this is the audit), never in the server's log.
 */
@Entity
@Table(
    name = "audit_entry",
    indexes = {
      @Index(name = "audit_entry_subject", columnList = "subject"),
      @Index(name = "audit_entry_principal", columnList = "principal"),
      @Index(name = "audit_entry_at", columnList = "at")
    })
public class AuditEntry {

  public static final int CHANNEL = 10;
  public static final int OPERATION = 80;
  public static final int REQUEST = 200;
  public static final int PRINCIPAL = 300;
  public static final int CLAIM = 40;
  public static final int SUBJECT = 200;
  public static final int OUTCOME = 80;

  @Id private long seq;

  @Column(nullable = false)
  private Instant at;

  @Column(nullable = false, length = CHANNEL)
  private String channel;

  @Column(nullable = false, length = OPERATION)
  private String operation;

  @Column(length = REQUEST)
  private String request;

  @Column(length = PRINCIPAL)
  private String principal;

  @Column(name = "claimed_user", length = CLAIM)
  private String claimedUser;

  @Column(name = "claimed_org", length = CLAIM)
  private String claimedOrganisation;

  @Column(length = SUBJECT)
  private String subject;

  @Column(nullable = false, length = OUTCOME)
  private String outcome;

  @Column(name = "prev_hash", nullable = false, length = 64)
  private String prevHash;

  @Column(nullable = false, length = 64)
  private String hash;

  protected AuditEntry() {}

  /** The next row of the chain after {@code prevHash}: values cut to the columns, then hashed. */
  AuditEntry(long seq, Instant at, AuditRecord r, String prevHash) {
    this.seq = seq;
    this.at = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    this.channel = cut(r.channel(), CHANNEL);
    this.operation = cut(r.operation(), OPERATION);
    this.request = cut(r.request(), REQUEST);
    this.principal = cut(r.principal(), PRINCIPAL);
    this.claimedUser = cut(r.claimedUser(), CLAIM);
    this.claimedOrganisation = cut(r.claimedOrganisation(), CLAIM);
    this.subject = cut(r.subject(), SUBJECT);
    this.outcome = cut(r.outcome(), OUTCOME);
    this.prevHash = prevHash;
    this.hash = AuditChain.hash(this);
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  public long seq() {
    return seq;
  }

  public Instant at() {
    return at;
  }

  public String channel() {
    return channel;
  }

  public String operation() {
    return operation;
  }

  public String request() {
    return request;
  }

  public String principal() {
    return principal;
  }

  public String claimedUser() {
    return claimedUser;
  }

  public String claimedOrganisation() {
    return claimedOrganisation;
  }

  public String subject() {
    return subject;
  }

  public String outcome() {
    return outcome;
  }

  public String prevHash() {
    return prevHash;
  }

  public String hash() {
    return hash;
  }
}

package org.opencpis.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The end of the chain, one row: the last sequence number and hash appended, and where the kept
 * chain starts (the oldest row the retention purge kept, and the hash it follows, the anchor).
 * Every append locks this row first (PESSIMISTIC_WRITE, on H2 and PostgreSQL), so two writers, on
 * one node or several, never fork the chain.
 */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHead {

  static final int ID = 1;

  /** The hash before the first row ever written. */
  static final String GENESIS = "0".repeat(64);

  @Id private int id;

  @Column(name = "last_seq", nullable = false)
  private long lastSeq;

  @Column(name = "last_hash", nullable = false, length = 64)
  private String lastHash;

  @Column(name = "first_seq", nullable = false)
  private long firstSeq;

  @Column(name = "anchor_hash", nullable = false, length = 64)
  private String anchorHash;

  protected AuditChainHead() {}

  static AuditChainHead genesis() {
    AuditChainHead h = new AuditChainHead();
    h.id = ID;
    h.lastSeq = 0;
    h.lastHash = GENESIS;
    h.firstSeq = 1;
    h.anchorHash = GENESIS;
    return h;
  }

  /** Makes {@code e} the last row. */
  void appended(AuditEntry e) {
    lastSeq = e.seq();
    lastHash = e.hash();
  }

  /** The rows before {@code seq} are purged: the kept chain starts at it, after {@code anchor}. */
  void purgedBefore(long seq, String anchor) {
    firstSeq = seq;
    anchorHash = anchor;
  }

  public long lastSeq() {
    return lastSeq;
  }

  public String lastHash() {
    return lastHash;
  }

  public long firstSeq() {
    return firstSeq;
  }

  public String anchorHash() {
    return anchorHash;
  }
}

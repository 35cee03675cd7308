package org.opencpis.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash chain of the audit trail: each row's hash is SHA-256 over the previous row's hash and
 * the row's own fields, each written as its length, a colon and its value (null as -1), so no two
 * rows have the same text. A {@link Verifier} walks the kept rows in order from the anchor (the
 * hash the oldest kept row follows) and names the first row where the chain breaks.
 */
public final class AuditChain {

  private AuditChain() {}

  /** The row's hash, over its previous hash and its fields. */
  public static String hash(AuditEntry e) {
    StringBuilder b = new StringBuilder(256);
    field(b, e.prevHash());
    field(b, Long.toString(e.seq()));
    field(b, e.at().truncatedTo(ChronoUnit.MILLIS).toString());
    field(b, e.channel());
    field(b, e.operation());
    field(b, e.request());
    field(b, e.principal());
    field(b, e.claimedUser());
    field(b, e.claimedOrganisation());
    field(b, e.subject());
    field(b, e.outcome());
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(b.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private static void field(StringBuilder b, String v) {
    if (v == null) {
      b.append("-1:");
    } else {
      b.append(v.length()).append(':').append(v);
    }
  }

  /**
   * What a verification found: intact, or the sequence number of the first row that does not follow
   * (changed, inserted, or the row after a removed one) and why.
   */
  public record Result(boolean intact, long rows, Long brokenAt, String reason) {

    static Result intact(long rows) {
      return new Result(true, rows, null, null);
    }

    static Result broken(long rows, long at, String reason) {
      return new Result(false, rows, at, reason);
    }
  }

  /** Checks the rows given in sequence order, from the chain's first kept row. */
  public static final class Verifier {

    private final long firstSeq;
    private long expectedSeq;
    private String expectedPrev;
    private long rows;
    private Result broken;

    public Verifier(long firstSeq, String anchorHash) {
      this.firstSeq = firstSeq;
      this.expectedSeq = firstSeq;
      this.expectedPrev = anchorHash;
    }

    /** Takes the next row; false once the chain is broken (the rest need not be read). */
    public boolean accept(AuditEntry e) {
      if (broken != null) {
        return false;
      }
      rows++;
      if (e.seq() != expectedSeq) {
        broken =
            Result.broken(
                rows,
                e.seq() < expectedSeq ? e.seq() : expectedSeq,
                e.seq() < firstSeq
                    ? "a row before the chain's first kept row"
                    : "rows " + expectedSeq + " to " + (e.seq() - 1) + " are missing");
        return false;
      }
      if (!e.prevHash().equals(expectedPrev)) {
        broken = Result.broken(rows, e.seq(), "the row does not follow the one before it");
        return false;
      }
      if (!hash(e).equals(e.hash())) {
        broken = Result.broken(rows, e.seq(), "the row was changed after it was written");
        return false;
      }
      expectedSeq = e.seq() + 1;
      expectedPrev = e.hash();
      return true;
    }

    /** The verdict, given the chain's head (the last row appended). */
    public Result finish(long lastSeq, String lastHash) {
      if (broken != null) {
        return broken;
      }
      if (expectedSeq - 1 != lastSeq || !expectedPrev.equals(lastHash)) {
        return Result.broken(
            rows,
            expectedSeq,
            "the chain ends at row "
                + (expectedSeq - 1)
                + " but its head says "
                + lastSeq
                + ": rows are missing at the end");
      }
      return Result.intact(rows);
    }
  }
}

package org.opencpis.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 9: the audit trail's hash chain, and where a verification says it breaks. */
class AuditChainTest {

  static final Instant T0 = Instant.parse("2026-12-01T09:00:00.123456Z");

  /** A chain of {@code n} rows from the genesis, as the trail appends them. */
  static List<AuditEntry> chain(int n) {
    List<AuditEntry> rows = new ArrayList<>();
    String prev = AuditChainHead.GENESIS;
    for (int i = 1; i <= n; i++) {
      AuditEntry e =
          new AuditEntry(
              i,
              T0.plusSeconds(i),
              new AuditRecord(
                  "SOAP",
                  "cpis.query",
                  "POST /spine/cpisquery",
                  "ed.clinician",
                  "555000111222",
                  "RWE",
                  "99912345" + (i % 10) + "0",
                  "FOUND"),
              prev);
      rows.add(e);
      prev = e.hash();
    }
    return rows;
  }

  static AuditChain.Result verify(List<AuditEntry> rows, long firstSeq, String anchor) {
    AuditChain.Verifier v = new AuditChain.Verifier(firstSeq, anchor);
    for (AuditEntry e : rows) {
      if (!v.accept(e)) {
        break;
      }
    }
    AuditEntry last = rows.get(rows.size() - 1);
    return v.finish(last.seq(), last.hash());
  }

  static void set(AuditEntry e, String field, Object value) throws Exception {
    Field f = AuditEntry.class.getDeclaredField(field);
    f.setAccessible(true);
    f.set(e, value);
  }

  @Test
  @DisplayName("issue 9: each row follows the one before it, and an untouched chain verifies")
  void intact() {
    List<AuditEntry> rows = chain(5);
    assertThat(rows.get(0).prevHash()).isEqualTo(AuditChainHead.GENESIS);
    assertThat(rows.get(3).prevHash()).isEqualTo(rows.get(2).hash());
    assertThat(rows.get(0).hash()).hasSize(64).isNotEqualTo(rows.get(1).hash());
    AuditChain.Result r = verify(rows, 1, AuditChainHead.GENESIS);
    assertThat(r.intact()).isTrue();
    assertThat(r.rows()).isEqualTo(5);
    assertThat(r.brokenAt()).isNull();
  }

  @Test
  @DisplayName("issue 9: the time is hashed as kept (to the millisecond), so a reread row verifies")
  void timeAsKept() {
    AuditEntry e = chain(1).get(0);
    assertThat(e.at()).isEqualTo(Instant.parse("2026-12-01T09:00:01.123Z"));
    assertThat(AuditChain.hash(e)).isEqualTo(e.hash());
  }

  @Test
  @DisplayName("issue 9: a row whose subject was changed breaks the chain at that row")
  void changedRow() throws Exception {
    List<AuditEntry> rows = chain(5);
    set(rows.get(2), "subject", "9990000018");
    AuditChain.Result r = verify(rows, 1, AuditChainHead.GENESIS);
    assertThat(r.intact()).isFalse();
    assertThat(r.brokenAt()).isEqualTo(3L);
    assertThat(r.reason()).contains("changed");
  }

  @Test
  @DisplayName("issue 9: a row changed and re-hashed breaks the chain at the row after it")
  void rehashedRow() throws Exception {
    List<AuditEntry> rows = chain(5);
    set(rows.get(1), "outcome", "NOT_FOUND");
    set(rows.get(1), "hash", AuditChain.hash(rows.get(1)));
    AuditChain.Result r = verify(rows, 1, AuditChainHead.GENESIS);
    assertThat(r.brokenAt()).isEqualTo(3L);
    assertThat(r.reason()).contains("does not follow");
  }

  @Test
  @DisplayName("issue 9: a row removed from the middle, or from the end, is found")
  void removedRows() {
    List<AuditEntry> rows = chain(5);
    List<AuditEntry> middle = new ArrayList<>(rows);
    middle.remove(2);
    assertThat(verify(middle, 1, AuditChainHead.GENESIS).brokenAt()).isEqualTo(3L);

    AuditChain.Verifier v = new AuditChain.Verifier(1, AuditChainHead.GENESIS);
    rows.subList(0, 4).forEach(v::accept);
    AuditChain.Result tail = v.finish(5, rows.get(4).hash());
    assertThat(tail.intact()).isFalse();
    assertThat(tail.brokenAt()).isEqualTo(5L);
  }

  @Test
  @DisplayName("issue 9: after the retention purge the kept rows verify from their anchor")
  void afterPurge() {
    List<AuditEntry> rows = chain(6);
    List<AuditEntry> kept = rows.subList(3, 6);
    assertThat(verify(kept, 4, rows.get(2).hash()).intact()).isTrue();
    assertThat(verify(kept, 4, AuditChainHead.GENESIS).brokenAt()).isEqualTo(4L);
  }
}

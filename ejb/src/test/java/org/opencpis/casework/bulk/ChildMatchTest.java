package org.opencpis.casework.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opencpis.casework.domain.Child;

/**
 * R5 (with R2's identifiers): a well-formed row decided against the child on the council's file.
 */
class ChildMatchTest {

  static final LocalDate DOB = LocalDate.of(2015, 3, 9);
  static final String NHS = "9434765919";

  static Child child(String nhs) {
    return new Child("855", "P1", nhs, "Ruby", "Stone", DOB);
  }

  static BulkRow row(String given, String family, LocalDate dob) {
    return new BulkRow(2, "P1", NHS, given, family, dob, null);
  }

  @Test
  @DisplayName("R5 applied when the child has no number; unchanged when it already has this one")
  void appliedOrUnchanged() {
    assertThat(ChildMatch.judge(row(null, null, null), child(null), null))
        .isEqualTo(new RowVerdict(2, "P1", NHS, RowOutcome.APPLIED, null));
    assertThat(ChildMatch.judge(row("ruby ", " STONE", DOB), child(NHS), "P1"))
        .isEqualTo(new RowVerdict(2, "P1", NHS, RowOutcome.UNCHANGED, null));
    assertThat(ChildMatch.judge(row(null, null, null), child("9990001006"), null).reason())
        .isEqualTo("replaces a different NHS number");
  }

  @Test
  @DisplayName("R5 rejected: unknown person id; a name or date of birth that does not match, named")
  void rejected() {
    assertThat(ChildMatch.judge(row(null, null, null), null, null).reason())
        .isEqualTo("person id is not a child on this council's file");
    assertThat(ChildMatch.judge(row("Rubie", "Stone", DOB), child(null), null).reason())
        .isEqualTo("given name does not match the child on file");
    assertThat(ChildMatch.judge(row(null, "Stone", DOB.plusDays(1)), child(null), null).reason())
        .isEqualTo("date of birth does not match the child on file");
    assertThat(ChildMatch.judge(row("Ruby", "Stones", DOB.plusDays(1)), child(null), null).reason())
        .isEqualTo("family name and date of birth do not match the child on file");
  }

  @Test
  @DisplayName("R5 rejected: the number is already recorded on another of the council's children")
  void numberHeldByAnother() {
    RowVerdict v = ChildMatch.judge(row(null, null, null), child(null), "P9");
    assertThat(v.outcome()).isEqualTo(RowOutcome.REJECTED);
    assertThat(v.reason())
        .isEqualTo("NHS number is already recorded on another child (person id P9)");
  }

  @Test
  @DisplayName("R5 a row already rejected on its own stays rejected with its reason")
  void alreadyRejected() {
    BulkRow bad = new BulkRow(4, "P3", "123", null, null, null, "NHS number is not 10 digits");
    assertThat(ChildMatch.judge(bad, child(null), null))
        .isEqualTo(
            new RowVerdict(4, "P3", "123", RowOutcome.REJECTED, "NHS number is not 10 digits"));
  }
}

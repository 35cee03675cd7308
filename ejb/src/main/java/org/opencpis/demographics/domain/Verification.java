package org.opencpis.demographics.domain;

import java.util.List;

/**
 * The answer of the demographic check of one {@link Subject} (R2, R4).
 *
 * @param currentNhsNumber for {@link Outcome#SUPERSEDED}: the number now in use (the end of the
 *     chain of replacements); otherwise the subject's own number
 * @param mismatches for {@link Outcome#MISMATCH}: which identifiers did not match, never their
 *     values
 */
public record Verification(Outcome outcome, String currentNhsNumber, List<Field> mismatches) {

  public Verification {
    mismatches = mismatches == null ? List.of() : List.copyOf(mismatches);
  }

  /** What the check found. */
  public enum Outcome {
    /** The number is known, current, not sensitive, and name and date of birth match. */
    VERIFIED,
    /** No demographic record for the number (CPR01). */
    UNKNOWN,
    /** The number was replaced by another (CPR05). */
    SUPERSEDED,
    /** The record is sensitive: it is never shared (CPR02). */
    SENSITIVE,
    /** The given name, family name or date of birth differ from the record (CPR03). */
    MISMATCH
  }

  /** The identifiers compared. */
  public enum Field {
    GIVEN_NAME("given name"),
    FAMILY_NAME("family name"),
    BIRTH_DATE("date of birth");

    private final String label;

    Field(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public boolean verified() {
    return outcome == Outcome.VERIFIED;
  }
}

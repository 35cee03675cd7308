package org.opencpis.casework.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opencpis.casework.domain.Child;

/**
 * Decides a well-formed row against the council's file (R5): the person id must be a child of the
 * council; a name or date of birth given in the file must match the child's (R2's identifiers); the
 * number must not be recorded on another of the council's children. Then it is applied, or
 * unchanged when the child already has it.
 */
public final class ChildMatch {

  private ChildMatch() {}

  /**
   * @param child the council's child with the row's person id, or null
   * @param holderOfNumber the person id of another of the council's children that already has the
   *     row's NHS number, or null
   */
  public static RowVerdict judge(BulkRow row, Child child, String holderOfNumber) {
    if (row.rejected()) {
      return RowVerdict.rejected(row, row.rejection());
    }
    if (child == null) {
      return RowVerdict.rejected(row, "person id is not a child on this council's file");
    }
    List<String> mismatched = new ArrayList<>();
    if (row.givenName() != null && !sameName(row.givenName(), child.givenName())) {
      mismatched.add("given name");
    }
    if (row.familyName() != null && !sameName(row.familyName(), child.familyName())) {
      mismatched.add("family name");
    }
    if (row.birthDate() != null && !row.birthDate().equals(child.birthDate())) {
      mismatched.add("date of birth");
    }
    if (!mismatched.isEmpty()) {
      return RowVerdict.rejected(
          row,
          String.join(" and ", mismatched)
              + (mismatched.size() == 1 ? " does" : " do")
              + " not match the child on file");
    }
    if (row.nhsNumber().equals(child.nhsNumber())) {
      return new RowVerdict(
          row.line(), row.personId(), row.nhsNumber(), RowOutcome.UNCHANGED, null);
    }
    if (holderOfNumber != null && !holderOfNumber.equals(child.laPersonId())) {
      return RowVerdict.rejected(
          row,
          "NHS number is already recorded on another child (person id " + holderOfNumber + ")");
    }
    return new RowVerdict(
        row.line(),
        row.personId(),
        row.nhsNumber(),
        RowOutcome.APPLIED,
        child.nhsNumber() == null ? null : "replaces a different NHS number");
  }

  /** Names compare without case, surrounding spaces or doubled inner spaces. */
  static boolean sameName(String a, String b) {
    return b != null && norm(a).equals(norm(b));
  }

  private static String norm(String s) {
    return s.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}

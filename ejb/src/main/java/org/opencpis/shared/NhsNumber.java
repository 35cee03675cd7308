package org.opencpis.shared;

import java.io.Serializable;
import java.util.Objects;

/**
 * An NHS number: ten digits, the last a modulus-11 check digit (R1). The only way to hold one is
 * through {@link #of(String)}, so a value of this type has always passed the check.
 *
 * <p>Spaces (as people write it: 943 476 5919) are accepted and dropped.
 */
public final class NhsNumber implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String value;

  private NhsNumber(String value) {
    this.value = value;
  }

  /**
   * Parses an NHS number.
   *
   * @throws InvalidValueException naming what is wrong with it
   */
  public static NhsNumber of(String raw) {
    String reason = problemWith(raw);
    if (reason != null) {
      throw new InvalidValueException("NHS number", reason);
    }
    return new NhsNumber(raw.replace(" ", ""));
  }

  /** Whether {@code raw} is a valid NHS number. */
  public static boolean isValid(String raw) {
    return problemWith(raw) == null;
  }

  /** What is wrong with {@code raw} as an NHS number, or null when nothing is. */
  public static String problemWith(String raw) {
    if (raw == null || raw.isBlank()) {
      return "is missing";
    }
    String digits = raw.replace(" ", "");
    if (!digits.matches("[0-9]{10}")) {
      return "'" + raw + "' is not 10 digits";
    }
    int expected = checkDigit(digits.substring(0, 9));
    if (expected == 10) {
      return "'" + raw + "' can never be valid (its check digit would be 10)";
    }
    if (digits.charAt(9) - '0' != expected) {
      return "'" + raw + "' fails the modulus 11 check digit";
    }
    return null;
  }

  /**
   * The modulus-11 check digit of the first nine digits: weights 10 down to 2, 11 minus the
   * remainder; 11 becomes 0, and 10 means no valid number starts with these nine digits.
   */
  public static int checkDigit(String firstNine) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (firstNine.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - (sum % 11);
    return check == 11 ? 0 : check;
  }

  public String value() {
    return value;
  }

  /** The number as people read it: 943 476 5919. */
  public String formatted() {
    return value.substring(0, 3) + " " + value.substring(3, 6) + " " + value.substring(6);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NhsNumber other && other.value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value);
  }

  @Override
  public String toString() {
    return value;
  }
}

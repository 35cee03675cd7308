package org.opencpis.hub.domain;

import java.util.Locale;
import java.util.Optional;

/** The information types the national service shares (R6). */
public enum PlanType {
  /** Child protection plan. */
  CPP("Child Protection Plan"),
  /** Looked-after child (the council's "child in care", CiC). */
  LAC("Looked After Child"),
  /** Unborn child protection plan, held under the expectant mother's NHS number (R13). */
  UCPP("Unborn Child Protection Plan");

  private final String displayName;

  PlanType(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  /** The code on the wire: CPP, LAC and UCP (the national message's name for UCPP). */
  public String wireCode() {
    return this == UCPP ? "UCP" : name();
  }

  /** Reads a wire code; UCP and UCPP both mean the unborn plan. */
  public static Optional<PlanType> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    return switch (code.trim().toUpperCase(Locale.ROOT)) {
      case "CPP" -> Optional.of(CPP);
      case "LAC", "CIC" -> Optional.of(LAC);
      case "UCP", "UCPP" -> Optional.of(UCPP);
      default -> Optional.empty();
    };
  }
}

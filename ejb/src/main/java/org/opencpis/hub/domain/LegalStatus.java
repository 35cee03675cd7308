package org.opencpis.hub.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The legal bases of care that CP-IS shares (R7): full care order (Children Act 1989 s31), interim
 * care order (s38) and voluntary accommodation (s20). Every other status a council records
 * (placement order, remand, short breaks, ...) is never sent; health sees only "LAC".
 */
public enum LegalStatus {
  S31("Full Care Order (s31)"),
  S38("Interim Care Order (s38)"),
  S20("Voluntary Care Agreement (s20)");

  private final String displayName;

  LegalStatus(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  /** Reads s31, s38 or s20 (any case, spaces ignored); every other status is empty. */
  public static Optional<LegalStatus> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    return switch (code.trim().toUpperCase(Locale.ROOT).replace(" ", "")) {
      case "S31" -> Optional.of(S31);
      case "S38" -> Optional.of(S38);
      case "S20" -> Optional.of(S20);
      default -> Optional.empty();
    };
  }
}

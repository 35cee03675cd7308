package org.opencpis.casework.domain;

/** How the council is involved with a child now (R22 routes on it). */
public enum Involvement {
  /** Open to a social-care team, with an allocated key worker. */
  OPEN_SOCIAL_CARE("Open to social care"),
  /** Open to Early Help, with an Early Help worker or manager. */
  OPEN_EARLY_HELP("Open to Early Help"),
  /** Not open to social care or Early Help (closed, or never open). */
  CLOSED("Not open to social care or Early Help");

  private final String displayName;

  Involvement(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}

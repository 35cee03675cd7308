package org.opencpis.hub.domain;

/** The national answer codes for an upload file as a whole (R26a). */
public enum FileCode {
  CPF01("File corrupt: nothing loaded"),
  CPF02("All records loaded"),
  CPF03("Some records loaded"),
  CPF04("No records loaded"),
  CPF05("Demographics service unavailable: resubmit the file");

  private final String meaning;

  FileCode(String meaning) {
    this.meaning = meaning;
  }

  public String meaning() {
    return meaning;
  }

  /**
   * Whether a file with this answer was applied (its records checked one by one, the good ones
   * loaded): not a corrupt file (CPF01) nor one the demographic service could not check (CPF05).
   */
  public boolean applied() {
    return this != CPF01 && this != CPF05;
  }

  /** The code for a file whose records were read: all, some or none of them loaded. */
  public static FileCode forCounts(int loaded, int rejected) {
    if (rejected == 0) {
      return CPF02;
    }
    return loaded == 0 ? CPF04 : CPF03;
  }
}

package org.opencpis.demographics.application;

import java.util.List;

/**
 * A person's NHS numbers: the current one, and every number (the current one first) that was
 * superseded into it, under which information may still be held (R4).
 */
public record Identity(String current, List<String> numbers) {

  public Identity {
    numbers = List.copyOf(numbers);
  }

  /** A number the store cannot resolve further: it stands for itself. */
  public static Identity of(String nhsNumber) {
    return new Identity(nhsNumber, List.of(nhsNumber));
  }

  public boolean resolved(String asked) {
    return !current.equals(asked);
  }
}

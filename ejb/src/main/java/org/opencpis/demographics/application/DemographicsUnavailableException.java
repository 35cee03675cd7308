package org.opencpis.demographics.application;

import jakarta.ejb.ApplicationException;

/**
 * The demographic service cannot answer now: the caller should answer "unavailable, resubmit"
 * (CPF05) and keep what it was given. It does not roll the caller's transaction back, so the caller
 * can still record that answer (R28).
 */
@ApplicationException(rollback = false)
public class DemographicsUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DemographicsUnavailableException(String message) {
    super(message);
  }
}

package org.opencpis.casework.domain;

/** Where a step is in its life. */
public enum StepStatus {
  INCOMING,
  STARTED,
  COMPLETED
}

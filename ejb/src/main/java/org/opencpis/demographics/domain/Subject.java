package org.opencpis.demographics.domain;

import java.time.LocalDate;

/**
 * A person as a submission names them, to be verified against the demographic record: for an unborn
 * child, the expectant mother (R13).
 */
public record Subject(String nhsNumber, String givenName, String familyName, LocalDate birthDate) {}

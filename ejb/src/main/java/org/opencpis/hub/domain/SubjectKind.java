package org.opencpis.hub.domain;

/** Whom a record is about: a child under its own NHS number, or an unborn under its mother's. */
public enum SubjectKind {
  CHILD,
  UNBORN
}

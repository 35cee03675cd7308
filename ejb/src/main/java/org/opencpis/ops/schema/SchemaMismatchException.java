package org.opencpis.ops.schema;

/** The entities and the migrated schema disagree: the deployment must not start. */
public class SchemaMismatchException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SchemaMismatchException(String message, Throwable cause) {
    super(message, cause);
  }
}

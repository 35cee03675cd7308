package org.opencpis.web.rest;

/** A request body that cannot be read as the JSON the operation takes. */
public class UnreadableBody extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  UnreadableBody(String field, String message, Throwable cause) {
    super(message, cause);
    this.field = field;
  }

  String field() {
    return field;
  }
}

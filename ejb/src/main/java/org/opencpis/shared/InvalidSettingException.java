package org.opencpis.shared;

/**
 * A setting that cannot be used. Says which system property, what it holds and what it should hold,
 * so an administrator can fix it in the management console. Nothing is worked out from a guess: a
 * retention period, a due time or a port from a misread setting would be silently wrong, so every
 * reader of a setting ({@link Setting}) refuses it the same way.
 */
public class InvalidSettingException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final String property;

  public InvalidSettingException(String property, String value, String expected) {
    super("invalid setting " + property + "='" + value + "': " + expected);
    this.property = property;
  }

  public String property() {
    return property;
  }
}

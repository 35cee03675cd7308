package org.opencpis.worktime;

/**
 * A working-hours setting that cannot be used. Says which system property, what it holds and what
 * it should hold, so an administrator can fix it in the management console. The calendar is never
 * built from a guess: a due time from a misread setting would be silently wrong.
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

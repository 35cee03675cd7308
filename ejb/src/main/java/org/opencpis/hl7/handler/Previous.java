package org.opencpis.hl7.handler;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencpis.audit.AuditedRequest;

/**
 * A message received before under the same MSH-3, MSH-4 and MSH-10, and the answer it was given.
 * Sent again, its answer is given again: a read of the same child, audited as such.
 *
 * @param digest its {@link ContentDigest}; null for a message kept before digests were
 * @param message its text, when it was kept (null: too large to keep)
 */
public record Previous(String digest, String message, String answer) implements AuditedRequest {

  /**
   * An NHS number as a CX with its assigning authority (PID-3, QPD-3): {@code 9991234567^^^NHS}.
   */
  private static final Pattern NHS_CX = Pattern.compile("(?<![0-9])([0-9]{10})\\^\\^\\^NHS");

  /** The NHS number the first message named, for the audit of the answer given again. */
  @Override
  public String auditSubject() {
    String text = message != null ? message : answer;
    Matcher m = text == null ? null : NHS_CX.matcher(text);
    return m != null && m.find() ? m.group(1) : null;
  }
}

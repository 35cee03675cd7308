package org.opencpis.shared;

import java.io.Serializable;
import java.util.Locale;

/**
 * An Organisation Data Service code: a trust (3 characters, 5 for a site), a council (here its
 * 3-digit local authority number) or a GP practice (6). Upper case letters and digits, 3 to 10.
 */
public record OdsCode(String value) implements Serializable {

  public OdsCode {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException("ODS code", "is missing");
    }
    value = value.trim().toUpperCase(Locale.ROOT);
    if (!value.matches("[A-Z0-9]{3,10}")) {
      throw new InvalidValueException(
          "ODS code", "'" + value + "' is not 3 to 10 letters and digits");
    }
  }

  public static OdsCode of(String raw) {
    return new OdsCode(raw);
  }

  @Override
  public String toString() {
    return value;
  }
}

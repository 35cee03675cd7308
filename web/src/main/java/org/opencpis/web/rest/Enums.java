package org.opencpis.web.rest;

import java.util.Arrays;
import java.util.Locale;
import org.opencpis.casework.domain.CaseworkRefusal;

/** Reads an enum value from a request, refusing an unknown one with the values it may take. */
final class Enums {

  private Enums() {}

  /** The constant named by {@code value} (any case), null for an absent value. */
  static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CaseworkRefusal(
          CaseworkRefusal.Kind.INVALID,
          field,
          "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
    }
  }
}

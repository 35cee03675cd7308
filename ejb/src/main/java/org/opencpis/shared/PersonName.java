package org.opencpis.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A person's name in its parts, as the national messages carry a viewer's name (an HL7 v3 PN read
 * as Spine reads it: the first prefix, up to five given names, the first family name and the first
 * suffix; an HL7 v2 XCN has the same parts). Kept in parts from the message to every place that
 * shows it, so a council sees "Dr Ada Grace Okafor MBE" and a national answer can give the parts
 * back as they came.
 *
 * @param given the given names in order, at most {@link #MAX_GIVEN}; never null
 */
public record PersonName(String prefix, List<String> given, String family, String suffix) {

  /** Spine reads at most five given names (CPIS_Query.xsl, givenName1..givenName5). */
  public static final int MAX_GIVEN = 5;

  public PersonName {
    prefix = blankToNull(prefix);
    List<String> names = new ArrayList<>();
    if (given != null) {
      for (String g : given) {
        String n = blankToNull(g);
        if (n != null && names.size() < MAX_GIVEN) {
          names.add(n);
        }
      }
    }
    given = List.copyOf(names);
    family = blankToNull(family);
    suffix = blankToNull(suffix);
  }

  /**
   * A name that came as one string (a page's form, or a record kept before names were kept in
   * parts): all of it is the family part, so it is shown as it was typed.
   */
  public static PersonName unparsed(String text) {
    String t = blankToNull(text);
    return t == null ? null : new PersonName(null, List.of(), t, null);
  }

  /** The parts, or null when none holds a value. */
  public static PersonName ofParts(
      String prefix, List<String> given, String family, String suffix) {
    PersonName n = new PersonName(prefix, given, family, suffix);
    return n.isEmpty() ? null : n;
  }

  public boolean isEmpty() {
    return prefix == null && given.isEmpty() && family == null && suffix == null;
  }

  /** The name as a person reads it: prefix, given names, family name, suffix. */
  public String display() {
    List<String> words = new ArrayList<>();
    words.add(prefix);
    words.addAll(given);
    words.add(family);
    words.add(suffix);
    String s = String.join(" ", words.stream().filter(Objects::nonNull).toList());
    return s.isEmpty() ? null : s;
  }

  /** The given name at a position (0-based), or null. */
  public String given(int i) {
    return i < given.size() ? given.get(i) : null;
  }

  private static String blankToNull(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }
}

package org.opencpis.demographics.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.opencpis.shared.NhsNumber;

/**
 * A generated, deterministic test population for development: the same NHS numbers, names and flags
 * on every start (birth dates count back from the reference day).
 *
 * <p>NHS numbers are taken in order from the start of the test range, 999 000 0000 upwards (the
 * block 999 000 0000 - 999 099 9999 is reserved for the seed; tests draw their own numbers above
 * it), skipping the nine-digit prefixes that have no valid check digit. Every 40th person also has
 * an older number superseded by their current one, every 400th a chain of two (old -> older ->
 * current); every 97th is sensitive. Most are children (born in the last 17 years), one in seven an
 * adult of 17-40 (mothers of unborn children). The person of the README's example upload, 999 000
 * 1006 Amelia Hart born 2019-04-02, is always there.
 */
public final class SeedPopulation {

  public static final String EXAMPLE_NHS_NUMBER = "9990001006";
  private static final long FIRST_PREFIX = 999_000_000L;
  private static final long LAST_PREFIX = 999_099_999L;

  private static final String[] GIVEN = {
    "Amelia", "Olivia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia",
    "Grace", "Willow", "Freya", "Florence", "Emily", "Ella", "Poppy", "Evie", "Elsie", "Charlotte",
    "Noah", "Oliver", "George", "Arthur", "Muhammad", "Leo", "Harry", "Oscar", "Archie", "Henry",
    "Theodore", "Freddie", "Jack", "Charlie", "Theo", "Alfie", "Jacob", "Thomas", "Finley", "Arlo"
  };

  private static final String[] FAMILY = {
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Wilson",
    "Johnson",
    "Davies",
    "Patel",
    "Robinson",
    "Wright",
    "Thompson",
    "Evans",
    "Walker",
    "White",
    "Roberts",
    "Green",
    "Hall",
    "Wood",
    "Jackson",
    "Clarke",
    "Khan",
    "Hughes",
    "Edwards",
    "Hill",
    "Moore",
    "Clark",
    "Harris",
    "Lewis",
    "Lee",
    "Martin",
    "Ali",
    "Scott",
    "Young",
    "Cooper",
    "Begum",
    "Morris",
    "Ward",
    "O'Brien",
    "Nowak"
  };

  private SeedPopulation() {}

  /**
   * At least {@code size} records (people's current numbers and their superseded ones), the same
   * for the same size and reference day.
   */
  public static List<DemographicRecord> generate(int size, LocalDate today) {
    Random rnd = new Random(20261125L);
    List<DemographicRecord> out = new ArrayList<>(size + size / 30);
    out.add(
        new DemographicRecord(
            EXAMPLE_NHS_NUMBER, "Amelia", "Hart", LocalDate.of(2019, 4, 2), null, false));
    Numbers numbers = new Numbers();
    int person = 0;
    while (out.size() < size) {
      person++;
      String given = GIVEN[rnd.nextInt(GIVEN.length)];
      String family = FAMILY[rnd.nextInt(FAMILY.length)];
      boolean adult = rnd.nextInt(7) == 0;
      LocalDate birth =
          adult
              ? today.minusYears(17).minusDays(rnd.nextInt(23 * 365))
              : today.minusDays(rnd.nextInt(17 * 365));
      DemographicRecord current =
          new DemographicRecord(numbers.next(), given, family, birth, null, person % 97 == 0);
      out.add(current);
      if (person % 40 == 0) {
        DemographicRecord old =
            new DemographicRecord(numbers.next(), given, family, birth, current.nhsNumber(), false);
        out.add(old);
        if (person % 400 == 0) {
          out.add(
              new DemographicRecord(numbers.next(), given, family, birth, old.nhsNumber(), false));
        }
      }
    }
    return out;
  }

  /** Valid NHS numbers in order from the start of the seed block, the example's left out. */
  private static final class Numbers {
    private long prefix = FIRST_PREFIX;

    String next() {
      while (prefix <= LAST_PREFIX) {
        String nine = Long.toString(prefix++);
        int check = NhsNumber.checkDigit(nine);
        String number = nine + check;
        if (check != 10 && !number.equals(EXAMPLE_NHS_NUMBER)) {
          return number;
        }
      }
      throw new IllegalStateException("the seed block of the test range is used up");
    }
  }
}

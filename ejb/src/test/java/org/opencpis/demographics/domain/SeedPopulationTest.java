package org.opencpis.demographics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opencpis.shared.NhsNumber;

class SeedPopulationTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  @Test
  @DisplayName(
      "R1 R4: the seed is deterministic, valid test-range numbers in the seed block, unique, with superseded chains and sensitive people")
  void population() {
    List<DemographicRecord> people = SeedPopulation.generate(12_000, TODAY);
    assertThat(people).hasSizeGreaterThanOrEqualTo(12_000);
    assertThat(SeedPopulation.generate(12_000, TODAY))
        .extracting(DemographicRecord::nhsNumber, DemographicRecord::familyName)
        .containsExactlyElementsOf(
            people.stream()
                .map(p -> org.assertj.core.groups.Tuple.tuple(p.nhsNumber(), p.familyName()))
                .toList());
    Map<String, DemographicRecord> byNumber =
        people.stream().collect(Collectors.toMap(DemographicRecord::nhsNumber, p -> p));
    assertThat(byNumber).hasSize(people.size());
    assertThat(people)
        .allSatisfy(
            p -> {
              assertThat(NhsNumber.isValid(p.nhsNumber())).isTrue();
              assertThat(p.nhsNumber()).startsWith("9990");
              assertThat(p.birthDate()).isBefore(TODAY.plusDays(1));
            });
    assertThat(byNumber.get(SeedPopulation.EXAMPLE_NHS_NUMBER).familyName()).isEqualTo("Hart");
    assertThat(people.stream().filter(DemographicRecord::sensitive).count()).isGreaterThan(100);
    List<DemographicRecord> superseded =
        people.stream().filter(DemographicRecord::superseded).toList();
    assertThat(superseded).hasSizeGreaterThan(250);
    Function<String, Optional<DemographicRecord>> lookup =
        n -> Optional.ofNullable(byNumber.get(n));
    // every chain ends at a current record of the same person; some chains are two long
    assertThat(superseded)
        .allSatisfy(
            old -> {
              DemographicRecord current =
                  byNumber.get(DemographicMatcher.current(old.nhsNumber(), lookup));
              assertThat(current.superseded()).isFalse();
              assertThat(current.familyName()).isEqualTo(old.familyName());
            });
    assertThat(superseded)
        .anySatisfy(old -> assertThat(byNumber.get(old.supersededBy()).superseded()).isTrue());
  }
}

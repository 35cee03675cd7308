package org.opencpis.demographics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DemographicMatcherTest {

  static final LocalDate DOB = LocalDate.of(2019, 4, 2);
  final Map<String, DemographicRecord> store = new HashMap<>();

  DemographicMatcherTest() {
    put("9990001006", "Amelia", "Hart", null, false);
    put("9990000018", "Ben", "Hart", "9990000026", false); // superseded by ...026
    put("9990000026", "Ben", "Hart", "9990000034", false); // ... itself superseded by ...034
    put("9990000034", "Ben", "Hart", null, false);
    put("9990000042", "Cara", "Hart", null, true);
  }

  void put(String nhs, String given, String family, String supersededBy, boolean sensitive) {
    store.put(nhs, new DemographicRecord(nhs, given, family, DOB, supersededBy, sensitive));
  }

  Verification verify(String nhs, String given, String family, LocalDate dob) {
    return DemographicMatcher.verify(
        new Subject(nhs, given, family, dob), n -> Optional.ofNullable(store.get(n)));
  }

  @Test
  @DisplayName("R2: the same name and date of birth verify, names trimmed and in any case")
  void verified() {
    assertThat(verify("9990001006", "Amelia", "Hart", DOB).outcome())
        .isEqualTo(Verification.Outcome.VERIFIED);
    assertThat(verify("9990001006", "  aMELIA ", "HART", DOB).verified()).isTrue();
  }

  @Test
  @DisplayName("R2 R26a: an NHS number with no demographic record is UNKNOWN (CPR01)")
  void unknown() {
    assertThat(verify("9990000050", "Amelia", "Hart", DOB).outcome())
        .isEqualTo(Verification.Outcome.UNKNOWN);
  }

  @Test
  @DisplayName("R2 R26a: each identifier that differs is named (CPR03), never its value")
  void mismatch() {
    Verification family = verify("9990001006", "Amelia", "Harte", DOB);
    assertThat(family.outcome()).isEqualTo(Verification.Outcome.MISMATCH);
    assertThat(family.mismatches()).containsExactly(Verification.Field.FAMILY_NAME);
    assertThat(verify("9990001006", "Amy", "Hart", DOB.plusDays(1)).mismatches())
        .containsExactly(Verification.Field.GIVEN_NAME, Verification.Field.BIRTH_DATE);
    assertThat(verify("9990001006", "Amelia", "Hart", null).mismatches())
        .containsExactly(Verification.Field.BIRTH_DATE);
  }

  @Test
  @DisplayName("R4 R26a: a superseded number resolves along its chain to the current one (CPR05)")
  void superseded() {
    Verification v = verify("9990000018", "Ben", "Hart", DOB);
    assertThat(v.outcome()).isEqualTo(Verification.Outcome.SUPERSEDED);
    assertThat(v.currentNhsNumber()).isEqualTo("9990000034");
    assertThat(DemographicMatcher.current("9990000026", n -> Optional.ofNullable(store.get(n))))
        .isEqualTo("9990000034");
    assertThat(DemographicMatcher.current("9990000034", n -> Optional.ofNullable(store.get(n))))
        .isEqualTo("9990000034");
  }

  @Test
  @DisplayName("R4: a loop in the replacement data ends the resolution instead of spinning")
  void loop() {
    put("9990000018", "Ben", "Hart", "9990000026", false);
    put("9990000026", "Ben", "Hart", "9990000018", false);
    assertThat(DemographicMatcher.current("9990000018", n -> Optional.ofNullable(store.get(n))))
        .isEqualTo("9990000026");
  }

  @Test
  @DisplayName("R26a: a sensitive record is SENSITIVE (CPR02) whatever the details say")
  void sensitive() {
    assertThat(verify("9990000042", "Wrong", "Name", DOB.minusYears(1)).outcome())
        .isEqualTo(Verification.Outcome.SENSITIVE);
  }
}

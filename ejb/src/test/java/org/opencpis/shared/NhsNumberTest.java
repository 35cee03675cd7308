package org.opencpis.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumberTest {

  @ParameterizedTest
  @ValueSource(strings = {"9434765919", "943 476 5919", "9990001006", "9990000018"})
  @DisplayName("R1: numbers with a valid modulus-11 check digit are accepted, spaces dropped")
  void valid(String raw) {
    assertThat(NhsNumber.of(raw).value()).isEqualTo(raw.replace(" ", ""));
  }

  @Test
  @DisplayName("R1: a wrong check digit is rejected, naming the field and the reason")
  void wrongCheckDigit() {
    assertThatThrownBy(() -> NhsNumber.of("9434765918"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("NHS number '9434765918' fails the modulus 11 check digit")
        .extracting(e -> ((InvalidValueException) e).field())
        .isEqualTo("NHS number");
  }

  @Test
  @DisplayName("R1: a number whose check digit would be 10 can never be valid")
  void checkDigitTen() {
    assertThat(NhsNumber.checkDigit("999000014")).isEqualTo(10);
    assertThat(NhsNumber.problemWith("9990000140")).contains("can never be valid");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "12345", "94347659199", "943476591X", "943-476-5919"})
  @DisplayName("R1: anything that is not 10 digits is rejected")
  void notTenDigits(String raw) {
    assertThat(NhsNumber.isValid(raw)).isFalse();
  }

  @Test
  @DisplayName("R1: a missing number is rejected as missing")
  void missing() {
    assertThat(NhsNumber.problemWith(null)).isEqualTo("is missing");
  }

  @Test
  void formattedAsPeopleReadIt() {
    assertThat(NhsNumber.of("9434765919").formatted()).isEqualTo("943 476 5919");
  }
}

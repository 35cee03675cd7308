package org.opencpis.demographics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DemographicCsvTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  DemographicCsv.Row parse(String line) {
    return DemographicCsv.parse(line, TODAY);
  }

  @Test
  @DisplayName("R2 R4: a good line holds the names, date of birth, replacement and sensitive flag")
  void good() {
    DemographicRecord r = parse("999 000 1006, Amelia ,Hart,2019-04-02,9990000018,yes").record();
    assertThat(r.nhsNumber()).isEqualTo("9990001006");
    assertThat(r.givenName()).isEqualTo("Amelia");
    assertThat(r.birthDate()).isEqualTo(LocalDate.of(2019, 4, 2));
    assertThat(r.supersededBy()).isEqualTo("9990000018");
    assertThat(r.sensitive()).isTrue();
    DemographicRecord plain = parse("9990001006,\"Mary, Jane\",O'Brien,2019-04-02,,").record();
    assertThat(plain.givenName()).isEqualTo("Mary, Jane");
    assertThat(plain.supersededBy()).isNull();
    assertThat(plain.sensitive()).isFalse();
  }

  @Test
  @DisplayName("R1 R5: a bad line is refused naming the column and why")
  void refused() {
    assertThat(parse("9990001007,Amelia,Hart,2019-04-02,,false").problem())
        .startsWith("nhsNumber")
        .contains("modulus 11");
    assertThat(parse("9990001006,Amelia,Hart,2019-04-02").problem()).contains("found 4");
    assertThat(parse("9990001006,,Hart,2019-04-02,,").problem()).isEqualTo("givenName is missing");
    assertThat(parse("9990001006,Amelia,Hart,02/04/2019,,").problem())
        .contains("birthDate '02/04/2019'");
    assertThat(parse("9990001006,Amelia,Hart,2027-01-01,,").problem()).contains("future");
    assertThat(parse("9990001006,Amelia,Hart,2019-04-02,9990001006,").problem())
        .contains("own NHS number");
    assertThat(parse("9990001006,Amelia,Hart,2019-04-02,123,").problem())
        .startsWith("supersededBy");
    assertThat(parse("9990001006,Amelia,Hart,2019-04-02,,maybe").problem())
        .contains("sensitive 'maybe'");
    assertThat(parse("9990001006,\"Amelia,Hart,2019-04-02,,").problem()).contains("not closed");
    assertThat(DemographicCsv.isHeader(DemographicCsv.HEADER)).isTrue();
  }
}

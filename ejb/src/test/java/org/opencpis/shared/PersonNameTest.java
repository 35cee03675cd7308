package org.opencpis.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PersonNameTest {

  @Test
  @DisplayName("R19: a viewer's name keeps its parts and reads prefix, given names, family, suffix")
  void parts() {
    PersonName n = new PersonName(" Dr ", List.of("Ada", " ", "Grace"), "Okafor", "MBE");
    assertThat(n.prefix()).isEqualTo("Dr");
    assertThat(n.given()).containsExactly("Ada", "Grace");
    assertThat(n.family()).isEqualTo("Okafor");
    assertThat(n.suffix()).isEqualTo("MBE");
    assertThat(n.display()).isEqualTo("Dr Ada Grace Okafor MBE");
    assertThat(n.given(1)).isEqualTo("Grace");
    assertThat(n.given(2)).isNull();
  }

  @Test
  @DisplayName("at most five given names are kept, as Spine reads them")
  void fiveGiven() {
    PersonName n = new PersonName(null, List.of("A", "B", "C", "D", "E", "F"), "Z", null);
    assertThat(n.given()).containsExactly("A", "B", "C", "D", "E");
    assertThat(n.display()).isEqualTo("A B C D E Z");
  }

  @Test
  @DisplayName("a name typed as one string is all family part; nothing at all is no name")
  void unparsedAndEmpty() {
    assertThat(PersonName.unparsed("Sam Patel").family()).isEqualTo("Sam Patel");
    assertThat(PersonName.unparsed("Sam Patel").display()).isEqualTo("Sam Patel");
    assertThat(PersonName.unparsed("  ")).isNull();
    assertThat(PersonName.ofParts(" ", List.of(), null, "")).isNull();
  }
}

package org.opencpis.hl7.handler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opencpis.shared.PersonName;

class CpisObservationsXcnTest {

  @Test
  @DisplayName(
      "R19: the viewer in the HL7 history is an XCN in parts: ^family^given^further^suffix^prefix")
  void xcnParts() {
    assertThat(
            CpisObservations.xcn(
                new PersonName("Dr", List.of("Ada", "Grace", "Li"), "Okafor", "MBE")))
        .isEqualTo("^Okafor^Ada^Grace Li^MBE^Dr");
    assertThat(CpisObservations.xcn(new PersonName(null, List.of("Bea"), "Okafor", null)))
        .isEqualTo("^Okafor^Bea");
    assertThat(CpisObservations.xcn(PersonName.unparsed("O'Neil^Smith")))
        .isEqualTo("^O'Neil\\S\\Smith");
  }

  @Test
  @DisplayName("an XCN's further given names and prefix are read into the name's parts")
  void readParts() {
    var p = new AttendanceMessage.Person("555000111222", "Okafor", "Ada", "Grace Li", "MBE", "Dr");
    assertThat(p.name())
        .isEqualTo(new PersonName("Dr", List.of("Ada", "Grace", "Li"), "Okafor", "MBE"));
    assertThat(p.displayName()).isEqualTo("Dr Ada Grace Li Okafor MBE");
  }
}

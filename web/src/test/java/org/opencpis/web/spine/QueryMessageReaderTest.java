package org.opencpis.web.spine;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.xml.bind.JAXBContext;
import java.io.InputStream;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opencpis.contract.hl7.ObjectFactory;
import org.opencpis.contract.hl7.QUPCIN000006GB01;

class QueryMessageReaderTest {

  @Test
  @DisplayName(
      "J4: the query's effectiveTime (when the user looked, by the sending system's clock) is read"
          + " to be kept with the access, beside its event id and the sender")
  void effectiveTime() throws Exception {
    QUPCIN000006GB01 m;
    try (InputStream in = getClass().getResourceAsStream("query-person.xml")) {
      m =
          JAXBContext.newInstance(ObjectFactory.class)
              .createUnmarshaller()
              .unmarshal(new StreamSource(in), QUPCIN000006GB01.class)
              .getValue();
    }

    QueryMessageReader.Read read = QueryMessageReader.read(m);

    assertThat(read.effectiveTime()).isEqualTo("20261125120000");
    assertThat(read.senderAsid()).isNotBlank();
    assertThat(read.eventId()).isNotBlank();
  }
}

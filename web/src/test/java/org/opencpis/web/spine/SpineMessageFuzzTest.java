package org.opencpis.web.spine;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.opencpis.contract.hl7.ObjectFactory;
import org.opencpis.contract.hl7.QUPCIN000006GB01;
import org.opencpis.contract.hl7.REPCMT000002GB01File;
import org.opencpis.contract.hl7.REPCMT000003GB01FileResponse;
import org.opencpis.hub.application.HubFault;
import org.opencpis.hub.application.UploadAnswer;
import org.opencpis.hub.domain.FileCode;
import org.opencpis.hub.domain.ReceivedRecord;
import org.opencpis.hub.domain.RecordOutcome;
import org.opencpis.hub.domain.UploadRecordValidator;

/**
 * Coverage-guided fuzzing of the SOAP message readers (issue 9, Jazzer): the cpisquery query
 * ({@link QueryMessageReader}) and the cpisupload file ({@link UploadMessageReader}, then each
 * record through the hub's {@link UploadRecordValidator}). Whatever the message, once JAXB has read
 * it (as CXF does before the endpoint is called; what it cannot read is a SOAP client fault), the
 * reader either gives what the message says or refuses it with a Spine error code and a message; a
 * record is either an update or a refusal with a CPR code naming the field, never repeating the
 * record's NHS number; nothing else is thrown. The fields are fuzzed inside well-formed messages
 * (each line of a valid message kept, dropped, or its value replaced), and any bytes are fuzzed
 * from the valid messages as seeds. Replayed by {@code ./mvnw test}; fuzzed with {@code
 * JAZZER_FUZZ=1} (README, "Fuzzing").
 */
class SpineMessageFuzzTest {

  private static final JAXBContext JAXB = context();
  private static final List<String> QUERY_PERSON = lines("query-person.xml");
  private static final List<String> QUERY_SYSTEM = lines("query-system.xml");
  private static final List<String> UPLOAD = lines("upload.xml");

  /** A value in a line of a template: an attribute's value or an element's text. */
  private static final Pattern VALUE = Pattern.compile("=\"([^\"]*)\"|>([^<]+)<");

  @FuzzTest(maxDuration = "30s")
  void queryFields(FuzzedDataProvider data) {
    String xml = mutate(data.consumeBoolean() ? QUERY_PERSON : QUERY_SYSTEM, data);
    readQuery(xml.getBytes(StandardCharsets.UTF_8));
  }

  @FuzzTest(maxDuration = "30s")
  void queryBytes(FuzzedDataProvider data) {
    readQuery(data.consumeRemainingAsBytes());
  }

  @FuzzTest(maxDuration = "30s")
  void uploadFields(FuzzedDataProvider data) {
    int sequence = data.consumeInt(1, Integer.MAX_VALUE);
    String xml = mutate(UPLOAD, data);
    REPCMT000002GB01File file =
        unmarshal(xml.getBytes(StandardCharsets.UTF_8), REPCMT000002GB01File.class);
    if (file == null) {
      return;
    }
    UploadMessageReader.Read read;
    try {
      read = UploadMessageReader.read(file, "200000000855");
    } catch (HubFault refused) {
      // a file id that is no sequence number refuses the whole file, naming it
      assertThat(refused.code()).isEqualTo(HubFault.INVALID_DATA + "|File/id");
      assertThat(refused.getMessage()).isNotBlank();
      return;
    }
    assertThat(read.records()).hasSize(file.getRecord().size());
    List<RecordOutcome> outcomes = new ArrayList<>();
    int position = 0;
    for (ReceivedRecord r : read.records()) {
      position++;
      UploadRecordValidator.Checked checked = UploadRecordValidator.check("855", position, r);
      if (checked.ok()) {
        assertThat(checked.update()).isNotNull();
        assertThat(checked.update().nhsNumber().value()).matches("[0-9]{10}");
        outcomes.add(RecordOutcome.success(position, checked.update().localChildId()));
      } else {
        assertThat(checked.refusal().code()).isNotNull();
        assertThat(checked.refusal().detail()).isNotBlank();
        String nhs = r.nhsNumber() == null ? "" : r.nhsNumber().strip();
        if (nhs.length() >= 6) {
          assertThat(checked.refusal().detail()).doesNotContain(nhs);
        }
        outcomes.add(checked.refusal());
      }
    }
    // whatever was read, the acknowledgement is written: one code per record, at its position
    int loaded = (int) outcomes.stream().filter(RecordOutcome::loaded).count();
    REPCMT000003GB01FileResponse ack =
        FileResponseWriter.write(
            file,
            read,
            new UploadAnswer(
                read.fileSequenceId(),
                FileCode.forCounts(loaded, outcomes.size() - loaded),
                null,
                loaded,
                outcomes.size() - loaded,
                outcomes),
            Instant.parse("2026-11-25T12:00:00Z"),
            ZoneId.of("Europe/London"));
    if (!outcomes.isEmpty()) {
      assertThat(ack.getAcknowledgementRecord().getAcknowledgementRecordDetail())
          .hasSize(outcomes.size());
    }
    assertThat(
            ack.getAcknowledgementFile()
                .getAcknowledgementFileDetail()
                .get(0)
                .getCode()
                .getDisplayName())
        .isNotBlank();
  }

  /** A query read or refused with a Spine code; nothing else. */
  private static void readQuery(byte[] xml) {
    QUPCIN000006GB01 m = unmarshal(xml, QUPCIN000006GB01.class);
    if (m == null) {
      return;
    }
    try {
      QueryMessageReader.Read read = QueryMessageReader.read(m);
      assertThat(read.messageId()).isNotBlank();
      assertThat(read.eventId()).isNotNull();
      assertThat(read.nhsNumber()).isNotBlank();
      assertThat(read.senderAsid()).isNotBlank();
      assertThat(read.viewer()).isNotNull();
      assertThat(read.viewer().organisationOds()).isNotBlank();
    } catch (HubFault refused) {
      assertThat(refused.code()).startsWith("ErrorBase");
      assertThat(refused.field()).isNotBlank();
      assertThat(refused.getMessage()).isNotBlank();
    }
  }

  /**
   * The message as CXF's JAXB reads it from a SOAP body with no DTD or external entity, or null
   * when it cannot be read (a client fault before any endpoint).
   */
  private static <T> T unmarshal(byte[] xml, Class<T> type) {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try {
      XMLStreamReader reader = f.createXMLStreamReader(new ByteArrayInputStream(xml));
      try {
        return JAXB.createUnmarshaller().unmarshal(reader, type).getValue();
      } finally {
        reader.close();
      }
    } catch (JAXBException | XMLStreamException | RuntimeException unreadable) {
      // only JAXB ran: what it cannot read (malformed XML, "abc" for an integer: it throws
      // NumberFormatException itself) CXF answers as a SOAP client fault before any endpoint
      return null;
    }
  }

  /** Each line kept, dropped, or its value replaced (escaped, or raw and so maybe malformed). */
  private static String mutate(List<String> template, FuzzedDataProvider data) {
    StringBuilder xml = new StringBuilder();
    for (String line : template) {
      switch (data.consumeInt(0, 7)) {
        case 1 -> {}
        case 2 -> xml.append(replaceValue(line, escape(data.consumeString(60)))).append('\n');
        case 3 -> xml.append(replaceValue(line, data.consumeString(12))).append('\n');
        case 4 -> xml.append(replaceValue(line, "")).append('\n');
        default -> xml.append(line).append('\n');
      }
    }
    return xml.toString();
  }

  private static String replaceValue(String line, String value) {
    Matcher m = VALUE.matcher(line);
    if (!m.find()) {
      return line;
    }
    int group = m.group(1) != null ? 1 : 2;
    return line.substring(0, m.start(group)) + value + line.substring(m.end(group));
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static List<String> lines(String resource) {
    try (InputStream in = SpineMessageFuzzTest.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JAXBContext context() {
    try {
      return JAXBContext.newInstance(ObjectFactory.class);
    } catch (JAXBException e) {
      throw new IllegalStateException(e);
    }
  }

  static {
    // the readers are given what a valid message says: checked once, so a template gone wrong
    // fails here and not as a fuzzing run that never reaches the readers
    for (List<String> t : List.of(QUERY_PERSON, QUERY_SYSTEM)) {
      QUPCIN000006GB01 m =
          unmarshal(String.join("\n", t).getBytes(StandardCharsets.UTF_8), QUPCIN000006GB01.class);
      if (m == null || !"9990000018".equals(QueryMessageReader.read(m).nhsNumber())) {
        throw new IllegalStateException("a query template does not read as a valid query");
      }
    }
  }
}

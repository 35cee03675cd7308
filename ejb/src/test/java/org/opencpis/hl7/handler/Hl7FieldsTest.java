package org.opencpis.hl7.handler;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import jakarta.persistence.Column;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opencpis.hl7.Hl7Codec;
import org.opencpis.hl7.Hl7Settings;
import org.opencpis.hl7.Peer;
import org.opencpis.hl7.store.Attendance;
import org.opencpis.hub.domain.AccessEvent;
import org.opencpis.hub.domain.Viewer;
import org.opencpis.shared.Settings;

/**
 * Over-long and malformed values are refused AR 102 naming the field, before the hub or the store
 * sees them; the limits are the columns'.
 */
class Hl7FieldsTest {

  static final String FACILITY = "cpis.hl7.facility.RXT";
  static final Peer PEER = Peer.plain(InetAddress.getLoopbackAddress());

  final Hl7Codec codec = new Hl7Codec();
  final Hl7Gateway gateway = new Hl7Gateway();
  final AtomicInteger processed = new AtomicInteger();

  @BeforeEach
  void wire() {
    System.setProperty(FACILITY, "care-setting=ED;peers=127.0.0.1");
    codec.init();
    Responses responses = new Responses();
    responses.codec = codec;
    responses.settings = new Settings();
    gateway.codec = codec;
    gateway.audit = new org.opencpis.audit.AuditContext();
    gateway.settings = new Hl7Settings();
    gateway.responses = responses;
    gateway.processor =
        new Hl7Processor() {
          @Override
          public Optional<Previous> previous(String key) {
            return Optional.empty();
          }

          @Override
          public String query(Message qbp, Header h, CpisQuery q, String raw, String digest) {
            processed.incrementAndGet();
            return "MSH|^~\\&|CPIS|OPENCPIS|||||RSP^K11|A1|P|2.5\rMSA|AA|" + h.controlId() + "\r";
          }

          @Override
          public String attendance(
              Message adt, Header h, AttendanceMessage a, String raw, String digest) {
            processed.incrementAndGet();
            return "MSH|^~\\&|CPIS|OPENCPIS|||||ACK|A2|P|2.5\rMSA|AA|" + h.controlId() + "\r";
          }

          @Override
          public void keepRefusal(
              Header h, String raw, String digest, String ackCode, String answer) {}
        };
  }

  @AfterEach
  void clear() {
    System.clearProperty(FACILITY);
  }

  static String qbp(String id, String tag, String person, String role) {
    return "MSH|^~\\&|ENGINE|RXT|CPIS|OPENCPIS|20261125101500||QBP^Q11^QBP_Q11|"
        + id
        + "|P|2.5\r"
        + "QPD|CPIS^CP-IS query^L|"
        + tag
        + "|9990001006^^^NHS^NH|"
        + person
        + "|"
        + role
        + "\rRCP|I\r";
  }

  static String adt(String id, String pointOfCare, String attending, String visit) {
    return "MSH|^~\\&|ENGINE|RXT|CPIS|OPENCPIS|20261125101500||ADT^A04^ADT_A01|"
        + id
        + "|P|2.5\r"
        + "EVN|A04|20261125101500\r"
        + "PID|1||9990001006^^^NHS^NH||Patel^Noah||20180614|M\r"
        + "PV1|1|E|"
        + pointOfCare
        + "^^^RXT||||"
        + attending
        + "||||||||||||"
        + visit
        + "^^^RXT^VN\r";
  }

  Terser answer(String message) throws Exception {
    return new Terser(codec.parse(gateway.answer(message, PEER)));
  }

  void assertRefused(Terser t, String segment, String field, String text) throws Exception {
    assertThat(t.get("/MSA-1")).isEqualTo("AR");
    assertThat(t.get("/ERR-3-1")).isEqualTo("102");
    assertThat(t.get("/ERR-2-1")).isEqualTo(segment);
    assertThat(t.get("/ERR-2-3")).isEqualTo(field);
    assertThat(t.get("/ERR-8")).contains(text);
    assertThat(processed).hasValue(0);
  }

  @Test
  @DisplayName("A 40-digit SDS user id in QPD-4: AR 102 at QPD-4, the hub not asked")
  void longSdsUserId() throws Exception {
    Terser t = answer(qbp("C1", "Q1", "1".repeat(40) + "^Okafor^Ada", "R8001^Nurse"));

    assertRefused(t, "QPD", "4", "(person identifier) is longer than 20 characters");
    assertThat(t.get("/QAK-2")).isEqualTo("AR");
  }

  @Test
  @DisplayName("A 10,000-character family name, in QPD-4 or PV1-7: AR 102 at that field")
  void longFamilyName() throws Exception {
    String name = "O".repeat(10_000);

    assertRefused(
        answer(qbp("C2", "Q1", "555000111222^" + name + "^Ada", "R8001^Nurse")),
        "QPD",
        "4",
        "longer than 200 characters");
    assertRefused(
        answer(adt("C3", "ED", "G1^" + name + "^Ada", "V1")),
        "PV1",
        "7",
        "longer than 200 characters");
  }

  @Test
  @DisplayName(
      "Over-long query tag, job role, control id, sending application, visit, place: AR 102")
  void otherLongValues() throws Exception {
    assertRefused(
        answer(qbp("C4", "T".repeat(81), "555000111222^Okafor^Ada", "R8001^Nurse")),
        "QPD",
        "2",
        "query tag");
    assertRefused(
        answer(qbp("C5", "Q1", "555000111222^Okafor^Ada", "R".repeat(21) + "^Nurse")),
        "QPD",
        "5",
        "job role code");
    assertRefused(
        answer(qbp("C6", "Q1", "555000111222^Okafor^Ada", "R8001^" + "N".repeat(121))),
        "QPD",
        "5",
        "job role name");
    assertRefused(
        answer(qbp("C".repeat(81), "Q1", "555000111222^Okafor^Ada", "R8001^Nurse")),
        "MSH",
        "10",
        "message control id");
    assertRefused(
        answer(
            qbp("C7", "Q1", "555000111222^Okafor^Ada", "R8001^Nurse")
                .replace("ENGINE", "E".repeat(21))),
        "MSH",
        "3",
        "sending application");
    assertRefused(answer(adt("C8", "ED", "G1^Okafor^Ada", "V".repeat(201))), "PV1", "19", "visit");
    assertRefused(
        answer(adt("C9", "E".repeat(41), "G1^Okafor^Ada", "V1")), "PV1", "3", "point of care");
  }

  @Test
  @DisplayName("A control character in a name, a NUL in the message: AR 102, never AE")
  void malformed() throws Exception {
    assertRefused(
        answer(qbp("C10", "Q1", "555000111222^Oka\u0007for^Ada", "R8001^Nurse")),
        "QPD",
        "4",
        "control character");
    Terser nul = answer(qbp("C11", "Q1", "555000111222^Oka\u0000for^Ada", "R8001^Nurse"));
    assertThat(nul.get("/MSA-1")).isEqualTo("AR");
    assertThat(nul.get("/ERR-3-1")).isEqualTo("102");
    assertThat(nul.get("/ERR-8")).contains("NUL");
  }

  @Test
  @DisplayName("Values at their limits are taken")
  void atTheLimits() throws Exception {
    Terser q =
        answer(
            qbp(
                "C".repeat(80),
                "T".repeat(80),
                "1".repeat(20) + "^" + "F".repeat(100) + "^" + "G".repeat(99),
                "R".repeat(20) + "^" + "N".repeat(120)));
    Terser a = answer(adt("C12", "E".repeat(40), "G1^Okafor^Ada", "V".repeat(200)));

    assertThat(q.get("/MSA-1")).isEqualTo("AA");
    assertThat(a.get("/MSA-1")).isEqualTo("AA");
    assertThat(processed).hasValue(2);
  }

  @Test
  @DisplayName("The limits are no larger than the columns the values are stored in")
  void limitsFitTheColumns() throws Exception {
    assertThat(FieldCheck.PERSON_ID).isLessThanOrEqualTo(length(Viewer.class, "sdsUserId"));
    assertThat(FieldCheck.PERSON_NAME).isLessThanOrEqualTo(length(Viewer.class, "name"));
    assertThat(FieldCheck.SENDING_APPLICATION)
        .isLessThanOrEqualTo(length(Viewer.class, "systemAsid"));
    assertThat(FieldCheck.JOB_ROLE_CODE).isLessThanOrEqualTo(length(Viewer.class, "jobRoleCode"));
    assertThat(FieldCheck.JOB_ROLE_NAME).isLessThanOrEqualTo(length(Viewer.class, "jobRoleName"));
    assertThat(FieldCheck.QUERY_EVENT_ID)
        .isLessThanOrEqualTo(length(AccessEvent.class, "queryEventId"));
    assertThat(FieldCheck.VISIT_NUMBER)
        .isLessThanOrEqualTo(length(Attendance.class, "visitNumber"));
    // the facility's name (the administrator's), ", " and the place
    assertThat(FieldCheck.POINT_OF_CARE + 2).isLessThan(length(Viewer.class, "organisationName"));
  }

  static int length(Class<?> entity, String field) throws NoSuchFieldException {
    Field f = entity.getDeclaredField(field);
    return f.getAnnotation(Column.class).length();
  }
}

package org.opencpis.hl7.handler;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.model.Message;
import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opencpis.hl7.Hl7Codec;
import org.opencpis.hl7.Hl7Settings;
import org.opencpis.hl7.Peer;
import org.opencpis.shared.Settings;

/**
 * What the HL7 package writes to the server log, at every level, while it answers messages full of
 * personal data, each refused or failing another way: never an NHS number, a name or a date of
 * birth, not even inside an exception's message.
 */
class Hl7LogsTest {

  static final String FACILITY = "cpis.hl7.facility.RXT";
  static final String NHS = "9990001006";
  static final String BAD_NHS = "9990001007";
  static final String FAMILY = "Zebedee-Quartermaine";
  static final String GIVEN = "Philomena";
  static final String DOB = "20180614";
  static final String NURSE = "Okonkwo-Smythe";

  final Hl7Codec codec = new Hl7Codec();
  final Hl7Gateway gateway = new Hl7Gateway();
  final List<LogRecord> records = new ArrayList<>();
  final Logger hl7 = Logger.getLogger("org.opencpis.hl7");
  Level level;

  final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          records.add(r);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void wire() {
    System.setProperty(FACILITY, "care-setting=ED;peers=127.0.0.1");
    level = hl7.getLevel();
    hl7.setLevel(Level.ALL);
    hl7.addHandler(capture);
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
          public String attendance(
              Message adt, Header h, AttendanceMessage a, String raw, String digest) {
            // a database error whose message quotes the values, as H2's do
            throw new EJBException(
                new PersistenceException(
                    "Value too long for column VIEWER_NAME: '"
                        + GIVEN
                        + " "
                        + FAMILY
                        + "' "
                        + NHS));
          }

          @Override
          public String query(Message qbp, Header h, CpisQuery q, String raw, String digest) {
            throw new IllegalStateException("cannot build the answer for " + NHS + " " + NURSE);
          }

          @Override
          public void keepRefusal(
              Header h, String raw, String digest, String ackCode, String answer) {
            throw new PersistenceException("cannot keep " + raw);
          }
        };
  }

  @AfterEach
  void clear() {
    hl7.removeHandler(capture);
    hl7.setLevel(level);
    System.clearProperty(FACILITY);
  }

  static String msh(String facility, String type, String id) {
    return "MSH|^~\\&|ENGINE|"
        + facility
        + "|CPIS|OPENCPIS|20261125101500||"
        + type
        + "|"
        + id
        + "|P|2.5\r";
  }

  static String pid(String nhs) {
    return "PID|1||" + nhs + "^^^NHS^NH||" + FAMILY + "^" + GIVEN + "||" + DOB + "|F\r";
  }

  static String adt(String facility, String id, String nhs) {
    return msh(facility, "ADT^A04^ADT_A01", id)
        + "EVN|A04|20261125101500\r"
        + pid(nhs)
        + "PV1|1|E|ED^^^RXT||||G1^"
        + NURSE
        + "^Ada||||||||||||V1^^^RXT^VN\r";
  }

  static String qbp(String facility, String id, String nhs) {
    return msh(facility, "QBP^Q11^QBP_Q11", id)
        + "QPD|CPIS^CP-IS query^L|Q-1|"
        + nhs
        + "^^^NHS^NH|555000111222^"
        + NURSE
        + "^"
        + GIVEN
        + "\rRCP|I\r";
  }

  @Test
  @DisplayName(
      "No NHS number, name or date of birth in the log: unparseable, refused, unknown facility, wrong peer, database down")
  void nothingPersonal() throws Exception {
    Peer local = Peer.plain(InetAddress.getLoopbackAddress());
    Peer elsewhere = Peer.plain(InetAddress.getByName("10.9.8.7"));

    // unparseable: HAPI's message quotes the text
    gateway.answer("MSH|^~\\&|ENGINE|RXT\r" + pid(NHS) + "XYZ|" + FAMILY, local);
    gateway.answer("PID|1||" + NHS + "^^^NHS^NH||" + FAMILY + "^" + GIVEN + "||" + DOB, local);
    // a bad NHS number (AR 102), kept and failing to be kept
    gateway.answer(adt("RXT", "C1", BAD_NHS), local);
    // an unknown facility, and a peer that is not the facility's (AR 103)
    gateway.answer(adt("ZZZ", "C2", NHS), local);
    gateway.answer(qbp("RXT", "C3", NHS), elsewhere);
    // the database and the answer failing (AE 207)
    gateway.answer(adt("RXT", "C4", NHS), local);
    gateway.answer(qbp("RXT", "C5", NHS), local);
    // control characters and personal data in MSH-10 (a forged log line)
    gateway.answer(adt("RXT", "X\nSEVERE " + NHS, NHS), local);
    // a frame too large
    gateway.tooLarge(msh("RXT", "QBP^Q11^QBP_Q11", "C6"), 1024);

    assertThat(records)
        .extracting(Hl7LogsTest::text)
        .anyMatch(t -> t.contains("refused AR 100"))
        .anyMatch(t -> t.contains("refused AR 102 at PID-3"))
        .anyMatch(t -> t.contains("is not one of the facility's peers"))
        .anyMatch(t -> t.contains("not processed now (AE 207): PersistenceException"))
        .anyMatch(t -> t.contains("not processed now (AE 207): IllegalStateException"))
        .anyMatch(t -> t.contains("X?SEVERE ##########"));
    for (LogRecord r : records) {
      String text = text(r);
      assertThat(text)
          .as("log line: %s", text)
          .doesNotContain(NHS)
          .doesNotContain(BAD_NHS)
          .doesNotContain(FAMILY)
          .doesNotContain(GIVEN)
          .doesNotContain(DOB)
          .doesNotContain(NURSE)
          .doesNotContain("\n");
    }
  }

  /** The record as a log file would show it: its message with parameters, and its exception. */
  static String text(LogRecord r) {
    StringBuilder b = new StringBuilder(String.valueOf(r.getMessage()));
    if (r.getParameters() != null) {
      for (Object p : r.getParameters()) {
        b.append(' ').append(p);
      }
    }
    for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
      b.append(' ').append(t);
    }
    return b.toString();
  }
}

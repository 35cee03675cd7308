package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs after every other integration test (see junit-platform.properties) and searches the server's
 * log for each NHS number, name and date of birth the tests sent: the log carries what an audit of
 * the service needs (which LA, which organisation, file and event ids) and no personal data.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(Integer.MAX_VALUE)
class LogHygieneIT {

  static final DateTimeFormatter HL7_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  @Test
  @DisplayName("no NHS number, name or date of birth the tests sent is in server.log")
  void noPersonalDataInTheLog() throws IOException {
    Path log = Path.of(System.getProperty("it.server.base"), "log", "server.log");
    String text = Files.readString(log, StandardCharsets.ISO_8859_1);
    assertThat(SentValues.NHS_NUMBERS)
        .as("the tests ran before this one and sent NHS numbers")
        .hasSizeGreaterThan(20);

    List<String> found = new ArrayList<>();
    for (String nhs : SentValues.NHS_NUMBERS) {
      // also "999 123 4567", as a person would write it
      String spaced = nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6);
      if (text.contains(nhs) || text.contains(spaced)) {
        found.add("NHS number " + nhs + lineOf(text, text.contains(nhs) ? nhs : spaced));
      }
    }
    for (String name : SentValues.NAMES) {
      if (name.length() < 3) {
        continue;
      }
      var m = Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(text);
      if (m.find()) {
        found.add("name " + name + lineOf(text, m.group()));
      }
    }
    // a date of birth in the log's own days cannot be told from a time stamp
    LocalDate recent = LocalDate.now().minusDays(40);
    for (LocalDate dob : SentValues.BIRTH_DATES) {
      if (dob.isAfter(recent)) {
        continue;
      }
      for (String form : List.of(dob.toString(), dob.format(HL7_DATE))) {
        if (text.contains(form)) {
          found.add("date of birth " + form + lineOf(text, form));
        }
      }
    }
    assertThat(found).as("personal data in " + log).isEmpty();
  }

  private static String lineOf(String text, String value) {
    int at = text.indexOf(value);
    int start = text.lastIndexOf('\n', at) + 1;
    int end = text.indexOf('\n', at);
    return ": " + text.substring(start, end < 0 ? text.length() : Math.min(end, start + 300));
  }
}

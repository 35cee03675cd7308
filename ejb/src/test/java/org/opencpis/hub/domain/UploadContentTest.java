package org.opencpis.hub.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The digest that tells the same file sent again from other content under the same number. */
class UploadContentTest {

  static ReceivedRecord record(String child, String nhs, String given, String end) {
    return new ReceivedRecord(
        child,
        SubjectKind.CHILD,
        nhs,
        given,
        "Hart",
        "20190402",
        "CPP",
        null,
        "20260901",
        end,
        null,
        "01164960111",
        "01164960999");
  }

  static String digest(List<ReceivedRecord> records) {
    return UploadContent.digest("855", 7, records.size(), records);
  }

  @Test
  @DisplayName("R9: the same content is the same file: same digest, a SHA-256 in hex")
  void sameContent() {
    String a = digest(List.of(record("L-1", "9990001006", "Amelia", null)));
    String b = digest(List.of(record("L-1", "9990001006", "Amelia", null)));
    assertThat(a).isEqualTo(b).hasSize(64).matches("[0-9a-f]{64}");
  }

  @Test
  @DisplayName("R9: any value changed, a record more, or records in another order is other content")
  void otherContent() {
    ReceivedRecord one = record("L-1", "9990001006", "Amelia", null);
    ReceivedRecord two = record("L-2", "9990001014", "Ben", null);
    String base = digest(List.of(one, two));
    assertThat(digest(List.of(one, record("L-2", "9990001014", "Ben", "20261101"))))
        .isNotEqualTo(base);
    assertThat(digest(List.of(one, record("L-2", "9990001014", "Benn", null)))).isNotEqualTo(base);
    assertThat(digest(List.of(two, one))).isNotEqualTo(base);
    assertThat(digest(List.of(one))).isNotEqualTo(base);
    assertThat(UploadContent.digest("856", 7, 2, List.of(one, two))).isNotEqualTo(base);
    assertThat(UploadContent.digest("855", 8, 2, List.of(one, two))).isNotEqualTo(base);
    assertThat(UploadContent.digest("855", 7, 3, List.of(one, two))).isNotEqualTo(base);
  }

  @Test
  @DisplayName(
      "R9: values are written with their lengths: a shifted boundary or an empty value for an absent one is other content")
  void noTwoContentsShareAnEncoding() {
    ReceivedRecord ab =
        new ReceivedRecord(
            "ab",
            SubjectKind.CHILD,
            "c",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    ReceivedRecord a =
        new ReceivedRecord(
            "a",
            SubjectKind.CHILD,
            "bc",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    assertThat(digest(List.of(ab))).isNotEqualTo(digest(List.of(a)));
    assertThat(digest(List.of(record("L-1", "9990001006", "", null))))
        .isNotEqualTo(digest(List.of(record("L-1", "9990001006", null, null))));
    assertThat(UploadContent.digest("855", null, 1, List.of(ab)))
        .isNotEqualTo(UploadContent.digest("855", 0, 1, List.of(ab)));
  }
}

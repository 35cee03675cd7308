package org.opencpis.hub.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The national sequence rule of a council's upload stream. */
class UploadStreamTest {

  @Test
  @DisplayName("R9: a new stream takes file 1 first; anything else is ahead, never applied")
  void firstFile() {
    UploadStream s = new UploadStream("855", UploadChannel.CPISUPLOAD);
    assertThat(s.next()).isEqualTo(1);
    assertThat(s.admit(1)).isEqualTo(UploadStream.Admission.NEXT);
    assertThat(s.admit(2)).isEqualTo(UploadStream.Admission.AHEAD);
    assertThat(s.admit(Integer.MAX_VALUE)).isEqualTo(UploadStream.Admission.AHEAD);
    assertThat(s.admit(0)).isEqualTo(UploadStream.Admission.AHEAD);
    assertThat(s.admit(-5)).isEqualTo(UploadStream.Admission.AHEAD);
  }

  @Test
  @DisplayName(
      "R9: each file must be exactly the next; a number taken is a repeat; a gap is refused, so a huge number cannot end the stream")
  void strictlyNext() {
    UploadStream s = new UploadStream("855", UploadChannel.CPISUPLOAD);
    s.answered(1, FileCode.CPF02);
    s.answered(2, FileCode.CPF03);
    s.answered(3, FileCode.CPF04);
    assertThat(s.last()).isEqualTo(3);
    assertThat(s.admit(4)).isEqualTo(UploadStream.Admission.NEXT);
    assertThat(s.admit(1)).isEqualTo(UploadStream.Admission.TAKEN);
    assertThat(s.admit(3)).isEqualTo(UploadStream.Admission.TAKEN);
    assertThat(s.admit(5)).isEqualTo(UploadStream.Admission.AHEAD);

    // a file that is not the next one never moves the stream, whatever its answer
    s.answered(Integer.MAX_VALUE, FileCode.CPF02);
    s.answered(2, FileCode.CPF02);
    assertThat(s.last()).isEqualTo(3);
    assertThat(s.next()).isEqualTo(4);
  }

  @Test
  @DisplayName(
      "R28 R26a: on cpisupload a corrupt (CPF01) or unchecked (CPF05) file keeps its number for the same file sent again")
  void cpisuploadKeepsTheNumberOfAFileNotApplied() {
    UploadStream s = new UploadStream("855", UploadChannel.CPISUPLOAD);
    s.answered(1, FileCode.CPF05);
    s.answered(1, FileCode.CPF01);
    assertThat(s.admit(1)).isEqualTo(UploadStream.Admission.NEXT);
    s.answered(1, FileCode.CPF02);
    assertThat(s.admit(1)).isEqualTo(UploadStream.Admission.TAKEN);
    assertThat(s.next()).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "R9: the council workflow numbers each file once: every answered file takes its number, so the next file is never held up")
  void councilWorkflowTakesEveryNumber() {
    UploadStream s = new UploadStream("855", UploadChannel.COUNCIL_WORKFLOW);
    s.answered(1, FileCode.CPF05);
    assertThat(s.admit(1)).isEqualTo(UploadStream.Admission.TAKEN);
    assertThat(s.admit(2)).isEqualTo(UploadStream.Admission.NEXT);
  }

  @Test
  @DisplayName(
      "Security: the stream is the council's per channel, never a sending system's: one key per council and channel")
  void keyedByCouncilAndChannel() {
    assertThat(UploadStream.key("855", UploadChannel.CPISUPLOAD)).isEqualTo("855|CPISUPLOAD");
    assertThat(UploadStream.key("855", UploadChannel.COUNCIL_WORKFLOW))
        .isEqualTo("855|OPENCPIS-CASEWORK");
    assertThat(new UploadStream("855", UploadChannel.COUNCIL_WORKFLOW).channel())
        .isEqualTo(UploadChannel.COUNCIL_WORKFLOW);
  }
}

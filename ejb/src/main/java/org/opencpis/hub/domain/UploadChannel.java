package org.opencpis.hub.domain;

/**
 * The way a council's files reach the hub; each council has one stream of files per channel,
 * numbered by its sender from 1. The channel is decided by the server from the path a file came by
 * (the cpisupload service, or the council workflow's internal queue), never from anything the file
 * says, so no sender can move another channel's stream.
 */
public enum UploadChannel {
  /**
   * An LA's case-management system over the cpisupload web service, authenticated as an uploader of
   * that LA. A file the hub could not apply (CPF01 corrupt, CPF05 demographics unavailable) does
   * not take its number: the LA sends it again under the same fileSequenceId.
   */
  CPISUPLOAD("CPISUPLOAD", false),

  /**
   * OpenCPIS's own council workflow (casework, over the CpisRecordUpdates queue). It numbers each
   * file once and never sends a number again: every file takes its number whatever its answer, and
   * the council's answer to a failure is a new file (the child's record saved again).
   */
  COUNCIL_WORKFLOW("OPENCPIS-CASEWORK", true);

  private final String streamName;
  private final boolean everyAnswerTakesTheNumber;

  UploadChannel(String streamName, boolean everyAnswerTakesTheNumber) {
    this.streamName = streamName;
    this.everyAnswerTakesTheNumber = everyAnswerTakesTheNumber;
  }

  /** The name of the channel's stream in the database (the stream and submission "sender"). */
  public String streamName() {
    return streamName;
  }

  /** Whether a file answered without being applied (CPF01, CPF05) still takes its number. */
  public boolean unappliedFileTakesItsNumber() {
    return everyAnswerTakesTheNumber;
  }

  /** Whether a file answered with this code took its number in this channel's stream. */
  public boolean tookItsNumber(FileCode answer) {
    return everyAnswerTakesTheNumber || answer.applied();
  }
}

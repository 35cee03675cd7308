package org.opencpis.hub.domain;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical content of an upload file, as a SHA-256 digest kept with its submission: what
 * decides whether a file sent again under a number already taken is the same file (answered as
 * before) or other content reusing the number (refused).
 *
 * <p>The content is what the file asks of the register: the sending LA, the sequence id, the
 * declared record count and every record's values, in order. The message id, the creation times and
 * the sending system are envelope, not content: a system that resends a file under a new message id
 * sends the same file. Each value is written with its length (or as absent), so no two different
 * contents share an encoding ("ab" + "c" is not "a" + "bc", absent is not empty).
 */
public final class UploadContent {

  private static final String VERSION = "cpisupload-content-1";

  private UploadContent() {}

  public static String digest(
      String laCode, Integer fileSequenceId, Integer declaredCount, List<ReceivedRecord> records) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      text(out, VERSION);
      text(out, laCode);
      number(out, fileSequenceId);
      number(out, declaredCount);
      out.writeInt(records.size());
      for (ReceivedRecord r : records) {
        text(out, r.localChildId());
        text(out, r.subjectKind() == null ? null : r.subjectKind().name());
        text(out, r.nhsNumber());
        text(out, r.givenName());
        text(out, r.familyName());
        text(out, r.birthDate());
        text(out, r.planCode());
        text(out, r.legalStatus());
        text(out, r.startDate());
        text(out, r.endDate());
        text(out, r.deleteDate());
        text(out, r.officeHoursPhone());
        text(out, r.emergencyDutyPhone());
        if (r.unreadable() != null) {
          text(out, r.unreadableField());
          text(out, r.unreadable());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static void text(DataOutputStream out, String value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static void number(DataOutputStream out, Integer value) throws IOException {
    out.writeBoolean(value != null);
    out.writeInt(value == null ? 0 : value);
  }
}

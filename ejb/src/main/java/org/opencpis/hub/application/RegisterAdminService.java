package org.opencpis.hub.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.opencpis.audit.Audited;
import org.opencpis.hub.domain.LocalAuthority;
import org.opencpis.hub.domain.SharedRecord;
import org.opencpis.hub.domain.UploadChannel;
import org.opencpis.hub.domain.UploadStream;
import org.opencpis.hub.domain.UploadSubmission;
import org.opencpis.hub.infrastructure.RegisterRepository;
import org.opencpis.shared.InvalidValueException;
import org.opencpis.shared.NhsNumber;
import org.opencpis.shared.Roles;

/**
 * What an administrator may look at in the register: LAs, what is held for a child, and a council's
 * upload streams with the files it sent, each kept with its answer (R28).
 */
@Stateless
@RolesAllowed(Roles.CPIS_ADMIN)
public class RegisterAdminService {

  @Inject RegisterRepository register;

  /** The LAs and the numbers health is given: for any signed-in user. */
  @PermitAll
  public List<LocalAuthority> localAuthorities() {
    return register.localAuthorities();
  }

  /** A council's upload streams and its kept files, newest first. */
  public record Uploads(
      LocalAuthority localAuthority,
      List<UploadStream> streams,
      List<UploadSubmission> submissions) {}

  @Audited(
      value = "admin.uploads",
      subject = {0, 1, 2})
  public Uploads uploads(String laCode, UploadChannel channel, Integer fileSequence, int max) {
    LocalAuthority la =
        register
            .localAuthority(laCode)
            .orElseThrow(
                () ->
                    new HubFault(
                        HubFault.UNKNOWN_SENDER,
                        "la",
                        "'" + laCode + "' is not a local authority known to CP-IS"));
    return new Uploads(
        la,
        register.uploadStreams(la.odsCode()),
        register.submissions(la.odsCode(), channel, fileSequence, Math.max(1, Math.min(max, 500))));
  }

  /** How many access events are recorded for a child. */
  @Audited(value = "admin.accessCount", subject = 0)
  public long accessCount(String nhsNumber) {
    try {
      return register.accessCount(NhsNumber.of(nhsNumber).value());
    } catch (InvalidValueException e) {
      throw new HubFault(HubFault.INVALID_NHS_NUMBER, "nhsNumber", e.getMessage());
    }
  }

  /** Every record held for a child, visible or not (until the retention timer removes it). */
  @Audited(value = "admin.register", subject = 0)
  public List<SharedRecord> heldFor(String nhsNumber) {
    try {
      return register.recordsFor(NhsNumber.of(nhsNumber).value());
    } catch (InvalidValueException e) {
      throw new HubFault(HubFault.INVALID_NHS_NUMBER, "nhsNumber", e.getMessage());
    }
  }
}

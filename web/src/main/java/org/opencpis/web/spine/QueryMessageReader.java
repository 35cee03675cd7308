package org.opencpis.web.spine;

import static org.opencpis.web.spine.Hl7.blankToNull;
import static org.opencpis.web.spine.Hl7.ext;

import java.util.List;
import java.util.Locale;
import org.opencpis.contract.hl7.AssignedAuthor;
import org.opencpis.contract.hl7.AuthorPerson;
import org.opencpis.contract.hl7.AuthorSystem;
import org.opencpis.contract.hl7.CPISNHSQuery;
import org.opencpis.contract.hl7.CV;
import org.opencpis.contract.hl7.II;
import org.opencpis.contract.hl7.Organization;
import org.opencpis.contract.hl7.PN;
import org.opencpis.contract.hl7.QUPCIN000006GB01;
import org.opencpis.contract.hl7.QueryControlActEvent;
import org.opencpis.hub.application.HubFault;
import org.opencpis.hub.domain.Viewer;

/**
 * Reads a QUPC_IN000006GB01 the way Spine checks it (paths in INTEROP.md), and refuses what is
 * missing with Spine's error codes. It only reads: the rules are the hub's.
 */
final class QueryMessageReader {

  static final String INTERACTION = "QUPC_IN000006GB01";

  /** What the query says, once read. */
  record Read(
      String messageId,
      String senderAsid,
      String eventId,
      String nhsNumber,
      boolean accessEvent,
      String careSetting,
      Viewer viewer) {}

  private QueryMessageReader() {}

  static Read read(QUPCIN000006GB01 m) {
    if (m == null) {
      throw missing("QUPC_IN000006GB01", "the body holds no QUPC_IN000006GB01");
    }
    if (m.getId() == null || blankToNull(m.getId().getRoot()) == null) {
      throw new HubFault("ErrorBase1732.INVALID_ID", "id", "the message has no id/@root");
    }
    String interaction = ext(m.getInteractionId());
    if (!INTERACTION.equals(interaction)) {
      throw new HubFault(
          "ErrorBase1732.INCONSISTENT_HL7_INTERACTION_ID",
          "interactionId",
          "interactionId/@extension is '"
              + interaction
              + "' but the message is a "
              + INTERACTION
              + " (cpisquery answers only "
              + INTERACTION
              + ")");
    }
    String senderAsid = Hl7.asid(m.getCommunicationFunctionSnd());
    if (senderAsid == null) {
      throw new HubFault(
          "ErrorBase1732.INVALID_COMM_FUNC_SND",
          "communicationFunctionSnd",
          "communicationFunctionSnd/device/id/@extension (the sending ASID) is missing");
    }
    QueryControlActEvent act = m.getControlActEvent();
    if (act == null) {
      throw new HubFault(
          "ErrorBase1732.INVALID_CONTROL_ACT",
          "ControlActEvent",
          "the message has no ControlActEvent");
    }
    CPISNHSQuery q =
        act.getSubject() == null || act.getSubject().getCPISQueryStub() == null
            ? null
            : act.getSubject().getCPISQueryStub().getCPISNHSQuery();
    if (q == null
        || ext(q.getId()) == null
            && (q.getId() == null || blankToNull(q.getId().getRoot()) == null)) {
      throw missing(
          "Event ID", "ControlActEvent/subject/CP-ISQueryStub/cP-ISNHSQuery/id is missing");
    }
    String eventId = q.getId().getRoot();
    String nhs =
        q.getQueryByParameter() == null || q.getQueryByParameter().getPersonNHSnumber() == null
            ? null
            : ext(q.getQueryByParameter().getPersonNHSnumber().getValue());
    if (nhs == null) {
      throw missing(
          "NHS Number",
          "queryByParameter/person.NHSnumber/value/@extension (the NHS number) is missing");
    }
    Viewer viewer = viewer(act, senderAsid);
    boolean accessEvent =
        q.getAccessEventType() == null
            || q.getAccessEventType().isValue() == null
            || q.getAccessEventType().isValue();
    String setting =
        q.getCareSetting() == null || blankToNull(q.getCareSetting().getCode()) == null
            ? null
            : q.getCareSetting().getCode().trim().toUpperCase(Locale.ROOT);
    return new Read(m.getId().getRoot(), senderAsid, eventId, nhs, accessEvent, setting, viewer);
  }

  private static Viewer viewer(QueryControlActEvent act, String senderAsid) {
    AssignedAuthor person =
        act.getAuthor() == null ? null : act.getAuthor().getCOCTTP145102GB01AssignedAuthor();
    AuthorSystem system =
        act.getAuthor() == null ? null : act.getAuthor().getCOCTTP145104GB01System();
    if (person != null) {
      String sdsUser = idWithRoot(person.getId(), Hl7.SDS_USER_ROOT);
      if (sdsUser == null) {
        throw missing(
            "authorPerson",
            "the author's SDS user id (id[@root='"
                + Hl7.SDS_USER_ROOT
                + "']/@extension) is missing");
      }
      Organization org =
          organisation(person.getRepresentedOrganization(), "representedOrganization");
      return new Viewer(
          sdsUser,
          idWithRoot(person.getId(), Hl7.SDS_ROLE_PROFILE_ROOT),
          senderAsid,
          name(person.getAssignedAuthorPerson()),
          code(person.getCode()),
          display(person.getCode()),
          ext(org.getId()),
          blankToNull(org.getName()));
    }
    if (system != null) {
      String asid = ext(system.getId());
      if (asid == null) {
        throw missing("authorDevice", "the author system's ASID (id/@extension) is missing");
      }
      Organization org =
          organisation(system.getMaintainingOrganization(), "maintainingOrganization");
      var superior =
          system.getIndirectAuthority() == null
              ? null
              : system.getIndirectAuthority().getSuperiorAssignedEntity();
      return new Viewer(
          null,
          null,
          asid,
          superior == null ? null : name(superior.getAssignedPerson()),
          superior == null ? null : code(superior.getCode()),
          superior == null ? null : display(superior.getCode()),
          ext(org.getId()),
          blankToNull(org.getName()));
    }
    throw missing(
        "[authorPerson or authorDevice]",
        "the query has no author: a person (COCT_TP145102GB01.AssignedAuthor) or a system"
            + " (COCT_TP145104GB01.System) is required");
  }

  private static Organization organisation(Organization org, String path) {
    if (org == null || ext(org.getId()) == null) {
      throw missing(path, path + "/id/@extension (the organisation's ODS code) is missing");
    }
    return org;
  }

  private static String idWithRoot(List<II> ids, String root) {
    return ids.stream()
        .filter(i -> root.equals(i.getRoot()))
        .map(Hl7::ext)
        .filter(v -> v != null)
        .findFirst()
        .orElse(null);
  }

  private static String name(AuthorPerson p) {
    if (p == null || p.getName() == null) {
      return null;
    }
    PN n = p.getName();
    StringBuilder sb = new StringBuilder();
    if (blankToNull(n.getPrefix()) != null) {
      sb.append(n.getPrefix().trim()).append(' ');
    }
    n.getGiven().stream()
        .map(Hl7::blankToNull)
        .filter(g -> g != null)
        .forEach(g -> sb.append(g).append(' '));
    if (blankToNull(n.getFamily()) != null) {
      sb.append(n.getFamily().trim());
    }
    return blankToNull(sb.toString());
  }

  private static String code(CV cv) {
    return cv == null ? null : blankToNull(cv.getCode());
  }

  private static String display(CV cv) {
    return cv == null ? null : blankToNull(cv.getDisplayName());
  }

  private static HubFault missing(String what, String message) {
    return new HubFault(HubFault.MANDATORY_DATA_MISSING + "|" + what, what, message);
  }
}

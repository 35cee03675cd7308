package org.opencpis.web.spine;

import static org.opencpis.web.spine.Hl7.blankToNull;
import static org.opencpis.web.spine.Hl7.ext;

import jakarta.xml.bind.JAXBElement;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.opencpis.contract.hl7.AssignedAuthor;
import org.opencpis.contract.hl7.Author1;
import org.opencpis.contract.hl7.AuthorPerson;
import org.opencpis.contract.hl7.AuthorSystem;
import org.opencpis.contract.hl7.CPISNHSQuery;
import org.opencpis.contract.hl7.CV;
import org.opencpis.contract.hl7.ENXP;
import org.opencpis.contract.hl7.II;
import org.opencpis.contract.hl7.IndirectAuthority;
import org.opencpis.contract.hl7.MCCIMT010101UK12CommunicationFunction;
import org.opencpis.contract.hl7.Organization;
import org.opencpis.contract.hl7.PersonName;
import org.opencpis.contract.hl7.QUPCIN000006GB01;
import org.opencpis.contract.hl7.QueryControlActEvent;
import org.opencpis.contract.hl7.SuperiorAssignedEntity;
import org.opencpis.hub.application.HubFault;
import org.opencpis.hub.domain.Viewer;

/**
 * Reads a QUPC_IN000006GB01 in the national shape, with Spine's own checks on it ({@code
 * spine2_xslt/CPIS_Query.xsl}, docs/spine-national-shape.md §2.1), in the order of that table,
 * refusing the first that fails with Spine's code (Spine may list several; one is enough to act
 * on). It only reads: the rules are the hub's.
 */
final class QueryMessageReader {

  static final String INTERACTION = "QUPC_IN000006GB01";

  static final String INVALID_ID = "ErrorBase1732.INVALID_ID";
  static final String INVALID_CREATION_TIME = "ErrorBase1732.INVALID_CREATION_TIME";
  static final String INVALID_VERSION_CODE = "ErrorBase1732.INVALID_VERSION_CODE";
  static final String INCONSISTENT_INTERACTION = "ErrorBase1732.INCONSISTENT_HL7_INTERACTION_ID";
  static final String INVALID_COMM_FUNC_RCV = "ErrorBase1732.INVALID_COMM_FUNC_RCV";
  static final String INVALID_COMM_FUNC_SND = "ErrorBase1732.INVALID_COMM_FUNC_SND";
  static final String INVALID_CONTROL_ACT = "ErrorBase1732.INVALID_CONTROL_ACT";

  /** What the query says, once read. */
  record Read(
      String messageId,
      String senderAsid,
      String eventId,
      String effectiveTime,
      String nhsNumber,
      boolean accessEvent,
      String careSetting,
      Viewer viewer) {}

  private QueryMessageReader() {}

  static Read read(QUPCIN000006GB01 m) {
    if (m == null) {
      throw missing("QUPC_IN000006GB01", "the body holds no QUPC_IN000006GB01");
    }
    // 1-3: the wrapper's id, creation time and version
    if (m.getId() == null || blankToNull(m.getId().getRoot()) == null) {
      throw new HubFault(INVALID_ID, "id", "the message has no id/@root");
    }
    if (m.getCreationTime() == null || blankToNull(m.getCreationTime().getValue()) == null) {
      throw new HubFault(
          INVALID_CREATION_TIME, "creationTime", "the message has no creationTime/@value");
    }
    if (m.getVersionCode() == null || blankToNull(m.getVersionCode().getCode()) == null) {
      throw new HubFault(
          INVALID_VERSION_CODE, "versionCode", "the message has no versionCode/@code");
    }
    // 4: the interaction id names this interaction, under the interaction root
    II interaction = m.getInteractionId();
    if (interaction == null
        || !Hl7.INTERACTION_ROOT.equals(interaction.getRoot())
        || !INTERACTION.equals(interaction.getExtension())) {
      throw new HubFault(
          INCONSISTENT_INTERACTION,
          "interactionId",
          "interactionId (root "
              + Hl7.INTERACTION_ROOT
              + ") must be "
              + INTERACTION
              + ", the message it is in; it is '"
              + (interaction == null ? null : interaction.getExtension())
              + "'"
              + (interaction == null || Hl7.INTERACTION_ROOT.equals(interaction.getRoot())
                  ? ""
                  : " under root '" + interaction.getRoot() + "'")
              + " (cpisquery answers only "
              + INTERACTION
              + ")");
    }
    // 5-6: exactly one ASID each for the receiver and the sender
    if (deviceAsid(m.getCommunicationFunctionRcv()) == null) {
      throw new HubFault(
          INVALID_COMM_FUNC_RCV,
          "communicationFunctionRcv",
          "communicationFunctionRcv/device must hold exactly one id with root "
              + Hl7.ASID_ROOT
              + " and the receiving ASID as its extension");
    }
    String senderAsid =
        deviceAsid(
            m.getCommunicationFunctionSnd() == null
                ? List.of()
                : List.of(m.getCommunicationFunctionSnd()));
    if (senderAsid == null) {
      throw new HubFault(
          INVALID_COMM_FUNC_SND,
          "communicationFunctionSnd",
          "communicationFunctionSnd/device must hold exactly one id with root "
              + Hl7.ASID_ROOT
              + " and the sending ASID as its extension");
    }
    // 7-9: the control act, and the one system that sent the query
    QueryControlActEvent act = m.getControlActEvent();
    if (act == null) {
      throw new HubFault(
          INVALID_CONTROL_ACT, "ControlActEvent", "the message has no ControlActEvent");
    }
    String author1 = act.getAuthor1().size() == 1 ? author1Asid(act.getAuthor1().get(0)) : null;
    if (author1 == null) {
      throw missing(
          "author1",
          "ControlActEvent must hold exactly one author1 whose"
              + " AgentSystemSDS/agentSystemSDS/id has root "
              + Hl7.ASID_ROOT
              + " and the sending system's ASID as its extension (it holds "
              + act.getAuthor1().size()
              + " author1)");
    }
    // 10-12: the query: its event id, the NHS number, its author
    CPISNHSQuery q =
        act.getSubject() == null || act.getSubject().getCPISQueryStub() == null
            ? null
            : act.getSubject().getCPISQueryStub().getCPISNHSQuery();
    if (q == null || q.getId() == null || blankToNull(q.getId().getRoot()) == null) {
      throw missing(
          "Event ID", "ControlActEvent/subject/CP-ISQueryStub/cP-ISNHSQuery/id/@root is missing");
    }
    String nhs =
        q.getQueryByParameter() == null || q.getQueryByParameter().getPersonNHSnumber() == null
            ? null
            : ext(q.getQueryByParameter().getPersonNHSnumber().getValue());
    if (nhs == null) {
      throw missing(
          "NHS Number",
          "queryByParameter/person.NHSnumber/value/@extension (the NHS number) is missing");
    }
    Viewer viewer = viewer(q, author1);
    boolean accessEvent =
        q.getAccessEventType() == null
            || q.getAccessEventType().isValue() == null
            || q.getAccessEventType().isValue();
    String setting =
        q.getCareSetting() == null || blankToNull(q.getCareSetting().getCode()) == null
            ? null
            : q.getCareSetting().getCode().trim().toUpperCase(Locale.ROOT);
    return new Read(
        m.getId().getRoot().trim(),
        senderAsid,
        q.getId().getRoot().trim(),
        q.getEffectiveTime() == null ? null : blankToNull(q.getEffectiveTime().getValue()),
        nhs,
        accessEvent,
        setting,
        viewer);
  }

  /** 12-23: the person or the system that looks, as Spine checks each. */
  private static Viewer viewer(CPISNHSQuery q, String sendingSystem) {
    AssignedAuthor person =
        q.getAuthor() == null ? null : q.getAuthor().getCOCTTP145102GB01AssignedAuthor();
    AuthorSystem system = q.getAuthor() == null ? null : q.getAuthor().getCOCTTP145104GB01System();
    if (person != null) {
      CV role = person.getCode();
      if (code(role) == null) {
        throw missing("Job Role Code", "the author's job role (code/@code) is missing");
      }
      if (display(role) == null) {
        throw missing("Job Role Name", "the author's job role name (code/@displayName) is missing");
      }
      Organization org = person.getRepresentedOrganization();
      if (odsCode(org) == null) {
        throw missing(
            "Organisation Code",
            "the author's organisation (representedOrganization/id/@extension, its ODS code) is"
                + " missing");
      }
      if (orgName(org) == null) {
        throw missing(
            "Organisation Name",
            "the author's organisation's name (representedOrganization/name) is missing");
      }
      String sdsUser = idWithRoot(person.getId(), Hl7.SDS_USER_ROOT);
      if (sdsUser == null) {
        throw missing(
            "authorID",
            "the author's SDS user id (id[@root='"
                + Hl7.SDS_USER_ROOT
                + "']/@extension) is missing");
      }
      return new Viewer(
          sdsUser,
          idWithRoot(person.getId(), Hl7.SDS_ROLE_PROFILE_ROOT),
          sendingSystem,
          name(person.getAssignedAuthorPerson()),
          code(role),
          display(role),
          odsCode(org),
          orgName(org));
    }
    if (system != null) {
      String asid =
          system.getId() != null && Hl7.ASID_ROOT.equals(system.getId().getRoot())
              ? ext(system.getId())
              : null;
      if (asid == null) {
        throw missing(
            "authorDevice.systemID",
            "the author system's ASID (id[@root='" + Hl7.ASID_ROOT + "']/@extension) is missing");
      }
      Organization org = system.getMaintainingOrganization();
      if (odsCode(org) == null) {
        throw missing(
            "authorDevice.orgCode",
            "the author system's organisation (maintainingOrganization/id/@extension, its ODS"
                + " code) is missing");
      }
      if (orgName(org) == null) {
        throw missing(
            "authorDevice.orgName",
            "the author system's organisation's name (maintainingOrganization/name) is missing");
      }
      SuperiorAssignedEntity first = null;
      for (IndirectAuthority ia : system.getIndirectAuthority()) {
        SuperiorAssignedEntity s = ia.getSuperiorAssignedEntity();
        CV role = s == null ? null : s.getCode();
        if (code(role) == null) {
          throw missing(
              "authorDevice.jobRoleCode",
              "the job role of a person the system acts for"
                  + " (indirectAuthority/superiorAssignedEntity/code/@code) is missing");
        }
        if (display(role) == null) {
          throw missing(
              "authorDevice.jobRoleName",
              "the job role name of a person the system acts for"
                  + " (indirectAuthority/superiorAssignedEntity/code/@displayName) is missing");
        }
        if (s.getAssignedPerson() == null || s.getAssignedPerson().getName() == null) {
          throw missing(
              "authorDevice.assignedPersonName",
              "the name of a person the system acts for"
                  + " (indirectAuthority/superiorAssignedEntity/assignedPerson/name) is missing");
        }
        first = first == null ? s : first;
      }
      return new Viewer(
          null,
          null,
          asid,
          first == null ? null : name(first.getAssignedPerson()),
          first == null ? null : code(first.getCode()),
          first == null ? null : display(first.getCode()),
          odsCode(org),
          orgName(org));
    }
    throw missing(
        "[authorPerson or authorDevice]",
        "the query has no author: a person (COCT_TP145102GB01.AssignedAuthor) or a system"
            + " (COCT_TP145104GB01.System) is required");
  }

  /**
   * The ASID of communication functions that hold, between them, exactly one device id with the
   * ASID root and a value; otherwise null (Spine's checks 5 and 6).
   */
  private static String deviceAsid(List<MCCIMT010101UK12CommunicationFunction> functions) {
    List<II> asids =
        functions.stream()
            .filter(Objects::nonNull)
            .map(MCCIMT010101UK12CommunicationFunction::getDevice)
            .filter(Objects::nonNull)
            .flatMap(d -> d.getId().stream())
            .filter(i -> i != null && Hl7.ASID_ROOT.equals(i.getRoot()))
            .toList();
    return asids.size() == 1 ? ext(asids.get(0)) : null;
  }

  private static String author1Asid(Author1 a) {
    if (a == null
        || a.getAgentSystemSDS() == null
        || a.getAgentSystemSDS().getAgentSystemSDS() == null) {
      return null;
    }
    II id = a.getAgentSystemSDS().getAgentSystemSDS().getId();
    return id != null && Hl7.ASID_ROOT.equals(id.getRoot()) ? ext(id) : null;
  }

  private static String idWithRoot(List<II> ids, String root) {
    return ids.stream()
        .filter(i -> i != null && root.equals(i.getRoot()))
        .findFirst()
        .map(Hl7::ext)
        .orElse(null);
  }

  private static String odsCode(Organization org) {
    return org == null ? null : ext(org.getId());
  }

  private static String orgName(Organization org) {
    return org == null ? null : blankToNull(org.getName());
  }

  /**
   * The name in its parts, read as Spine reads a PN: the first prefix, up to five given names, the
   * first family name and the first suffix; null when it has none.
   */
  static org.opencpis.shared.PersonName name(AuthorPerson p) {
    if (p == null || p.getName() == null) {
      return null;
    }
    NameParts parts = NameParts.of(p.getName());
    return org.opencpis.shared.PersonName.ofParts(
        parts.prefix, parts.given, parts.family, parts.suffix);
  }

  /** The parts of a national name, in document order. */
  private static final class NameParts {
    String prefix;
    final List<String> given = new ArrayList<>();
    String family;
    String suffix;

    static NameParts of(PersonName name) {
      NameParts parts = new NameParts();
      for (Serializable item : name.getContent()) {
        if (!(item instanceof JAXBElement<?> e) || !(e.getValue() instanceof ENXP part)) {
          continue; // text between the parts, validTime, id
        }
        String text = blankToNull(part.getValue());
        if (text == null) {
          continue;
        }
        switch (e.getName().getLocalPart()) {
          case "prefix" -> parts.prefix = parts.prefix == null ? text : parts.prefix;
          case "given" -> {
            if (parts.given.size() < 5) {
              parts.given.add(text);
            }
          }
          case "family" -> parts.family = parts.family == null ? text : parts.family;
          case "suffix" -> parts.suffix = parts.suffix == null ? text : parts.suffix;
          default -> {} // a delimiter
        }
      }
      return parts;
    }
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

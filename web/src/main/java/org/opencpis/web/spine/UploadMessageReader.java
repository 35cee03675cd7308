package org.opencpis.web.spine;

import static org.opencpis.web.spine.Hl7.blankToNull;
import static org.opencpis.web.spine.Hl7.ext;
import static org.opencpis.web.spine.Hl7.value;

import java.util.ArrayList;
import java.util.List;
import org.opencpis.contract.hl7.COCTTP145100GB01MotherPerson;
import org.opencpis.contract.hl7.COCTTP145101GB01Child;
import org.opencpis.contract.hl7.COCTTP146100GB01LACInformation;
import org.opencpis.contract.hl7.COCTTP146101GB01CPPInformation;
import org.opencpis.contract.hl7.COCTTP146102GB01UCPInformation;
import org.opencpis.contract.hl7.II;
import org.opencpis.contract.hl7.REPCMT000002GB01CPISRecord;
import org.opencpis.contract.hl7.REPCMT000002GB01File;
import org.opencpis.contract.hl7.REPCMT000002GB01Organisation;
import org.opencpis.contract.hl7.REPCMT000002GB01PertinentInformation;
import org.opencpis.contract.hl7.REPCMT000002GB01Record;
import org.opencpis.contract.hl7.REPCMT000002GB01Subject;
import org.opencpis.contract.hl7.TEL;
import org.opencpis.contract.hl7.UploadPersonName;
import org.opencpis.contract.hl7.UploadPlanDate;
import org.opencpis.hub.application.HubFault;
import org.opencpis.hub.domain.ReceivedRecord;
import org.opencpis.hub.domain.SubjectKind;

/**
 * Reads a national upload file ({@code hl7:File}, REPC_MT000002GB01) into the hub's terms, values
 * as text; checking them is the hub's job. The council's telecoms travel once per file ({@code
 * communicationFunctionSnd/organisation/telecom}) and are read into every record. A record the hub
 * cannot take as one plan of one subject (none or two plans, none or two subjects, two emergency
 * duty numbers in the file) is read as unreadable, so the hub refuses it (CPR07) naming the
 * national field, and the file's other records load.
 */
final class UploadMessageReader {

  /** The LA's own id for a child (or for an unborn, its id of the unborn). */
  static final String LA_CHILD_ID_ROOT = "2.16.840.1.113883.2.1.3.2.4.18.24";

  /** The header and the records, as read; {@code fileId} is File/id/@extension as sent. */
  record Read(
      String senderAsid,
      String senderOds,
      String fileId,
      Integer fileSequenceId,
      Integer recordCount,
      List<ReceivedRecord> records) {}

  private UploadMessageReader() {}

  /**
   * @throws HubFault {@code ErrorBase1712.INVALID_DATA|File/id} for a file id that is not a
   *     sequence number (the hub applies a council's files in the order of these numbers)
   */
  static Read read(REPCMT000002GB01File f, String senderAsid) {
    REPCMT000002GB01Organisation la =
        f.getCommunicationFunctionSnd() == null
            ? null
            : f.getCommunicationFunctionSnd().getOrganisation();
    String ods = la == null ? null : ext(la.getId());
    String fileId = ext(f.getId());
    Integer count =
        f.getTransmissionQuantity() == null ? null : f.getTransmissionQuantity().getValue();
    List<TEL> telecoms = la == null ? List.of() : la.getTelecom();
    String wp = telecom(telecoms, "WP");
    String ec = telecom(telecoms, "EC");
    long ecs = telecoms.stream().filter(t -> "EC".equals(t.getUse())).count();
    String fileProblem =
        ecs > 1
            ? "the file's organisation names "
                + ecs
                + " emergency duty (EC) telephone numbers: send one"
            : null;
    List<ReceivedRecord> records = new ArrayList<>();
    for (REPCMT000002GB01Record r : f.getRecord()) {
      records.add(record(r.getCPISRecord(), wp, ec, fileProblem));
    }
    return new Read(senderAsid, ods, fileId, sequence(fileId), count, records);
  }

  private static Integer sequence(String fileId) {
    if (fileId == null) {
      return null;
    }
    if (!fileId.matches("[0-9]{1,10}") || Long.parseLong(fileId) > Integer.MAX_VALUE) {
      throw new HubFault(
          HubFault.INVALID_DATA + "|File/id",
          "File/id",
          "File/id/@extension '"
              + (fileId.length() > 20 ? fileId.substring(0, 20) + "…" : fileId)
              + "' is not a file sequence number: the council's files are numbered 1, 2, 3 ..."
              + " and applied in that order; nothing of this file was loaded");
    }
    return Integer.valueOf(fileId);
  }

  private static ReceivedRecord record(
      REPCMT000002GB01CPISRecord r, String wp, String ec, String fileProblem) {
    List<REPCMT000002GB01PertinentInformation> plans =
        r == null ? List.of() : r.getPertinentInformation();
    List<REPCMT000002GB01Subject> subjects = r == null ? List.of() : r.getSubject();
    Plan plan = plans.size() == 1 ? plan(plans.get(0)) : null;
    Subject subject = subjects.size() == 1 ? subject(subjects.get(0)) : null;
    String[] problem = problem(plans.size(), plan, subjects.size(), subject, fileProblem);
    return new ReceivedRecord(
        subject == null ? null : subject.localChildId,
        subject == null ? null : subject.kind,
        subject == null ? null : subject.nhsNumber,
        subject == null ? null : subject.given,
        subject == null ? null : subject.family,
        subject == null ? null : subject.birthDate,
        plan == null ? null : plan.code,
        plan == null ? null : plan.legalStatus,
        plan == null ? null : plan.start,
        plan == null ? null : plan.end,
        plan == null ? null : plan.delete,
        wp,
        ec,
        problem == null ? null : problem[0],
        problem == null ? null : problem[1]);
  }

  /** The field and reason a record cannot be taken as one plan of one subject, or null. */
  private static String[] problem(
      int plans, Plan plan, int subjects, Subject subject, String fileProblem) {
    if (fileProblem != null) {
      return new String[] {"communicationFunctionSnd/organisation/telecom[@use='EC']", fileProblem};
    }
    if (plans > 1) {
      return new String[] {
        "CP-ISRecord/pertinentInformation",
        "the record carries "
            + plans
            + " plans: the hub takes one plan per record; send each"
            + " plan as a record of its own"
      };
    }
    if (plans == 0 || plan == null) {
      return new String[] {
        "CP-ISRecord/pertinentInformation",
        "the record has no plan: a COCT_TP146101GB01.CPPInformation,"
            + " COCT_TP146100GB01.LACInformation or COCT_TP146102GB01.UCPInformation"
      };
    }
    if (subjects > 1) {
      return new String[] {
        "CP-ISRecord/subject",
        "the record names "
            + subjects
            + " subjects: send the child (COCT_TP145101GB01.Child)"
            + " or, for an unborn child, the mother (COCT_TP145100GB01.UnbornChild), once"
      };
    }
    if (subjects == 0 || subject == null) {
      return new String[] {
        "CP-ISRecord/subject",
        "the record names no subject: a COCT_TP145101GB01.Child or a"
            + " COCT_TP145100GB01.UnbornChild (the mother)"
      };
    }
    return null;
  }

  private record Plan(String code, String legalStatus, String start, String end, String delete) {}

  private static Plan plan(REPCMT000002GB01PertinentInformation p) {
    COCTTP146101GB01CPPInformation cpp = p.getCOCTTP146101GB01CPPInformation();
    if (cpp != null) {
      return new Plan(
          "CPP",
          null,
          date(cpp.getComponent() == null ? null : cpp.getComponent().getCPPStartDate()),
          date(cpp.getComponent1() == null ? null : cpp.getComponent1().getCPPEndDate()),
          date(cpp.getComponent2() == null ? null : cpp.getComponent2().getCPPDeleteDate()));
    }
    COCTTP146100GB01LACInformation lac = p.getCOCTTP146100GB01LACInformation();
    if (lac != null) {
      return new Plan(
          "LAC",
          lac.getLegalStatus() == null ? null : lac.getLegalStatus().getCode(),
          date(lac.getComponent() == null ? null : lac.getComponent().getLACStartDate()),
          date(lac.getComponent1() == null ? null : lac.getComponent1().getLACEndDate()),
          date(lac.getComponent2() == null ? null : lac.getComponent2().getLACDeleteDate()));
    }
    COCTTP146102GB01UCPInformation ucp = p.getCOCTTP146102GB01UCPInformation();
    if (ucp != null) {
      return new Plan(
          "UCP",
          null,
          date(ucp.getComponent() == null ? null : ucp.getComponent().getUCPStartDate()),
          date(ucp.getComponent1() == null ? null : ucp.getComponent1().getUCPEndDate()),
          date(ucp.getComponent2() == null ? null : ucp.getComponent2().getUCPDeleteDate()));
    }
    return null;
  }

  private static String date(UploadPlanDate d) {
    return d == null ? null : value(d.getValue());
  }

  private record Subject(
      SubjectKind kind,
      String localChildId,
      String nhsNumber,
      String given,
      String family,
      String birthDate) {}

  private static Subject subject(REPCMT000002GB01Subject s) {
    COCTTP145101GB01Child child = s.getCOCTTP145101GB01Child();
    if (child != null) {
      var person = child.getChildPerson();
      return new Subject(
          SubjectKind.CHILD,
          id(child.getId(), LA_CHILD_ID_ROOT),
          id(child.getId(), Hl7.NHS_NUMBER_ROOT),
          person == null ? null : given(person.getName()),
          person == null || person.getName() == null ? null : person.getName().getFamily(),
          person == null ? null : value(person.getBirthTime()));
    }
    if (s.getCOCTTP145100GB01UnbornChild() != null) {
      COCTTP145100GB01MotherPerson mother =
          s.getCOCTTP145100GB01UnbornChild().getParentMotherPerson();
      List<II> ids =
          mother == null || mother.getPlayedMother() == null
              ? List.of()
              : mother.getPlayedMother().getId();
      return new Subject(
          SubjectKind.UNBORN,
          id(ids, LA_CHILD_ID_ROOT),
          id(ids, Hl7.NHS_NUMBER_ROOT),
          mother == null ? null : given(mother.getName()),
          mother == null || mother.getName() == null ? null : mother.getName().getFamily(),
          mother == null ? null : value(mother.getBirthTime()));
    }
    return null;
  }

  private static String id(List<II> ids, String root) {
    return ids.stream()
        .filter(i -> root.equals(blankToNull(i.getRoot())))
        .map(Hl7::ext)
        .filter(v -> v != null)
        .findFirst()
        .orElse(null);
  }

  private static String given(UploadPersonName name) {
    return name == null
        ? null
        : blankToNull(
            String.join(
                " ",
                name.getGiven().stream().map(Hl7::blankToNull).filter(g -> g != null).toList()));
  }

  private static String telecom(List<TEL> telecoms, String use) {
    return telecoms.stream()
        .filter(t -> use.equals(t.getUse()))
        .map(t -> blankToNull(t.getValue()))
        .filter(v -> v != null)
        .map(v -> v.startsWith("tel:") ? v.substring(4) : v)
        .findFirst()
        .orElse(null);
  }
}

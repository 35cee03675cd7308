package org.opencpis.casework.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.opencpis.audit.Audited;
import org.opencpis.casework.domain.CaseworkRefusal;
import org.opencpis.casework.domain.CaseworkRefusal.Kind;
import org.opencpis.casework.domain.Involvement;
import org.opencpis.casework.domain.Worker;
import org.opencpis.casework.infrastructure.CaseworkRepository;
import org.opencpis.casework.infrastructure.CaseworkRepository.StepOrder;
import org.opencpis.shared.Roles;

/**
 * An inbox's steps as its admin team works through a backlog (R21, R24, R25): a page of them,
 * narrowed by flag, overdue, the organisation and care setting the access came from and the child's
 * involvement, in the order asked for. Filtered, sorted, counted and cut by the database, so an
 * inbox of 100,000 steps costs a page.
 */
@Stateless
@RolesAllowed(Roles.LA_STAFF)
public class InboxSteps {

  /** The care settings the page offers whatever the inbox holds (README, facilities). */
  public static final List<String> CARE_SETTINGS =
      List.of("ED", "WIC", "MIU", "OOH", "PAED", "MAT", "AMB");

  /**
   * What the caller asks for, as sent: open steps ({@code all} adds completed ones), only flagged,
   * only overdue; an organisation's ODS code, a care setting, an involvement (an {@link
   * Involvement} name); {@code sort} due (the default: flagged first, then by due time), arrived
   * (newest first) or oldest (oldest arrival first). Null or blank narrows nothing.
   */
  public record Query(
      boolean all,
      boolean flaggedOnly,
      boolean overdueOnly,
      String organisation,
      String careSetting,
      String involvement,
      String sort) {}

  /** The values an inbox's steps can be filtered by: those its steps hold, and the fixed ones. */
  public record FilterValues(
      List<Organisation> organisations, List<String> careSettings, List<Choice> involvements) {}

  public record Organisation(String ods, String name) {}

  public record Choice(String code, String text) {}

  @EJB CaseworkService casework;
  @Inject CaseworkRepository repository;

  /** A page of the caller's inbox the query keeps, and how many it keeps in all. */
  @Audited(value = "casework.steps", subject = 1)
  public CaseworkService.StepPage steps(
      Caller caller, long inboxId, Query query, int offset, int limit) {
    if (offset < 0 || limit < 1 || limit > CaseworkService.MAX_PAGE) {
      throw new CaseworkRefusal(
          Kind.INVALID,
          "limit",
          "a page is 1 to " + CaseworkService.MAX_PAGE + " steps from an offset of 0 or more");
    }
    CaseworkRepository.StepSearch search = search(query);
    Worker inbox = casework.inbox(caller, inboxId);
    return new CaseworkService.StepPage(
        repository.steps(inbox, search, offset, limit), repository.countSteps(inbox, search));
  }

  /** What the inbox's filters can be set to. */
  @Audited(value = "casework.stepFilters", subject = 1)
  public FilterValues filterValues(Caller caller, long inboxId, boolean all) {
    Worker inbox = casework.inbox(caller, inboxId);
    List<Organisation> organisations =
        repository.stepOrganisations(inbox, all).stream()
            .map(r -> new Organisation((String) r[0], (String) r[1]))
            .toList();
    TreeSet<String> settings = new TreeSet<>(CARE_SETTINGS);
    settings.addAll(repository.stepCareSettings(inbox, all));
    List<Choice> involvements =
        List.of(Involvement.values()).stream()
            .map(i -> new Choice(i.name(), i.displayName()))
            .toList();
    return new FilterValues(organisations, List.copyOf(settings), involvements);
  }

  CaseworkRepository.StepSearch search(Query q) {
    return new CaseworkRepository.StepSearch(
        new CaseworkRepository.StepFilter(
            q.all(), q.flaggedOnly(), q.overdueOnly(), casework.now()),
        organisation(q.organisation()),
        careSetting(q.careSetting()),
        involvement(q.involvement()),
        order(q.sort()));
  }

  static String organisation(String raw) {
    String v = blankToNull(raw);
    if (v == null) {
      return null;
    }
    v = v.toUpperCase(Locale.ROOT);
    if (!v.matches("[A-Z0-9]{3,10}")) {
      throw new CaseworkRefusal(
          Kind.INVALID,
          "organisation",
          "organisation is an ODS code of 3 to 10 letters and digits (e.g. RWE), not '"
              + shown(raw)
              + "'");
    }
    return v;
  }

  static String careSetting(String raw) {
    String v = blankToNull(raw);
    if (v == null) {
      return null;
    }
    if (!v.matches("[A-Za-z0-9 _-]{1,20}")) {
      throw new CaseworkRefusal(
          Kind.INVALID,
          "careSetting",
          "careSetting is 1 to 20 letters or digits (e.g. ED, MIU), not '" + shown(raw) + "'");
    }
    return v.toUpperCase(Locale.ROOT);
  }

  static Involvement involvement(String raw) {
    String v = blankToNull(raw);
    if (v == null) {
      return null;
    }
    for (Involvement i : Involvement.values()) {
      if (i.name().equalsIgnoreCase(v)) {
        return i;
      }
    }
    throw new CaseworkRefusal(
        Kind.INVALID,
        "involvement",
        "involvement is OPEN_SOCIAL_CARE, OPEN_EARLY_HELP or CLOSED, not '" + shown(raw) + "'");
  }

  static StepOrder order(String raw) {
    String v = blankToNull(raw);
    if (v == null) {
      return StepOrder.DUE;
    }
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "due" -> StepOrder.DUE;
      case "arrived" -> StepOrder.ARRIVED;
      case "oldest" -> StepOrder.OLDEST;
      default ->
          throw new CaseworkRefusal(
              Kind.INVALID,
              "sort",
              "sort is due (flagged first, then by due time), arrived (newest first) or oldest"
                  + " (oldest arrival first), not '"
                  + shown(raw)
                  + "'");
    };
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** A value as a message may quote it: short, and printable. */
  private static String shown(String raw) {
    String s = raw.replaceAll("[^\\p{Print}]", "?");
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}

package org.opencpis.shared;

/**
 * The roles of the security domain {@code cpis}, as the application services declare them
 * ({@code @RolesAllowed}). Who holds which is the realm's business (cpis-roles.properties in
 * development); what each may do is the README's table "Roles".
 */
public final class Roles {

  /** National RBAC activity B0107 "View CP-IS flag": each view is recorded and notified. */
  public static final String VIEW_AND_NOTIFY = "B0107";

  /** National RBAC activity B0170: a view that is not notified (scheduled care). */
  public static final String VIEW_SILENTLY = "B0170";

  /**
   * A hospital integration engine over HL7 v2 (MLLP): the HL7 channel runs its calls to the hub as
   * this role; nobody signs in with it.
   */
  public static final String HL7_FACILITY = "hl7-facility";

  /** A council's system that uploads its plans and pulls its notifications (cpisupload). */
  public static final String LA_UPLOADER = "la-uploader";

  /** Council staff working the CP-IS workflow: inboxes, steps, children, plans. */
  public static final String LA_STAFF = "la-staff";

  /** A council's performance team: the weekly bulk NHS-number load. */
  public static final String LA_PERFORMANCE = "la-performance";

  /** Administrators of the deployment: register look-ups, council set-up, dead letters. */
  public static final String CPIS_ADMIN = "cpis-admin";

  /** Which council a council user or system acts for: {@code la-<ODS code>}. */
  public static String council(String laCode) {
    return "la-" + laCode;
  }

  private Roles() {}
}

package org.opencpis.hub.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Size;

/**
 * Who looked at a child's information: a smartcard user (SDS user id, role profile, job role) or a
 * system acting for a named person, and the organisation they work for. The limits are the
 * columns'; the hub checks them before anything is kept ({@code RequestChecks}).
 */
@Embeddable
public class Viewer {

  @Size(max = 20, message = "the SDS user id is at most {max} characters")
  @Column(name = "sds_user_id", length = 20)
  private String sdsUserId;

  @Size(max = 20, message = "the SDS role profile id is at most {max} characters")
  @Column(name = "sds_role_profile_id", length = 20)
  private String sdsRoleProfileId;

  @Size(max = 20, message = "the sending system's ASID is at most {max} characters")
  @Column(name = "system_asid", length = 20)
  private String systemAsid;

  @Size(max = 200, message = "the viewer's name is at most {max} characters")
  @Column(name = "viewer_name", length = 200)
  private String name;

  @Size(max = 20, message = "the job role code is at most {max} characters")
  @Column(name = "job_role_code", length = 20)
  private String jobRoleCode;

  @Size(max = 120, message = "the job role's name is at most {max} characters")
  @Column(name = "job_role_name", length = 120)
  private String jobRoleName;

  @Size(max = 10, message = "the organisation's ODS code is at most {max} characters")
  @Column(name = "org_ods_code", length = 10)
  private String organisationOds;

  @Size(max = 160, message = "the organisation's name is at most {max} characters")
  @Column(name = "org_name", length = 160)
  private String organisationName;

  protected Viewer() {}

  public Viewer(
      String sdsUserId,
      String sdsRoleProfileId,
      String systemAsid,
      String name,
      String jobRoleCode,
      String jobRoleName,
      String organisationOds,
      String organisationName) {
    this.sdsUserId = sdsUserId;
    this.sdsRoleProfileId = sdsRoleProfileId;
    this.systemAsid = systemAsid;
    this.name = name;
    this.jobRoleCode = jobRoleCode;
    this.jobRoleName = jobRoleName;
    this.organisationOds = organisationOds;
    this.organisationName = organisationName;
  }

  /**
   * The same person, for the 24-hour repeat rule: by SDS user id, or for a system author by its
   * ASID and the nominated person's name.
   */
  public String identityKey() {
    if (sdsUserId != null && !sdsUserId.isBlank()) {
      return "sds:" + sdsUserId;
    }
    return "sys:" + systemAsid + ":" + name;
  }

  public String sdsUserId() {
    return sdsUserId;
  }

  public String sdsRoleProfileId() {
    return sdsRoleProfileId;
  }

  public String systemAsid() {
    return systemAsid;
  }

  public String name() {
    return name;
  }

  public String jobRoleCode() {
    return jobRoleCode;
  }

  public String jobRoleName() {
    return jobRoleName;
  }

  public String organisationOds() {
    return organisationOds;
  }

  public String organisationName() {
    return organisationName;
  }
}

package org.opencpis.hub.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.opencpis.shared.PersonName;

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

  /** The whole name as a person reads it; for rows kept before the parts were, the only one. */
  @Size(max = 200, message = "the viewer's name is at most {max} characters")
  @Column(name = "viewer_name", length = 200)
  private String name;

  @Size(max = 40, message = "the viewer's name prefix is at most {max} characters")
  @Column(name = "viewer_prefix", length = 40)
  private String namePrefix;

  @Size(max = 100, message = "each of the viewer's given names is at most {max} characters")
  @Column(name = "viewer_given1", length = 100)
  private String given1;

  @Size(max = 100, message = "each of the viewer's given names is at most {max} characters")
  @Column(name = "viewer_given2", length = 100)
  private String given2;

  @Size(max = 100, message = "each of the viewer's given names is at most {max} characters")
  @Column(name = "viewer_given3", length = 100)
  private String given3;

  @Size(max = 100, message = "each of the viewer's given names is at most {max} characters")
  @Column(name = "viewer_given4", length = 100)
  private String given4;

  @Size(max = 100, message = "each of the viewer's given names is at most {max} characters")
  @Column(name = "viewer_given5", length = 100)
  private String given5;

  @Size(max = 200, message = "the viewer's family name is at most {max} characters")
  @Column(name = "viewer_family", length = 200)
  private String family;

  @Size(max = 40, message = "the viewer's name suffix is at most {max} characters")
  @Column(name = "viewer_suffix", length = 40)
  private String nameSuffix;

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
      PersonName name,
      String jobRoleCode,
      String jobRoleName,
      String organisationOds,
      String organisationName) {
    this.sdsUserId = sdsUserId;
    this.sdsRoleProfileId = sdsRoleProfileId;
    this.systemAsid = systemAsid;
    if (name != null) {
      String whole = name.display();
      // the whole name is derived, for reading; the parts keep what came
      this.name = whole != null && whole.length() > 200 ? whole.substring(0, 200) : whole;
      this.namePrefix = name.prefix();
      this.given1 = name.given(0);
      this.given2 = name.given(1);
      this.given3 = name.given(2);
      this.given4 = name.given(3);
      this.given5 = name.given(4);
      this.family = name.family();
      this.nameSuffix = name.suffix();
    }
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

  /** The whole name as a person reads it ("Dr Ada Grace Okafor MBE"), or null. */
  public String name() {
    return name;
  }

  /**
   * The name in its parts, or null when none was given; a row kept before the parts were has its
   * whole name as the family part.
   */
  public PersonName personName() {
    List<String> given = new ArrayList<>();
    for (String g : new String[] {given1, given2, given3, given4, given5}) {
      if (g != null) {
        given.add(g);
      }
    }
    PersonName parts = PersonName.ofParts(namePrefix, given, family, nameSuffix);
    return parts != null ? parts : PersonName.unparsed(name);
  }

  /** A person with a smartcard (an SDS user id), rather than a system acting for someone. */
  public boolean isPerson() {
    return sdsUserId != null && !sdsUserId.isBlank();
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

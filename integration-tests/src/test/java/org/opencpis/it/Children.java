package org.opencpis.it;

import static org.opencpis.it.UploadFiles.child;
import static org.opencpis.it.UploadFiles.file;

import jakarta.json.JsonObject;
import java.time.LocalDate;

/** Children shared with the hub by an LA first, and what the hub recorded about them. */
final class Children {

  static final LocalDate DOB = LocalDate.of(2018, 6, 14);
  static final LocalDate PLAN_START = TestData.monthsAgo(9);

  private Children() {}

  /** A fresh NHS number with a CPP shared by Leicestershire (855). */
  static String sharedByLeicestershire() throws Exception {
    String nhs = TestData.nhsNumber();
    Spine.upload(Spine.LEICESTERSHIRE)
        .upload(
            file("855", child("L-HL7-" + nhs, nhs, "Noah", "Patel", DOB, "CPP", PLAN_START, null)));
    return nhs;
  }

  /** How many accesses the hub recorded for a child. */
  static long accesses(String nhs) {
    Rest.Reply r = Rest.get(Spine.ADMIN, "/admin/register/" + nhs + "/accesses");
    if (r.status() != 200) {
      throw new IllegalStateException("access count: HTTP " + r.status() + " " + r.body());
    }
    return ((JsonObject) r.json()).getJsonNumber("accesses").longValue();
  }
}

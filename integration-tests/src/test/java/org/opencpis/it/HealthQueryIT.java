package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencpis.it.UploadFiles.child;
import static org.opencpis.it.UploadFiles.file;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The health page's query as JSON (POST /api/health/cpis): the same hub query as cpisquery. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthQueryIT {

  static final LocalDate DOB = LocalDate.of(2014, 6, 1);

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  @Test
  @DisplayName(
      "R18 R19 R20: the web query answers who to call and the plan, records the access (B0107), and not for B0170")
  void found() throws Exception {
    String nhs = TestData.nhsNumber();
    Spine.upload(Spine.LEICESTERSHIRE)
        .upload(
            file(
                "855",
                child("HQ-" + nhs, nhs, "Ava", "Wren", DOB, "CPP", TestData.monthsAgo(10), null)));

    JsonObject a = Council.ok(Rest.post(Spine.CLINICIAN, "/health/cpis", query(nhs, "RWE")));
    assertThat(a.getString("nhsNumber")).isEqualTo(nhs);
    JsonObject record = a.getJsonArray("records").getJsonObject(0);
    assertThat(record.getString("laOdsCode")).isEqualTo("855");
    assertThat(record.getString("laName")).isEqualTo("Leicestershire County Council");
    assertThat(record.getString("emergencyDutyPhone")).isEqualTo("01164960999");
    assertThat(record.getString("officeHoursPhone")).isEqualTo("01164960111");
    assertThat(record.getString("planType")).isEqualTo("CPP");
    assertThat(record.getString("startDate")).isEqualTo(TestData.monthsAgo(10).toString());
    assertThat(a.getBoolean("accessRecorded")).isTrue();
    JsonObject mine = a.getJsonArray("previousAccesses").getJsonObject(0);
    assertThat(mine.getString("viewerName")).isEqualTo("Kim Lowe");
    assertThat(mine.getString("organisationOds")).isEqualTo("RWE");
    assertThat(mine.getString("careSetting")).isEqualTo("ED");

    long inbox = Council.inbox(Spine.LEICS_ADMIN, "CPIS_VIRTUAL_WORKER");
    assertThat(
            Council.awaitStepFor(Spine.LEICS_ADMIN, inbox, nhs, 1)
                .getJsonObject("access")
                .getString("viewerName"))
        .isEqualTo("Kim Lowe");

    JsonObject silent =
        Council.ok(Rest.post(Spine.SILENT_VIEWER, "/health/cpis", query(nhs, "RWE")));
    assertThat(silent.getBoolean("accessRecorded")).isFalse();
  }

  @Test
  @DisplayName(
      "R1 R18: nothing held is 404 'No CP-IS information held'; a bad NHS number 400; no view role 403; who looked is required")
  void refusals() {
    Rest.Reply none =
        Rest.post(Spine.CLINICIAN, "/health/cpis", query(TestData.nhsNumber(), "RWE"));
    assertThat(none.status()).isEqualTo(404);
    assertThat(Council.message(none)).isEqualTo("No CP-IS information held for this NHS number");

    Rest.Reply bad =
        Rest.post(
            Spine.CLINICIAN, "/health/cpis", query(TestData.nhsNumberWithBadCheckDigit(), "RWE"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(((JsonObject) bad.json()).getString("code")).isEqualTo("INVALID_NHS_NUMBER");

    Rest.Reply council =
        Rest.post(Spine.LEICS_ADMIN, "/health/cpis", query(TestData.nhsNumber(), "RWE"));
    assertThat(council.status()).isEqualTo(403);
    assertThat(Council.message(council)).contains("B0107");

    Rest.Reply anonymousOrg =
        Rest.post(Spine.CLINICIAN, "/health/cpis", query(TestData.nhsNumber(), ""));
    assertThat(anonymousOrg.status()).isEqualTo(400);
    assertThat(((JsonObject) anonymousOrg.json()).getString("field")).isEqualTo("organisationOds");
  }

  @Test
  @DisplayName(
      "R19: a viewer's name sent in its parts is kept in them: the history gives the parts and the whole name, the council's step the whole name")
  void nameInParts() throws Exception {
    String nhs = Children.sharedByLeicestershire();
    String body =
        Json.createObjectBuilder(
                Json.createReader(new java.io.StringReader(query(nhs, "RWE"))).readObject())
            .remove("viewerName")
            .add(
                "viewer",
                Json.createObjectBuilder()
                    .add("prefix", "Dr")
                    .add("given", Json.createArrayBuilder().add("Ada").add("Grace"))
                    .add("family", "Okafor")
                    .add("suffix", "MBE"))
            .build()
            .toString();

    JsonObject a = Council.ok(Rest.post(Spine.CLINICIAN, "/health/cpis", body));
    JsonObject mine = a.getJsonArray("previousAccesses").getJsonObject(0);
    assertThat(mine.getString("viewerName")).isEqualTo("Dr Ada Grace Okafor MBE");
    JsonObject parts = mine.getJsonObject("viewer");
    assertThat(parts.getString("prefix")).isEqualTo("Dr");
    assertThat(parts.getJsonArray("given").getValuesAs(jakarta.json.JsonString::getString))
        .containsExactly("Ada", "Grace");
    assertThat(parts.getString("family")).isEqualTo("Okafor");
    assertThat(parts.getString("suffix")).isEqualTo("MBE");

    long inbox = Council.inbox(Spine.LEICS_ADMIN, "CPIS_VIRTUAL_WORKER");
    assertThat(
            Council.awaitStepFor(Spine.LEICS_ADMIN, inbox, nhs, 1)
                .getJsonObject("access")
                .getString("viewerName"))
        .isEqualTo("Dr Ada Grace Okafor MBE");
  }

  static String query(String nhs, String org) {
    return Json.createObjectBuilder()
        .add("nhsNumber", nhs)
        .add("careSetting", "ED")
        .add("viewerName", "Kim Lowe")
        .add("jobRole", "Nurse Access Role")
        .add("organisationOds", org)
        .add("organisationName", "University Hospitals of Leicester NHS Trust")
        .build()
        .toString();
  }
}

package org.opencpis.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A council that wants to see patterns sooner (or later) than the service's default. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PatternThresholdsIT {

  static final String PATH = "/admin/councils/855/pattern-thresholds";

  @BeforeAll
  static void deployed() {
    TestServer.awaitDeployed();
  }

  @Test
  @DisplayName(
      "R25: with its own thresholds (1 access in 30 days) a council's first step for a child is flagged; cleared, the service's thresholds (3, 2) flag it no more")
  void ownThresholds() throws Exception {
    long inbox = Council.inbox(Spine.LEICS_ADMIN, "CPIS_VIRTUAL_WORKER");
    JsonObject service = Council.ok(Rest.get(Spine.ADMIN, PATH));
    assertThat(service.getBoolean("own")).isFalse();
    try {
      JsonObject own =
          Council.ok(
              Rest.put(Spine.ADMIN, PATH, "{\"accessesIn30Days\":1,\"organisationsIn7Days\":2}"));
      assertThat(own.getInt("accessesIn30Days")).isEqualTo(1);
      assertThat(own.getBoolean("own")).isTrue();

      String nhs = Children.sharedByLeicestershire();
      Council.ok(Rest.post(Spine.CLINICIAN, "/health/cpis", HealthQueryIT.query(nhs, "RWE")));
      JsonObject step = Council.awaitStepFor(Spine.LEICS_ADMIN, inbox, nhs, 1);
      assertThat(step.getBoolean("flagged")).as(step.toString()).isTrue();
    } finally {
      Council.ok(
          Rest.put(Spine.ADMIN, PATH, "{\"accessesIn30Days\":null,\"organisationsIn7Days\":null}"));
    }
    JsonObject back = Council.ok(Rest.get(Spine.ADMIN, PATH));
    assertThat(back.getBoolean("own")).isFalse();
    assertThat(back.getInt("accessesIn30Days")).isEqualTo(service.getInt("accessesIn30Days"));
    String nhs = Children.sharedByLeicestershire();
    Council.ok(Rest.post(Spine.CLINICIAN, "/health/cpis", HealthQueryIT.query(nhs, "RWE")));
    assertThat(Council.awaitStepFor(Spine.LEICS_ADMIN, inbox, nhs, 1).getBoolean("flagged"))
        .isFalse();
  }

  @Test
  @DisplayName(
      "R25: a threshold of 0 or over 50, or one without the other, is refused 400 by field and changes nothing; an unknown council is 404")
  void refusals() {
    Rest.Reply zero =
        Rest.put(Spine.ADMIN, PATH, "{\"accessesIn30Days\":0,\"organisationsIn7Days\":2}");
    assertThat(zero.status()).isEqualTo(400);
    assertThat(Council.message(zero)).contains("from 1 to 50");
    Rest.Reply half = Rest.put(Spine.ADMIN, PATH, "{\"accessesIn30Days\":2}");
    assertThat(half.status()).isEqualTo(400);
    assertThat(((JsonObject) half.json()).getString("field")).isEqualTo("organisationsIn7Days");
    assertThat(Council.ok(Rest.get(Spine.ADMIN, PATH)).getBoolean("own")).isFalse();
    assertThat(Rest.get(Spine.ADMIN, "/admin/councils/ZZZ99/pattern-thresholds").status())
        .isEqualTo(404);
  }
}

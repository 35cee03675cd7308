package org.opencpis.audit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBAccessException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opencpis.casework.domain.CaseworkRefusal;
import org.opencpis.hub.application.HubFault;
import org.opencpis.hub.application.QueryRequest;
import org.opencpis.hub.domain.Viewer;
import org.opencpis.shared.PersonName;

/** Issue 9: what one audited call's row says, from its request, its answer or its refusal. */
class AuditInterceptorTest {

  static class Service {
    @Audited(
        value = "casework.children",
        subject = {1, 2})
    public List<String> children(Object caller, String nhs, String family) {
      return List.of();
    }

    @Audited("cpis.query")
    public Object query(QueryRequest q) {
      return null;
    }
  }

  static Audited audited(String name, Class<?>... types) throws Exception {
    Method m = Service.class.getMethod(name, types);
    return AuditInterceptor.audited(m);
  }

  @Test
  @DisplayName("issue 9: a read is FOUND, FOUND n or NOT_FOUND by its answer; a change is DONE")
  void outcomes() throws Exception {
    Audited read = audited("children", Object.class, String.class, String.class);
    assertThat(AuditInterceptor.outcome(read, List.of("a", "b"))).isEqualTo("FOUND 2");
    assertThat(AuditInterceptor.outcome(read, List.of())).isEqualTo("NOT_FOUND");
    assertThat(AuditInterceptor.outcome(read, Optional.empty())).isEqualTo("NOT_FOUND");
    assertThat(AuditInterceptor.outcome(read, Optional.of(1))).isEqualTo("FOUND");
    assertThat(AuditInterceptor.outcome(read, (AuditedOutcome) () -> "DONE CPF01"))
        .isEqualTo("DONE CPF01");
  }

  @Test
  @DisplayName("issue 9: a refusal names its code; anything else is an ERROR of its type")
  void refusals() {
    assertThat(AuditInterceptor.refusal(new HubFault(HubFault.INVALID_NHS_NUMBER, "x", "bad")))
        .isEqualTo("REFUSED INVALID_NHS_NUMBER");
    assertThat(
            AuditInterceptor.refusal(
                new CaseworkRefusal(CaseworkRefusal.Kind.NOT_FOUND, null, "no such child")))
        .isEqualTo("REFUSED NOT_FOUND");
    assertThat(AuditInterceptor.refusal(new EJBAccessException("no")))
        .isEqualTo("REFUSED ACCESS_DENIED");
    assertThat(AuditInterceptor.refusal(new IllegalStateException("boom")))
        .isEqualTo("ERROR IllegalStateException");
  }

  @Test
  @DisplayName(
      "issue 9: the subject and the claims come from the request; the principal from the channel when it authenticated the peer itself")
  void record() throws Exception {
    AuditContext hl7 = new AuditContext();
    hl7.enter(AuditContext.HL7, "QBP^Q11 42", "hl7 facility RWE, address 127.0.0.1");
    Viewer nurse =
        new Viewer(
            "555000111222", null, "EDSYS", PersonName.unparsed("Ada"), null, null, "RWE", "UHL");
    QueryRequest q = new QueryRequest("999 123 4568", "Q1", true, "ED", nurse, "HL7");

    AuditRecord r =
        AuditInterceptor.record(
            hl7, null, audited("query", QueryRequest.class), new Object[] {q}, "NOT_FOUND");

    assertThat(r)
        .isEqualTo(
            new AuditRecord(
                "HL7",
                "cpis.query",
                "QBP^Q11 42",
                "hl7 facility RWE, address 127.0.0.1",
                "555000111222",
                "RWE",
                q.auditSubject(),
                "NOT_FOUND"));

    AuditContext rest = new AuditContext();
    rest.enter(AuditContext.REST, "GET /api/children");
    AuditTrail trail =
        new AuditTrail() {
          @Override
          public String callerPrincipal() {
            return "leics.admin";
          }
        };
    AuditRecord search =
        AuditInterceptor.record(
            rest,
            trail,
            audited("children", Object.class, String.class, String.class),
            new Object[] {"caller", null, "Matrix"},
            "FOUND 1");
    assertThat(search.principal()).isEqualTo("leics.admin");
    assertThat(search.subject()).isEqualTo("Matrix");
    assertThat(search.claimedUser()).isNull();
  }

  @Test
  @DisplayName("issue 9: one row per request: not for calls inside an audited call, nor after it")
  void oneRowPerRequest() {
    AuditContext c = new AuditContext();
    assertThat(c.channel()).isEqualTo(AuditContext.INTERNAL);
    assertThat(c.begin()).isTrue();
    assertThat(c.begin()).isFalse();
    c.end();
    c.recorded();
    c.end();
    assertThat(c.idle()).isFalse();
    assertThat(c.begin()).isFalse();
  }
}

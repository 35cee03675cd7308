package org.opencpis.ops.health;

/**
 * What the application knows of this node's readiness, for the health checks beside it. The checks
 * live in the EAR's {@code lib/} (WildFly's microprofile-health finds checks there, not in the EJB
 * module or the WAR of an EAR) and reach the application only through this interface, found in JNDI
 * at {@link #JNDI}: a class in {@code lib/} cannot see the EJB module's classes.
 */
public interface NodeChecks {

  String JNDI =
      "java:global/opencpis/opencpis-ejb/NodeChecksBean!" + "org.opencpis.ops.health.NodeChecks";

  /** The port the HL7 MLLP listener is bound to, or -1 when it is not listening. */
  int mllpPort();

  /** Whether the demographics service answers (without it no upload can be checked, R2). */
  boolean demographicsAvailable();

  /** The system property that says so, named in the check's answer. */
  String demographicsProperty();
}

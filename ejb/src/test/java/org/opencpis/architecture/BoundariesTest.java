package org.opencpis.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The boundaries of ARCHITECTURE.md, held by the build. */
@AnalyzeClasses(packages = "org.opencpis", importOptions = ImportOption.DoNotIncludeTests.class)
class BoundariesTest {

  @ArchTest
  static final ArchRule domainSpeaksNoProtocol =
      noClasses()
          .that()
          .resideInAPackage("..domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "jakarta.xml.ws..",
              "jakarta.jws..",
              "jakarta.ws.rs..",
              "jakarta.jms..",
              "ca.uhn..",
              "org.opencpis.contract..");

  @ArchTest
  static final ArchRule hubNeverReachesCasework =
      noClasses()
          .that()
          .resideInAPackage("org.opencpis.hub..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.opencpis.casework..");

  @ArchTest
  static final ArchRule caseworkNeverReachesHub =
      noClasses()
          .that()
          .resideInAPackage("org.opencpis.casework..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.opencpis.hub..")
          .allowEmptyShould(true);

  /** The demographic service answers the hub; it knows nothing of the hub or the councils. */
  @ArchTest
  static final ArchRule demographicsNeverReachesHubOrCasework =
      noClasses()
          .that()
          .resideInAPackage("org.opencpis.demographics..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.opencpis.hub..", "org.opencpis.casework..", "org.opencpis.notification..");

  /** The audit trail serves every context (issue 9) and knows none of them. */
  @ArchTest
  static final ArchRule auditKnowsNoContext =
      noClasses()
          .that()
          .resideInAPackage("org.opencpis.audit..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.opencpis.hub..",
              "org.opencpis.casework..",
              "org.opencpis.demographics..",
              "org.opencpis.hl7..",
              "org.opencpis.notification..",
              "org.opencpis.messaging..");

  @ArchTest
  static final ArchRule sharedKernelStandsAlone =
      noClasses()
          .that()
          .resideInAPackage("org.opencpis.shared..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.opencpis.hub..", "org.opencpis.casework..");
}

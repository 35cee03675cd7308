package org.opencpis.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The endpoints translate and delegate (ARCHITECTURE.md): the web module's SOAP, REST, FHIR and
 * page code reaches the application's services, never its repositories, its entity manager or its
 * message consumers, so every rule and every role check stays in the services.
 */
@AnalyzeClasses(packages = "org.opencpis.web", importOptions = ImportOption.DoNotIncludeTests.class)
class EndpointBoundariesTest {

  @ArchTest
  static final ArchRule endpointsNeverReachRepositories =
      noClasses()
          .that()
          .resideInAPackage("org.opencpis.web..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.opencpis..infrastructure..")
          .because("endpoints delegate to the application services, which own the repositories");

  @ArchTest
  static final ArchRule endpointsNeverUseThePersistenceContext =
      noClasses()
          .that()
          .resideInAPackage("org.opencpis.web..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("jakarta.persistence.EntityManager")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("jakarta.persistence.Query")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("jakarta.persistence.TypedQuery")
          .because("reading and writing the database is the services' work");

  @ArchTest
  static final ArchRule endpointsNeverSendMessagesThemselves =
      noClasses()
          .that()
          .resideInAPackage("org.opencpis.web..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("jakarta.jms..", "org.opencpis.messaging..")
          .because("what is sent is sent by the services, in their transaction (the outbox)");
}

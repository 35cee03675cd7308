package org.opencpis.worktime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The calendar is plain Java: only the CDI bean knows the container, only one class jollyday. */
@AnalyzeClasses(
    packages = "org.opencpis.worktime",
    importOptions = ImportOption.DoNotIncludeTests.class)
class WorktimeBoundariesTest {

  @ArchTest
  static final ArchRule calendarIsPlainJava =
      noClasses()
          .that()
          .resideInAPackage("org.opencpis.worktime..")
          .and()
          .doNotHaveSimpleName("WorkingCalendars")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("jakarta..");

  @ArchTest
  static final ArchRule jollydayStaysInOneClass =
      noClasses()
          .that()
          .resideInAPackage("org.opencpis.worktime..")
          .and()
          .doNotHaveSimpleName("BankHolidays")
          .and()
          .doNotHaveFullyQualifiedName(BankHolidays.Region.class.getName())
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("de.focus_shift..");

  @ArchTest
  static final ArchRule otherContextsStayOut =
      noClasses()
          .that()
          .resideInAPackage("org.opencpis.worktime..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.opencpis.hub..", "org.opencpis.casework..", "org.opencpis.notification..");
}

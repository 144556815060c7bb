package org.opencollections;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.camunda.bpm.engine.impl.identity.Authentication;

@AnalyzeClasses(packages = "org.opencollections", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The rules of dunning are plain Java: a unit test calls them without an engine or a context. */
  @ArchTest
  static final ArchRule dunningRulesStayFreeOfFrameworks = noClasses()
      .that().resideInAPackage("org.opencollections.dunning")
      .should().dependOnClassesThat().resideInAnyPackage(
          "org.camunda..", "org.springframework..", "jakarta.persistence..", "org.hibernate..");

  /** Only the process adapter talks to the engine; invoices, mail and credit do not know it. */
  @ArchTest
  static final ArchRule onlyTheProcessAdapterUsesTheEngine = noClasses()
      .that().resideInAnyPackage("org.opencollections.invoice..", "org.opencollections.mail..",
          "org.opencollections.credit..", "org.opencollections.charges..", "org.opencollections.plan..")
      .should().dependOnClassesThat().resideInAnyPackage("org.camunda..");

  /**
   * Engine internals stay out, so moving to the Operaton fork stays a rename. The one exception is
   * the type public API returns for the current user (IdentityService#getCurrentAuthentication).
   */
  @ArchTest
  static final ArchRule noEngineInternals = noClasses()
      .should().dependOnClassesThat(resideInAPackage("org.camunda.bpm.engine.impl..")
          .and(not(equivalentTo(Authentication.class))));
}

package io.huitong;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.beans.factory.annotation.Autowired;

/** Module boundaries: shared is infrastructure, rules know no feature, features do not cycle. */
@AnalyzeClasses(packages = "io.huitong", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule shared_is_infrastructure_only = noClasses().that().resideInAPackage("io.huitong.shared..")
            .should().dependOnClassesThat().resideInAnyPackage("io.huitong.rules..", "io.huitong.tender..");

    @ArchTest
    static final ArchRule rules_know_no_feature = noClasses().that().resideInAPackage("io.huitong.rules..")
            .should().dependOnClassesThat().resideInAPackage("io.huitong.tender..");

    @ArchTest
    static final ArchRule features_do_not_cycle = slices().matching("io.huitong.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule no_field_injection = noFields().should().beAnnotatedWith(Autowired.class);

    /** A sweep runs once per cluster, not once per node (ShedLock on the shared database). */
    @ArchTest
    static final ArchRule scheduled_sweeps_run_once_per_cluster = com.tngtech.archunit.lang.syntax.ArchRuleDefinition
            .methods().that().areAnnotatedWith(org.springframework.scheduling.annotation.Scheduled.class)
            .should().beAnnotatedWith(net.javacrumbs.shedlock.spring.annotation.SchedulerLock.class);

    /**
     * Thin steps: only the step adapters a model calls ({@code ..steps..}) and the process glue of
     * {@code shared.workflow} see the engine's {@code DelegateExecution}/{@code DelegateTask}; the domain services
     * they call take plain values, so they can be read, tested and called without a process.
     */
    @ArchTest
    static final ArchRule domain_classes_do_not_see_the_engines_delegates = noClasses().that()
            .resideOutsideOfPackages("..steps..", "io.huitong.shared.workflow..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.delegate..");

    @ArchTest
    static final ArchRule no_console_output = noClasses().should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err");
}

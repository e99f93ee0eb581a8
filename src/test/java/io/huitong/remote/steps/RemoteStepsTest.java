package io.huitong.remote.steps;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

/**
 * The remote models call thin steps (issue 15): only {@code io.huitong.remote.steps} sees the engine's delegates, and
 * every expression a remote model calls — in the models as they are, and as deployed versions called them — finds
 * its bean and a public method of that name and arity, taking the execution or task where the model passes one.
 */
class RemoteStepsTest {

    private static final Map<String, Class<?>> BEANS = Map.of("remote", RemoteSteps.class,
            "venueChoice", VenueChoiceStep.class, "recordsHandBack", RecordsHandBackStep.class);

    /** What deployed versions of remote-evaluation.bpmn call: they keep running after the models change. */
    private static final List<String> DEPLOYED = List.of("remote.acceptedPartners(evaluationId)",
            "remote.answerDue(evaluationId, partnerCentre)", "remote.answered(task)",
            "remote.beforeStartThreshold(evaluationId)", "remote.close(execution)", "remote.confirmed(task)",
            "remote.drawAt(evaluationId)", "remote.drawCommittee(evaluationId)",
            "remote.drawReplacements(evaluationId)", "remote.duringThreshold(evaluationId)",
            "remote.enoughPartners(evaluationId)", "remote.escalate(evaluationId, partnerCentre)",
            "remote.finish(evaluationId)", "remote.goOn(evaluationId)", "remote.groupOf(partnerCentre)",
            "remote.groupOfSeat(seatId)", "remote.groupOfVenue(venueId)", "remote.handedBack(task)",
            "remote.linkDecided(task)", "remote.lock(evaluationId)", "remote.markReviewed(evaluationId)",
            "remote.open(execution)", "remote.partnersAdded(task)", "remote.partnersToAsk(evaluationId)",
            "remote.planned(task)", "remote.postpone(evaluationId)", "remote.prepared(task)",
            "remote.recordsDue(evaluationId, partnerCentre)", "remote.recordsEscalation(evaluationId, partnerCentre)",
            "remote.remind(evaluationId, partnerCentre)", "remote.requestNext(execution)", "remote.rescheduled(task)",
            "remote.reviewed(evaluationId)", "remote.seatsToSignIn(evaluationId)",
            "remote.settle(evaluationId, partnerCentre)", "remote.signedIn(task)", "remote.start(evaluationId)",
            "remote.started(evaluationId)", "remote.tenderer(evaluationId)",
            "remote.timedOut(evaluationId, partnerCentre)", "remote.unlock(evaluationId)",
            "remote.venuesToPrepare(evaluationId)", "venueChoice.offer(task)", "recordsHandBack.check(task)");

    private static final Pattern CALL = Pattern.compile("\\b(remote|venueChoice|recordsHandBack)\\.(\\w+)\\(([^)]*)\\)");

    @Test
    void only_the_steps_see_the_engines_delegates() {
        JavaClasses remote = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.huitong.remote");
        noClasses().that().resideInAPackage("io.huitong.remote..").and().resideOutsideOfPackage("..steps..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.delegate..")
                .because("domain classes take plain values; the steps read the execution or task (issue 15)")
                .check(remote);
    }

    @Test
    void every_expression_of_the_remote_models_resolves() throws IOException {
        Set<String> calls = new LinkedHashSet<>(DEPLOYED);
        // the models as they are, and a deployed version kept as a test resource
        for (Path folder : List.of(Path.of("processes"), Path.of("src/test/resources/legacy"))) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> models = Files.walk(folder)) {
                for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                    Matcher m = CALL.matcher(Files.readString(model));
                    while (m.find()) {
                        calls.add(m.group());
                    }
                }
            }
        }
        assertThat(calls).as("the remote models call the remote steps").hasSizeGreaterThanOrEqualTo(DEPLOYED.size());
        List<String> unresolved = new ArrayList<>();
        for (String call : calls) {
            Matcher m = CALL.matcher(call);
            assertThat(m.matches()).isTrue();
            if (!resolves(BEANS.get(m.group(1)), m.group(1), m.group(2), m.group(3))) {
                unresolved.add(call);
            }
        }
        assertThat(unresolved).as("expressions without a public step method of that name and arity").isEmpty();
    }

    private static boolean resolves(Class<?> bean, String name, String method, String args) {
        Component component = bean.getAnnotation(Component.class);
        if (component == null || !component.value().equals(name) || !Modifier.isPublic(bean.getModifiers())) {
            return false;
        }
        List<String> given = args.isBlank() ? List.of() : Arrays.stream(args.split(",")).map(String::strip).toList();
        for (Method candidate : bean.getMethods()) {
            if (!candidate.getName().equals(method) || candidate.getParameterCount() != given.size()) {
                continue;
            }
            boolean fits = true;
            for (int i = 0; i < given.size(); i++) {
                Class<?> type = candidate.getParameterTypes()[i];
                fits &= switch (given.get(i)) {
                    case "execution" -> type == DelegateExecution.class;
                    case "task" -> type == DelegateTask.class;
                    default -> type == String.class;
                };
            }
            if (fits) {
                return true;
            }
        }
        return false;
    }
}

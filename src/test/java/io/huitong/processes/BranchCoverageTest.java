package io.huitong.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.huitong.support.PathRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every branch of every model in {@code processes/} has a path test: after the whole suite has run, each
 * outgoing flow of a decision gateway was taken, each event after an event-based gateway occurred, each
 * boundary event fired and each event subprocess started. Runs last ({@link ClassOrderer.OrderAnnotation}),
 * and only when the whole suite runs.
 */
@Order(Integer.MAX_VALUE)
class BranchCoverageTest {

    @Test
    void every_branch_of_every_model_was_taken_by_some_test() throws IOException {
        assumeTrue(System.getProperty("test") == null, "a selection of tests ran, not the suite");
        if (System.getenv("CI") != null) {
            // CI runs the whole suite: no process having run there means the recorder broke, not a selection
            assertThat(PathRecorder.started()).as("processes the suite ran (CI runs the whole suite)").isNotEmpty();
        }
        assumeTrue(!PathRecorder.started().isEmpty(), "no process ran in this test run");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> models = Files.list(Path.of("processes"))) {
            for (Path file : models.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                for (Process process : model.getModelElementsByType(Process.class)) {
                    missing.addAll(untaken(file.getFileName().toString(), process));
                }
            }
        }
        assertThat(missing).as("branches no test took").isEmpty();
    }

    private static List<String> untaken(String file, Process process) {
        String key = process.getId();
        List<String> missing = new ArrayList<>();
        for (FlowNode node : process.getChildElementsByType(FlowNode.class)) {
            collect(file, key, node, missing);
        }
        return missing;
    }

    private static void collect(String file, String key, FlowNode node, List<String> missing) {
        if (node instanceof SubProcess sub) {
            for (FlowNode inner : sub.getChildElementsByType(FlowNode.class)) {
                collect(file, key, inner, missing);
            }
            if (sub.triggeredByEvent() && !PathRecorder.started().contains(key + ":" + sub.getId())) {
                missing.add(file + " " + sub.getId() + " (event subprocess never started)");
            }
            return;
        }
        if (node instanceof EventBasedGateway) {
            for (SequenceFlow flow : node.getOutgoing()) {
                if (!PathRecorder.started().contains(key + ":" + flow.getTarget().getId())) {
                    missing.add(file + " " + node.getId() + " → " + flow.getTarget().getId());
                }
            }
        } else if ((node instanceof ExclusiveGateway || node instanceof InclusiveGateway)
                && node.getOutgoing().size() > 1 || node instanceof BoundaryEvent) {
            for (SequenceFlow flow : node.getOutgoing()) {
                if (!PathRecorder.taken().contains(key + ":" + flow.getId())) {
                    missing.add(file + " " + node.getId() + " → " + flow.getTarget().getId() + " (" + flow.getId() + ")");
                }
            }
        } else if (node instanceof StartEvent && node.getParentElement() instanceof SubProcess) {
            // reached through the event subprocess check above
        }
    }
}

package io.huitong.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.huitong.shared.workflow.ModelElement;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What Java reads from the models by name is declared, and still there. Every constant marked
 * {@link ModelElement} names an element of the process it says, of the kind it says: renaming or moving a user
 * task, event, message or error in Camunda Modeler fails here, naming the model and the element. And no Java
 * names a user task, message or process of a model without that mark, so no name escapes this check; an element
 * Java does not name can be renamed freely.
 */
class ModelContractTest {

    private static final Map<String, Path> FILES = new HashMap<>();
    private static final Map<String, BpmnModelInstance> MODELS = new HashMap<>();

    @BeforeAll
    static void readModels() throws IOException {
        for (Path file : ModelsTest.models()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (Process p : model.getModelElementsByType(Process.class)) {
                FILES.put(p.getId(), file);
                MODELS.put(p.getId(), model);
            }
        }
    }

    record Declared(String where, ModelElement mark, String value) {
    }

    static List<Declared> declared() throws IllegalAccessException {
        List<Declared> found = new ArrayList<>();
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.huitong");
        for (var type : classes) {
            for (JavaField field : type.getFields()) {
                if (!field.isAnnotatedWith(ModelElement.class)) {
                    continue;
                }
                Field f = field.reflect();
                f.setAccessible(true);
                Object value = f.get(null);
                found.add(new Declared(type.getSimpleName() + "." + field.getName(), f.getAnnotation(ModelElement.class),
                        String.valueOf(value)));
            }
        }
        return found;
    }

    @Test
    void every_name_java_reads_is_in_its_model() throws IllegalAccessException {
        List<Declared> declared = declared();
        assertThat(declared).as("constants marked @ModelElement").hasSizeGreaterThan(20);
        List<String> missing = new ArrayList<>();
        for (Declared d : declared) {
            String process = d.mark().process();
            if (!MODELS.containsKey(process)) {
                missing.add(d.where() + " = \"" + d.value() + "\": no model in processes/ defines process '" + process
                        + "'");
                continue;
            }
            String model = FILES.get(process).toString();
            if (!exists(d.mark().kind(), process, d.value())) {
                missing.add(model + ": " + kind(d.mark().kind()) + " '" + d.value() + "' of process '" + process
                        + "', which " + d.where() + " reads, is not there (renamed or moved?)");
            }
        }
        assertThat(missing).as("names Java reads from the models").isEmpty();
    }

    /** A user task, message or process of a model named in Java source outside a marked constant escapes the check. */
    @Test
    void java_names_user_tasks_messages_and_processes_only_through_marked_constants() throws IOException {
        Set<String> names = new HashSet<>();
        for (var entry : MODELS.entrySet()) {
            names.add(entry.getKey());
            BpmnModelInstance model = entry.getValue();
            model.getModelElementsByType(UserTask.class).forEach(t -> names.add(t.getId()));
            model.getModelElementsByType(Message.class).forEach(m -> names.add(m.getName()));
        }
        Pattern literal = Pattern.compile("\"([A-Za-z][A-Za-z0-9-]*)\"");
        List<String> unmarked = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(source);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = literal.matcher(lines.get(i));
                    while (m.find()) {
                        if (names.contains(m.group(1)) && !marked(lines, i)) {
                            unmarked.add(source + ":" + (i + 1) + " names \"" + m.group(1)
                                    + "\" of a model: declare it once as a @ModelElement constant");
                        }
                    }
                }
            }
        }
        assertThat(unmarked).isEmpty();
    }

    private static boolean marked(List<String> lines, int line) {
        for (int i = line; i >= Math.max(0, line - 3); i--) {
            if (lines.get(i).contains("ModelElement(")) {
                return true;
            }
            if (i < line && lines.get(i).trim().endsWith(";")) {
                return false;
            }
        }
        return false;
    }

    static boolean exists(ModelElement.Kind kind, String process, String value) {
        BpmnModelInstance model = MODELS.get(process);
        Process owner = (Process) model.getModelElementById(process);
        return switch (kind) {
            case PROCESS -> true;
            case USER_TASK -> model.getModelElementById(value) instanceof UserTask t && within(t, owner);
            case ELEMENT -> model.getModelElementById(value) instanceof FlowElement e && within(e, owner);
            case MESSAGE -> model.getModelElementsByType(MessageEventDefinition.class).stream()
                    .anyMatch(d -> d.getMessage() != null && value.equals(d.getMessage().getName()) && within(d, owner));
            case ERROR -> model.getModelElementsByType(ErrorEventDefinition.class).stream()
                    .anyMatch(d -> d.getError() != null && value.equals(d.getError().getErrorCode()) && within(d, owner));
        };
    }

    private static boolean within(ModelElementInstance element, Process process) {
        for (ModelElementInstance p = element; p != null; p = p.getParentElement()) {
            if (p == process) {
                return true;
            }
        }
        return false;
    }

    private static String kind(ModelElement.Kind kind) {
        return switch (kind) {
            case PROCESS -> "process";
            case USER_TASK -> "user task";
            case ELEMENT -> "element";
            case MESSAGE -> "message";
            case ERROR -> "error code";
        };
    }
}

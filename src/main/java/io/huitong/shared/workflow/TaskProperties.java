package io.huitong.shared.workflow;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * What a process designer says of a user task in its model, as {@code camunda:properties} that Camunda Modeler's
 * properties panel shows (for example {@code meets}: the due dates the task meets, {@code refunds}: which bonds it
 * refunds). The application reads the model, never a list of element ids: renaming a task in Modeler keeps them.
 */
@Component
public class TaskProperties {

    /** The due dates (period names, comma-separated) a task meets when done. */
    public static final String MEETS = "meets";
    /** Which bonds a refund step refunds: due, due-except-winner, due-of-round, all-held. */
    public static final String REFUNDS = "refunds";

    private final RepositoryService repository;

    TaskProperties(RepositoryService repository) {
        this.repository = repository;
    }

    /** The property of the task's model element, if the designer set one. */
    public static Optional<String> of(DelegateTask task, String name) {
        return ofElement(task.getBpmnModelElementInstance(), name);
    }

    /** The same for a task read from the task service (the model comes from the engine's deployment cache). */
    public Optional<String> of(Task task, String name) {
        if (task.getProcessDefinitionId() == null) {
            return Optional.empty();
        }
        Object element = repository.getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(task.getTaskDefinitionKey());
        return ofElement(element, name);
    }

    /** A comma-separated property as a list (empty when not set). */
    public static List<String> list(Optional<String> value) {
        return value.map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    private static Optional<String> ofElement(Object element, String name) {
        if (!(element instanceof BaseElement e) || e.getExtensionElements() == null) {
            return Optional.empty();
        }
        return e.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream()).filter(p -> name.equals(p.getCamundaName()))
                .map(CamundaProperty::getCamundaValue).findFirst();
    }
}

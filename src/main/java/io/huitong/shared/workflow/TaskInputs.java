package io.huitong.shared.workflow;

import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * The variables a user task takes: the extension property {@code inputs} of its model (a comma-separated list,
 * empty for none). Whoever completes a task — Camunda's REST API, Tasklist, a BPMN error thrown from it, Java —
 * sets only those; anything else (another step's variables, the process's own such as {@code tenderId}, the
 * engine's {@code nrOfInstances}) is refused with 422 and changes nothing ({@link EngineGuards}). A value set
 * is a plain one (boolean, string, integer, long, short, double, date, or null): an object (serialized Java,
 * JSON or XML with a class name, Spin's JSON or XML, a file) would make the engine deserialize a class of the
 * caller's choosing when a step reads it. Huitong's own API decides the variables it passes itself (a
 * committee's members, a decision record's id) and says so with {@link #decidedByHuitong}.
 */
public final class TaskInputs {

    public static final String INPUTS = "inputs";

    private static final ThreadLocal<Boolean> DECIDED_BY_HUITONG = new ThreadLocal<>();
    /** Deployed definitions do not change: their tasks' inputs are read once. */
    private static final Map<String, Set<String>> DECLARED = new ConcurrentHashMap<>();

    private TaskInputs() {
    }

    /** Runs a completion whose variables Huitong's API decided (not taken from the operator as they came). */
    public static <T> T decidedByHuitong(Supplier<T> completion) {
        Boolean previous = DECIDED_BY_HUITONG.get();
        DECIDED_BY_HUITONG.set(Boolean.TRUE);
        try {
            return completion.get();
        } finally {
            if (previous == null) {
                DECIDED_BY_HUITONG.remove();
            } else {
                DECIDED_BY_HUITONG.set(previous);
            }
        }
    }

    static boolean decidedByHuitong() {
        return DECIDED_BY_HUITONG.get() != null;
    }

    /** The inputs the task's model declares (read once per deployed definition); none outside a process. */
    static Set<String> declared(TaskEntity task) {
        String definition = task.getProcessDefinitionId();
        if (definition == null) {
            return Set.of();
        }
        return DECLARED.computeIfAbsent(definition + "#" + task.getTaskDefinitionKey(), k -> {
            UserTask userTask = Context.getProcessEngineConfiguration().getDeploymentCache()
                    .findBpmnModelInstanceForProcessDefinition(definition).getModelElementById(task.getTaskDefinitionKey());
            if (userTask == null || userTask.getExtensionElements() == null) {
                return Set.of();
            }
            return userTask.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list()
                    .stream().flatMap(p -> p.getCamundaProperties().stream())
                    .filter(p -> INPUTS.equals(p.getCamundaName())).map(CamundaProperty::getCamundaValue)
                    .flatMap(v -> Arrays.stream(v == null ? new String[0] : v.split(",")))
                    .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        });
    }

    /** The types of value a user sets on a task: plain ones, which nothing deserializes. */
    static final Set<ValueType> PLAIN = Set.of(ValueType.BOOLEAN, ValueType.STRING, ValueType.INTEGER,
            ValueType.LONG, ValueType.SHORT, ValueType.DOUBLE, ValueType.DATE, ValueType.NULL);

    /** Refuses the variables given with a task that are not plain values (422, each named). */
    static void checkTypes(TaskEntity task, Map<?, ?> given) {
        if (given == null || given.isEmpty() || decidedByHuitong()) {
            return;
        }
        Map<String, Object> byName = new java.util.TreeMap<>();
        if (given instanceof VariableMap typed) {
            // a variable map's entries give the values (deserialized, or failing to be): their typed values
            typed.keySet().forEach(name -> byName.put(name, typed.getValueTyped(name)));
        } else {
            given.forEach((name, value) -> byName.put(String.valueOf(name), value));
        }
        List<Violation> refused = byName.entrySet().stream().filter(e -> !plain(e.getValue()))
                .map(e -> Violation.of("variables." + e.getKey(), "validation.task-input-type", null,
                        PLAIN.stream().map(ValueType::getName).sorted().toList(), typeOf(e.getValue()),
                        "该步骤只接受基本类型的值（布尔、字符串、整数、小数、日期），不接受对象",
                        "The step " + task.getTaskDefinitionKey() + " takes plain values only (boolean, string, "
                                + "integer, long, short, double, date), not " + typeOf(e.getValue())))
                .toList();
        if (!refused.isEmpty()) {
            throw new ValidationException(refused);
        }
    }

    /** A typed value of a plain type, or an untyped one (Java's, or REST's without a type) of a plain class. */
    static boolean plain(Object value) {
        if (value instanceof TypedValue typed) {
            return typed.getType() == null ? plain(typed.getValue()) : PLAIN.contains(typed.getType());
        }
        return value == null || value instanceof Boolean || value instanceof String || value instanceof Integer
                || value instanceof Long || value instanceof Short || value instanceof Double
                || value instanceof java.util.Date;
    }

    private static String typeOf(Object value) {
        if (value instanceof TypedValue typed) {
            return typed.getType() == null ? typeOf(typed.getValue()) : typed.getType().getName();
        }
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    /** Refuses the variables given with a task that its model does not declare. */
    static void check(TaskEntity task, Collection<String> given) {
        if (given == null || given.isEmpty() || decidedByHuitong()) {
            return;
        }
        Set<String> allowed = declared(task);
        List<String> refused = given.stream().filter(n -> !allowed.contains(n)).sorted().toList();
        if (!refused.isEmpty()) {
            throw new ValidationException(refused.stream().map(n -> Violation.of("variables." + n,
                    "validation.task-input", null, allowed.stream().sorted().toList(), n,
                    "该步骤不接受该变量（可接受：" + (allowed.isEmpty() ? "无" : String.join("、", allowed.stream().sorted().toList())) + "）",
                    "The step " + task.getTaskDefinitionKey() + " does not take this input (it takes "
                            + (allowed.isEmpty() ? "none" : String.join(", ", allowed.stream().sorted().toList())) + ")"))
                    .toList());
        }
    }
}

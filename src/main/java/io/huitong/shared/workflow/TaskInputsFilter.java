package io.huitong.shared.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huitong.shared.web.Problems;
import io.huitong.shared.web.ReplayedRequest;
import io.huitong.shared.web.Violation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The answer Tasklist's own API ({@code /camunda/api/engine}, Camunda's JAX-RS application, whose error handlers
 * Huitong does not replace) gives a completion with inputs the task's model does not declare: 422 with the
 * violations, as {@code /engine-rest} answers. The guard itself is the engine's ({@link EngineGuards}, which every
 * door passes, whatever its URL); this filter only shapes that door's answer, so a URL it misses is still refused.
 */
public class TaskInputsFilter extends OncePerRequestFilter {

    /** …/task/{id}/complete, /submit-form, /resolve (a trailing slash too) under Tasklist's /camunda/api/engine/... */
    private static final Pattern COMPLETION = Pattern.compile(".*/task/([^/]+)/(complete|submit-form|resolve)/?$");
    public static final String INPUTS = TaskInputs.INPUTS;

    // looked up at the first request: the filter is made with the web server, before the engine and its schema
    private final ObjectProvider<TaskService> tasks;
    private final ObjectProvider<RepositoryService> repository;
    private final ObjectMapper json;
    private final Map<String, Set<String>> declared = new ConcurrentHashMap<>();

    public TaskInputsFilter(ObjectProvider<TaskService> tasks, ObjectProvider<RepositoryService> repository,
            ObjectMapper json) {
        this.tasks = tasks;
        this.repository = repository;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !COMPLETION.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        Matcher m = COMPLETION.matcher(request.getRequestURI());
        m.matches();
        Task task = tasks.getObject().createTaskQuery().taskId(m.group(1)).singleResult();
        List<String> given = variableNames(body);
        if (task != null && task.getProcessDefinitionId() != null && !given.isEmpty()) {
            Set<String> allowed = inputs(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
            List<String> refused = given.stream().filter(n -> !allowed.contains(n)).toList();
            if (!refused.isEmpty()) {
                ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "validation-failed",
                        "请求未通过校验 / Validation failed", "该步骤不接受这些变量 / This step does not take "
                                + refused + "; it takes " + (allowed.isEmpty() ? "none" : allowed));
                problem.setProperty("message", problem.getDetail());
                problem.setProperty("violations", refused.stream().map(n -> Violation.of("variables." + n,
                        "validation.task-input", null, allowed, n, "该步骤不接受该变量", "The step does not take this input"))
                        .toList());
                response.setStatus(422);
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write(json.writeValueAsString(problem));
                return;
            }
        }
        chain.doFilter(new ReplayedRequest(request, body), response);
    }

    /** The names of the variables a completion carries (JSON {"variables": {...}}). */
    private List<String> variableNames(byte[] body) {
        List<String> names = new ArrayList<>();
        if (body.length == 0) {
            return names;
        }
        try {
            JsonNode variables = json.readTree(body).path("variables");
            for (Iterator<String> it = variables.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
        } catch (IOException e) {
            // not JSON: the engine's REST API answers that itself
        }
        return names;
    }

    /** The inputs a user task declares, read from its deployed model. */
    Set<String> inputs(String processDefinitionId, String taskKey) {
        return declared.computeIfAbsent(processDefinitionId + "#" + taskKey, k -> {
            UserTask userTask = repository.getObject().getBpmnModelInstance(processDefinitionId)
                    .getModelElementById(taskKey);
            if (userTask == null || userTask.getExtensionElements() == null) {
                return Set.of();
            }
            return userTask.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list()
                    .stream().flatMap(p -> p.getCamundaProperties().stream())
                    .filter(p -> INPUTS.equals(p.getCamundaName()))
                    .map(CamundaProperty::getCamundaValue)
                    .flatMap(v -> Arrays.stream(v == null ? new String[0] : v.split(",")))
                    .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        });
    }
}

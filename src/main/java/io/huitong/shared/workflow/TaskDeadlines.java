package io.huitong.shared.workflow;

import io.huitong.shared.audit.AuditLog;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Overdue tasks (their due date comes from the legal periods): each is reminded once — its priority raised in
 * every list it is on, a comment on the task, an entry in the audit log; where the model names an
 * {@code escalateTo} group (a user task's extension property, with {@code escalateAfter} as an ISO duration,
 * default one day), the task is also given to that group once it is overdue by as long. Runs every minute
 * ({@code huitong.tasks.sweep-interval}); tests move the clock and call {@link #sweep()}.
 */
@Component
public class TaskDeadlines {

    public static final String ESCALATE_TO = "escalateTo";
    public static final String ESCALATE_AFTER = "escalateAfter";
    /** The priority of an overdue task (the engine's default is 50). */
    public static final int OVERDUE_PRIORITY = 80;

    private final TaskService tasks;
    private final RepositoryService repository;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final io.huitong.shared.time.LegalClock clock;
    private final Map<String, Map<String, String>> properties = new ConcurrentHashMap<>();

    TaskDeadlines(TaskService tasks, RepositoryService repository, JdbcClient jdbc, AuditLog audit,
            TransactionTemplate transactions, io.huitong.shared.time.LegalClock clock) {
        this.tasks = tasks;
        this.repository = repository;
        this.jdbc = jdbc;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What a sweep did. */
    public record Sweep(int reminded, int escalated) {
    }

    public Sweep sweep() {
        Instant now = clock.instant();
        int reminded = 0;
        int escalated = 0;
        for (Task task : tasks.createTaskQuery().active().dueBefore(Date.from(now)).list()) {
            Notice notice = notice(task.getId());
            if (notice.remindedAt() == null) {
                transactions.executeWithoutResult(s -> {
                    // raised in everyone's list (Tasklist sorts and shows by priority), and said on the task
                    tasks.setPriority(task.getId(), Math.max(task.getPriority(), OVERDUE_PRIORITY));
                    tasks.createComment(task.getId(), task.getProcessInstanceId(), "逾期提醒：办理期限为 "
                            + task.getDueDate().toInstant() + "，请尽快办理 / Overdue: it was due " + task.getDueDate().toInstant());
                    jdbc.sql("insert into task_notice (task_id, reminded_at) values (?, ?)")
                            .params(task.getId(), Timestamp.from(now)).update();
                    audit.record("system", null, "REMIND", "/tasks/" + task.getId(), 200, task.getTaskDefinitionKey());
                });
                reminded++;
            }
            Map<String, String> declared = declared(task);
            String group = declared.get(ESCALATE_TO);
            Duration after = Duration.parse(declared.getOrDefault(ESCALATE_AFTER, "P1D"));
            if (group != null && notice.escalatedAt() == null
                    && !now.isBefore(task.getDueDate().toInstant().plus(after))) {
                transactions.executeWithoutResult(s -> {
                    tasks.addCandidateGroup(task.getId(), group);
                    tasks.createComment(task.getId(), task.getProcessInstanceId(), "逾期上报 " + group
                            + "：已超过办理期限 " + after + " / Escalated to " + group);
                    if (jdbc.sql("update task_notice set escalated_at = ?, escalated_to = ? where task_id = ?")
                            .params(Timestamp.from(now), group, task.getId()).update() == 0) {
                        jdbc.sql("insert into task_notice (task_id, escalated_at, escalated_to) values (?, ?, ?)")
                                .params(task.getId(), Timestamp.from(now), group).update();
                    }
                    audit.record("system", null, "ESCALATE", "/tasks/" + task.getId(), 200, group);
                });
                escalated++;
            }
        }
        return new Sweep(reminded, escalated);
    }

    /** When a task was reminded and escalated, and to whom. */
    public record Notice(Instant remindedAt, Instant escalatedAt, String escalatedTo) {
    }

    public Notice notice(String taskId) {
        return jdbc.sql("select * from task_notice where task_id = ?").param(taskId)
                .query((rs, i) -> new Notice(rs.getTimestamp("reminded_at") == null ? null
                        : rs.getTimestamp("reminded_at").toInstant(),
                        rs.getTimestamp("escalated_at") == null ? null : rs.getTimestamp("escalated_at").toInstant(),
                        rs.getString("escalated_to")))
                .optional().orElse(new Notice(null, null, null));
    }

    private Map<String, String> declared(Task task) {
        return properties.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(), k -> {
            UserTask userTask = repository.getBpmnModelInstance(task.getProcessDefinitionId())
                    .getModelElementById(task.getTaskDefinitionKey());
            if (userTask == null || userTask.getExtensionElements() == null) {
                return Map.of();
            }
            Map<String, String> found = new java.util.HashMap<>();
            userTask.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                    .flatMap(p -> p.getCamundaProperties().stream())
                    .filter((CamundaProperty p) -> p.getCamundaName() != null && p.getCamundaValue() != null)
                    .forEach((CamundaProperty p) -> found.put(p.getCamundaName(), p.getCamundaValue()));
            return Map.copyOf(found);
        });
    }
}

package io.huitong.shared.workflow;

import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.security.access.AccessDeniedException;

/**
 * A task's properties are not its people's to change: its due and follow-up dates come from the legal periods
 * (the overdue sweep reminds and escalates by them), its name and description from its model, the rest from the
 * engine. Its people may hand it to one another (owner, assignee: within its own people, as
 * {@link TaskAssignments} does) and raise its priority (flag it as urgent), never lower it (an overdue reminder
 * raises it). Checked for a signed-in user, whatever door: a task saved whole ({@code PUT /task/{id}},
 * Tasklist), or one property set ({@code TaskService#setDueDate} and the like); Huitong itself (the overdue sweep,
 * unauthenticated) is not checked ({@link EngineGuards}).
 */
final class TaskEdits {

    static final String DUE = "due";
    static final String FOLLOW_UP = "followUp";
    static final String NAME = "name";
    static final String DESCRIPTION = "description";
    static final String PRIORITY = "priority";

    private TaskEdits() {
    }

    /** A task saved whole: the task as stored, and as it would be saved. */
    static void saved(TaskEntity stored, TaskEntity changed) {
        handedTo(stored, stored.getOwner(), changed.getOwner());
        handedTo(stored, stored.getAssignee(), changed.getAssignee());
        List<Violation> refused = new ArrayList<>();
        date(refused, stored, DUE, stored.getDueDate(), changed.getDueDate());
        date(refused, stored, FOLLOW_UP, stored.getFollowUpDate(), changed.getFollowUpDate());
        fixed(refused, stored, NAME, stored.getName(), changed.getName());
        fixed(refused, stored, DESCRIPTION, stored.getDescription(), changed.getDescription());
        priority(refused, stored, changed.getPriority());
        fixed(refused, stored, "delegationState", stored.getDelegationState(), changed.getDelegationState());
        fixed(refused, stored, "parentTaskId", stored.getParentTaskId(), changed.getParentTaskId());
        fixed(refused, stored, "caseInstanceId", stored.getCaseInstanceId(), changed.getCaseInstanceId());
        fixed(refused, stored, "tenantId", stored.getTenantId(), changed.getTenantId());
        refuse(refused);
    }

    /** One property set: {@code field} as the REST API names it. */
    static void set(TaskEntity stored, String field, Object value) {
        List<Violation> refused = new ArrayList<>();
        switch (field) {
            case DUE -> date(refused, stored, DUE, stored.getDueDate(), (Date) value);
            case FOLLOW_UP -> date(refused, stored, FOLLOW_UP, stored.getFollowUpDate(), (Date) value);
            case NAME -> fixed(refused, stored, NAME, stored.getName(), value);
            case DESCRIPTION -> fixed(refused, stored, DESCRIPTION, stored.getDescription(), value);
            case PRIORITY -> priority(refused, stored, (Integer) value);
            default -> throw new IllegalArgumentException(field);
        }
        refuse(refused);
    }

    /** The task as stored, read past the command's cache (the command merges its own copy of the task). */
    static TaskEntity stored(String taskId) {
        return taskId == null ? null
                : (TaskEntity) Context.getCommandContext().getDbSqlSession().selectOne("selectTask", taskId);
    }

    private static void handedTo(TaskEntity task, String before, String after) {
        if (after != null && !after.equals(before) && !TaskAssignments.ofItsPeople(task, after)) {
            throw new AccessDeniedException("只能交给本任务的候选人 / A task goes only to one of its candidates: " + after
                    + " is not");
        }
    }

    private static void date(List<Violation> refused, TaskEntity task, String field, Date before, Date after) {
        // the store gives a Timestamp, the caller a Date: compared by the instant
        if (before == null ? after == null : after != null && before.getTime() == after.getTime()) {
            return;
        }
        refused.add(Violation.of(field, "validation.task-property", null, before == null ? null : before.toInstant(),
                after == null ? null : after.toInstant(),
                (DUE.equals(field) ? "办理期限" : "跟进日期") + "由法定期间确定，不能修改",
                "The " + (DUE.equals(field) ? "due date" : "follow-up date") + " of " + task.getTaskDefinitionKey()
                        + " comes from the legal periods and cannot be changed"));
    }

    private static void fixed(List<Violation> refused, TaskEntity task, String field, Object before, Object after) {
        if (Objects.equals(before, after)) {
            return;
        }
        boolean model = NAME.equals(field) || DESCRIPTION.equals(field);
        refused.add(Violation.of(field, "validation.task-property", null, before, after,
                "任务的" + (NAME.equals(field) ? "名称" : DESCRIPTION.equals(field) ? "说明" : " " + field + " ")
                        + (model ? "由流程模型确定" : "由流程引擎确定") + "，不能修改",
                "The " + field + " of " + task.getTaskDefinitionKey() + " comes from its " + (model ? "model"
                        : "engine") + " and cannot be changed"));
    }

    private static void priority(List<Violation> refused, TaskEntity task, Integer after) {
        if (after == null || after >= task.getPriority()) {
            return;
        }
        refused.add(Violation.of(PRIORITY, "validation.task-property", null, task.getPriority(), after,
                "任务的优先级只能提高，不能降低（逾期提醒会提高它）",
                "The priority of " + task.getTaskDefinitionKey() + " can be raised, not lowered (an overdue "
                        + "reminder raises it)"));
    }

    private static void refuse(List<Violation> refused) {
        if (!refused.isEmpty()) {
            throw new ValidationException(refused);
        }
    }
}

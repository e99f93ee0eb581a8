package io.huitong.shared.workflow;

import io.huitong.shared.security.Operator;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.NotFoundException;
import io.huitong.shared.web.RuleRefusalException;
import io.huitong.shared.web.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Completes user tasks for Huitong's API as Tasklist would: the operator must be the task's assignee, a
 * candidate user or a member of a candidate group; the engine is told who acts, so that its history and the
 * task listeners see the operator.
 */
@Component
public class TaskActions {

    private final TaskService tasks;
    private final IdentityService identity;

    TaskActions(TaskService tasks, IdentityService identity) {
        this.tasks = tasks;
        this.identity = identity;
    }

    /** The open tasks of every process instance with this business key (the tender id). */
    public List<Task> open(String businessKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).active().initializeFormKeys()
                .orderByTaskCreateTime().asc().list();
    }

    /** The open tasks of that definition for the business key. */
    public List<Task> open(String businessKey, String taskDefinitionKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskDefinitionKey)
                .active().list();
    }

    /** The candidate groups of a task. */
    public List<String> candidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    /** The candidate users of a task (a step made for one person among others, such as the tenderer's). */
    public List<String> candidateUsers(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null)
                .map(IdentityLink::getUserId).toList();
    }

    /**
     * Completes the open task of that definition on which the operator may work.
     *
     * @throws ConflictException when no such task is open
     * @throws AccessDeniedException when the operator may not work on it
     */
    public void complete(String businessKey, String taskDefinitionKey, Operator operator, Map<String, Object> variables) {
        List<Task> candidates = open(businessKey, taskDefinitionKey);
        if (candidates.isEmpty()) {
            throw new ConflictException("没有待办理的该项任务 / No open task " + taskDefinitionKey + " for " + businessKey);
        }
        List<String> groups = groupsOf(operator.userId());
        Task task = candidates.stream().filter(t -> mayWork(t, operator.userId(), groups)).findFirst()
                .orElseThrow(() -> new AccessDeniedException("该任务不由你办理 / This task is not yours to do: "
                        + taskDefinitionKey));
        complete(task, operator, groups, variables, false);
    }

    /**
     * Completes the open task of that definition whose variable {@code variable} (a multi-instance element: the
     * venue, the seat, the partner centre) has that value; the values given are set on the task only, so they
     * never reach the process's other steps.
     *
     * @throws ConflictException when no such task is open
     * @throws AccessDeniedException when the operator may not work on it
     */
    /** Completes this open task, with no variables, for an operator who may work on it (403 otherwise). */
    public void completeTask(String taskId, Operator operator) {
        Task task = tasks.createTaskQuery().taskId(taskId).active().singleResult();
        if (task == null) {
            throw new ConflictException("该任务已不再待办 / The task is no longer open: " + taskId);
        }
        List<String> groups = groupsOf(operator.userId());
        if (!mayWork(task, operator.userId(), groups)) {
            throw new AccessDeniedException("该任务不由你办理 / This task is not yours to do: "
                    + task.getTaskDefinitionKey());
        }
        complete(task, operator, groups, Map.of(), false);
    }

    public void completeOne(String businessKey, String taskDefinitionKey, String variable, Object value,
            Operator operator, Map<String, Object> taskVariables) {
        Task task = open(businessKey, taskDefinitionKey).stream()
                .filter(t -> value.equals(tasks.getVariable(t.getId(), variable))).findFirst()
                .orElseThrow(() -> new ConflictException("没有待办理的该项任务 / No open task " + taskDefinitionKey
                        + " for " + variable + " " + value));
        List<String> groups = groupsOf(operator.userId());
        if (!mayWork(task, operator.userId(), groups)) {
            throw new AccessDeniedException("该任务不由你办理 / This task is not yours to do: " + taskDefinitionKey);
        }
        complete(task, operator, groups, taskVariables, true);
    }

    /**
     * Completed by someone else at the same moment: a conflict, and one that may pass — a peer's message is delivered
     * again, and then finds the task gone for good or open again.
     */
    private static io.huitong.shared.web.ConcurrentChangeException concurrent() {
        return new io.huitong.shared.web.ConcurrentChangeException(
                "该任务已由他人同时办理 / The task was completed by someone else at the same time");
    }

    private void complete(Task task, Operator operator, List<String> groups, Map<String, Object> variables,
            boolean local) {
        Authentication previous = identity.getCurrentAuthentication();
        try {
            if (local) {
                // set by Huitong itself, before it acts for the operator (who may work on the task, not write to it)
                tasks.setVariablesLocal(task.getId(), variables);
            }
            identity.setAuthentication(operator.userId(), groups);
            if (local) {
                tasks.complete(task.getId());
            } else {
                // Huitong's API decided these (its callers' own checks), not only a task's declared inputs
                TaskInputs.decidedByHuitong(() -> {
                    tasks.complete(task.getId(), variables);
                    return null;
                });
            }
        } catch (org.camunda.bpm.engine.AuthorizationException e) {
            // the task's permissions went with it when another request completed it first: that is a conflict
            // (looked up as the platform: the operator's own view would hide a task it may not work on)
            identity.clearAuthentication();
            if (tasks.createTaskQuery().taskId(task.getId()).count() == 0) {
                throw concurrent();
            }
            throw refusal(e);
        } catch (OptimisticLockingException e) {
            // another request (on this node or another) completed it first, or another step of the same procedure
            // committed at the same moment: nothing changed (whether the task is still open cannot be told inside
            // this transaction: the failed flush may have removed it here already)
            throw concurrent();
        } catch (org.camunda.bpm.engine.exception.NotFoundException
                | org.camunda.bpm.engine.exception.NullValueException e) {
            // another request (on this node or another) completed it first: the task is gone
            throw concurrent();
        } catch (ProcessEngineException e) {
            // completed by another request meanwhile, whatever the engine tripped over: a conflict
            identity.clearAuthentication();
            if (tasks.createTaskQuery().taskId(task.getId()).count() == 0) {
                throw concurrent();
            }
            throw refusal(e);
        } finally {
            if (previous == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthentication(previous);
            }
        }
    }

    /**
     * A task listener that refuses a completion throws a domain exception, which the engine wraps: the caller
     * gets the refusal itself (a 4xx with its violations), not the engine's wrapper.
     */
    static RuntimeException refusal(ProcessEngineException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ValidationException || t instanceof RuleRefusalException || t instanceof ConflictException
                    || t instanceof NotFoundException || t instanceof AccessDeniedException) {
                return (RuntimeException) t;
            }
        }
        return e;
    }

    /** Whether the user may work on the task: its assignee, or a candidate. */
    public boolean mayWork(Task task, String userId, List<String> groups) {
        if (task.getAssignee() != null) {
            return task.getAssignee().equals(userId);
        }
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .anyMatch(link -> userId.equals(link.getUserId()) || groups.contains(link.getGroupId()));
    }

    public List<String> groupsOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }

    /** The open task of that definition, if exactly one. */
    public Optional<Task> single(String businessKey, String taskDefinitionKey) {
        List<Task> open = open(businessKey, taskDefinitionKey);
        return open.size() == 1 ? Optional.of(open.get(0)) : Optional.empty();
    }
}

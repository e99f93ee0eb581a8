package io.huitong.tender;

import io.huitong.shared.security.Operator;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import io.huitong.tender.workflow.RegistrationProcess;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approval route of a registration (审批). Any member of a step's candidate group acts for the step; a
 * return needs its reasons. Steps are completed through the REST API or Camunda Tasklist alike: the task
 * listener of the model (the step adapter {@code tender.steps.ApprovalRouteSteps}, bean {@code approvalService})
 * records every step here, whoever completed it.
 */
@Service("approvals")
public class ApprovalService {

    private final Tenders tenders;
    private final ApprovalSteps steps;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ApprovalService(Tenders tenders, ApprovalSteps steps, TaskService taskService, IdentityService identityService,
            Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.tenders = tenders;
        this.steps = steps;
        this.taskService = taskService;
        this.identityService = identityService;
        this.clock = clock;
    }

    /** The open step of a tender's route, if any: its task and candidate group. */
    public record OpenStep(String taskId, String candidateGroup, int stepNo, String name) {
    }

    public Optional<OpenStep> openStep(Tender tender) {
        if (tender.processInstanceId() == null) {
            return Optional.empty();
        }
        Task task = taskService.createTaskQuery().processInstanceId(tender.processInstanceId())
                .taskDefinitionKey(RegistrationProcess.APPROVAL_TASK).active().singleResult();
        if (task == null) {
            return Optional.empty();
        }
        try {
            String group = taskService.getIdentityLinksForTask(task.getId()).stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                    .map(link -> link.getGroupId()).findFirst().orElse(null);
            Object loop = taskService.getVariable(task.getId(), RegistrationProcess.LOOP_COUNTER);
            return Optional.of(new OpenStep(task.getId(), group, stepNo(loop), task.getName()));
        } catch (org.camunda.bpm.engine.exception.NullValueException
                | org.camunda.bpm.engine.exception.NotFoundException e) {
            // decided meanwhile (on this node or another) between finding the step and reading it: none is open
            return Optional.empty();
        }
    }

    /**
     * Decides the open step of a tender's route as the operator.
     *
     * @throws ConflictException when the tender has no open step
     * @throws AccessDeniedException when the operator is not in the step's candidate group
     * @throws ValidationException when a return gives no reasons
     */
    @Transactional
    public void decide(String tenderId, boolean approved, String comment, Operator operator) {
        decide(tenderId, approved, comment, null, operator);
    }

    /** The same, for the step the approver saw: if someone decided it meanwhile (on any node), 409. */
    public void decide(String tenderId, boolean approved, String comment, String taskId, Operator operator) {
        Tender tender = tenders.get(tenderId);
        OpenStep step = openStep(tender).orElseThrow(() -> new ConflictException("招标项目 " + tenderId
                + " 没有待审批的步骤 / Tender " + tenderId + " has no open approval step"));
        if (taskId != null && !taskId.equals(step.taskId())) {
            throw new ConflictException("该步骤已由他人处理 / The step was decided by someone else meanwhile");
        }
        List<String> groups = groupsOf(operator.userId());
        if (!groups.contains(step.candidateGroup())) {
            throw new AccessDeniedException("本步骤由 " + step.candidateGroup() + " 审批 / This step is decided by "
                    + step.candidateGroup());
        }
        requireReasons(approved, comment);
        Authentication previous = identityService.getCurrentAuthentication();
        identityService.setAuthentication(operator.userId(), groups);
        try {
            taskService.complete(step.taskId(), Variables.createVariables()
                    .putValue(RegistrationProcess.APPROVED, approved)
                    .putValue(RegistrationProcess.COMMENT, comment));
        } catch (org.camunda.bpm.engine.AuthorizationException e) {
            // the task's permissions went with it when another request completed it first: that is a conflict
            // (looked up as the platform: the operator's own view would hide a task it may not work on)
            identityService.clearAuthentication();
            if (taskService.createTaskQuery().taskId(step.taskId()).count() == 0) {
                throw new ConflictException("该任务已由他人同时办理 / The task was completed by someone else at the same time");
            }
            throw e;
        } catch (OptimisticLockingException | org.camunda.bpm.engine.exception.NotFoundException
                | org.camunda.bpm.engine.exception.NullValueException e) {
            // another request (on this node or another) completed it first: the task is gone
            throw new ConflictException("该步骤已由他人处理 / The step was decided by someone else at the same time");
        } catch (org.camunda.bpm.engine.ProcessEngineException e) {
            // whatever shape the race took (the step recorded meanwhile, its candidates or permissions gone with
            // it), a step another request completed first is a conflict
            identityService.clearAuthentication();
            if (hasCause(e, org.springframework.dao.DuplicateKeyException.class)
                    || taskService.createTaskQuery().taskId(step.taskId()).count() == 0) {
                throw new ConflictException("该步骤已由他人处理 / The step was decided by someone else at the same time");
            }
            throw e;
        } finally {
            if (previous == null) {
                identityService.clearAuthentication();
            } else {
                identityService.setAuthentication(previous);
            }
        }
    }

    /**
     * Checks the decision of a completed step and records it, whoever completed the task (through the API,
     * Tasklist or the engine's REST API): the decider must be authenticated and in the step's candidate group.
     *
     * @param group      the task's own candidate group, not a variable a task worker could overwrite
     * @param user       the authenticated user who completed the task (else its assignee), or null
     * @param userGroups the groups of the authentication that completed the task, or null to look them up
     */
    public void recordStep(String tenderId, String taskId, Object loopCounter, String group, Object approved,
            Object comment, String user, List<String> userGroups) {
        if (!(approved instanceof Boolean decision)) {
            throw new ValidationException(List.of(Violation.of(RegistrationProcess.APPROVED, "validation.NotNull",
                    null, "true | false", approved, "请选择批准或退回", "Approve or return: choose one")));
        }
        String reasons = comment instanceof String c ? c : null;
        requireReasons(decision, reasons);
        if (group == null) {
            throw new IllegalStateException("approval task " + taskId + " has no candidate group");
        }
        if (user == null) {
            throw new AccessDeniedException("审批须由已登录的用户完成 / An approval step needs an authenticated user");
        }
        List<String> groups = userGroups != null ? userGroups : groupsOf(user);
        if (!groups.contains(group)) {
            throw new AccessDeniedException(user + " 不属于 " + group + " / " + user + " is not in " + group);
        }
        steps.insert(tenderId, new ApprovalSteps.Step(stepNo(loopCounter), group, decision, reasons, user,
                clock.instant(), taskId));
    }

    /** Service task: every step approved; the lifecycle starts in the same transaction. */
    public void approved(String tenderId) {
        Tender tender = tenders.get(tenderId);
        tender.approve();
        tenders.update(tender);
        events.publishEvent(new TenderApproved(tenderId));
    }

    /** Service task: a step returned the registration to the purchaser. */
    public void returned(String tenderId, String reason) {
        Tender tender = tenders.get(tenderId);
        tender.returnToPurchaser(reason);
        tenders.update(tender);
    }

    List<ApprovalSteps.Step> steps(String tenderId) {
        return steps.of(tenderId);
    }

    /** The multi-instance loop counter counts from 0; steps count from 1. */
    private static int stepNo(Object loopCounter) {
        return loopCounter instanceof Integer i ? i + 1 : 1;
    }

    private List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }

    private static void requireReasons(boolean approved, String comment) {
        if (!approved && (comment == null || comment.isBlank())) {
            throw new ValidationException(List.of(Violation.of(RegistrationProcess.COMMENT, "validation.reasons",
                    "docs/domain.md §3.2", null, comment, "退回须说明理由", "A return must give its reasons")));
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}

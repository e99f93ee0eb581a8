package io.huitong.tender.steps;

import io.huitong.tender.ApprovalService;
import io.huitong.tender.workflow.RegistrationProcess;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * What {@code tender-registration.bpmn} calls by expression on the bean {@code approvalService}: the approval
 * task's listeners and the route's end. The listeners read the step from the task (its candidate group, who
 * completed it, the decision) and hand {@link ApprovalService} plain values. Instances of older model versions call
 * the same names: keep them. Public: the engine's expression language calls it by reflection.
 */
@Component("approvalService")
public class ApprovalRouteSteps {

    private final ApprovalService approvals;

    ApprovalRouteSteps(ApprovalService approvals) {
        this.approvals = approvals;
    }

    /** Task listener, on create: each step starts undecided. */
    public void startStep(DelegateTask task) {
        task.getExecution().removeVariable(RegistrationProcess.APPROVED);
        task.getExecution().removeVariable(RegistrationProcess.COMMENT);
    }

    /** Task listener, on complete: the step checked and recorded, whoever completed the task. */
    public void recordStep(DelegateTask task) {
        String group = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).findFirst().orElse(null);
        Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String user = auth != null ? auth.getUserId() : task.getAssignee();
        List<String> groups = auth != null && auth.getUserId().equals(user) ? auth.getGroupIds() : null;
        approvals.recordStep((String) task.getVariable(RegistrationProcess.TENDER_ID), task.getId(),
                task.getVariable(RegistrationProcess.LOOP_COUNTER), group,
                task.getVariable(RegistrationProcess.APPROVED), task.getVariable(RegistrationProcess.COMMENT), user,
                groups);
    }

    /** Service task: every step approved; the lifecycle starts in the same transaction. */
    public void approved(String tenderId) {
        approvals.approved(tenderId);
    }

    /** Service task: a step returned the registration to the purchaser. */
    public void returned(String tenderId, String reason) {
        approvals.returned(tenderId, reason);
    }
}

package io.huitong.tender.steps;

import io.huitong.shared.workflow.TaskGuide;
import io.huitong.tender.ApprovalGuidance;
import io.huitong.tender.workflow.RegistrationProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/** An approver sees in Tasklist why the route came to them: the rule that put their step on it, with its article. */
@Component
class RegistrationGuide implements TaskGuide {

    private final ApprovalGuidance guidance;

    RegistrationGuide(ApprovalGuidance guidance) {
        this.guidance = guidance;
    }

    @Override
    public String explain(DelegateTask task) {
        if (!RegistrationProcess.APPROVAL_TASK.equals(task.getTaskDefinitionKey())) {
            return null;
        }
        String group = task.getCandidates().stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(l -> l.getGroupId()).findFirst().orElse(null);
        return guidance.explain((String) task.getVariable(RegistrationProcess.TENDER_ID), group);
    }
}

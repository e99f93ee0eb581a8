package io.huitong.evaluation.steps;

import io.huitong.evaluation.CommitteeGuidance;
import io.huitong.shared.workflow.TaskGuide;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** What the committee sees with its steps in Tasklist (local and remote evaluation alike). */
@Component
class EvaluationGuide implements TaskGuide {

    private final CommitteeGuidance guidance;

    EvaluationGuide(CommitteeGuidance guidance) {
        this.guidance = guidance;
    }

    @Override
    public String explain(DelegateTask task) {
        if (!(task.getVariable("tenderId") instanceof String id)) {
            return null;
        }
        return guidance.explain(task.getTaskDefinitionKey(), id);
    }
}

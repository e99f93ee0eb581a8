package io.huitong.lifecycle.steps;

import io.huitong.lifecycle.LifecycleGuidance;
import io.huitong.lifecycle.LifecycleProcess;
import io.huitong.shared.workflow.TaskGuide;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Tasklist's guide for the lifecycle's steps, in its own models and its stages' (see {@link LifecycleGuidance}). */
@Component
class LifecycleGuide implements TaskGuide {

    private final LifecycleGuidance guidance;

    LifecycleGuide(LifecycleGuidance guidance) {
        this.guidance = guidance;
    }

    @Override
    public String explain(DelegateTask task) {
        Object tenderId = task.getVariable(LifecycleProcess.TENDER_ID);
        if (!(tenderId instanceof String id) || !LifecycleProcess.isLifecycle(task.getProcessDefinitionId())) {
            return null;
        }
        return guidance.explain(task.getTaskDefinitionKey(), id, task.getVariable(LifecycleProcess.NEW_METHOD),
                task.getVariable(LifecycleProcess.REASON));
    }
}

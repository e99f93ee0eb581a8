package io.huitong.remote.steps;

import io.huitong.remote.RemoteAccess;
import io.huitong.remote.RemoteProcess;
import io.huitong.remote.RemoteStepGuide;
import io.huitong.shared.workflow.TaskGuide;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** What each centre sees with its step of a remote evaluation ({@link RemoteStepGuide}): its own part only. */
@Component
class RemoteGuide implements TaskGuide {

    private final RemoteStepGuide guide;
    private final RemoteAccess access;

    RemoteGuide(RemoteStepGuide guide, RemoteAccess access) {
        this.guide = guide;
        this.access = access;
    }

    @Override
    public String explain(DelegateTask task) {
        String definition = task.getProcessDefinitionId();
        if (!definition.startsWith(RemoteProcess.KEY + ":") && !definition.startsWith(RemoteProcess.SETTLEMENT + ":")) {
            return null;
        }
        return guide.explain(task.getTaskDefinitionKey(), StepInputs.evaluationId(task, access),
                StepInputs.string(task, RemoteProcess.PARTNER_CENTRE), StepInputs.string(task, RemoteProcess.VENUE_ID),
                StepInputs.string(task, RemoteProcess.SEAT_ID));
    }
}

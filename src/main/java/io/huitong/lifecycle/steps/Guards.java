package io.huitong.lifecycle.steps;

import io.huitong.lifecycle.LifecycleChecks;
import io.huitong.lifecycle.LifecycleProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Completion listeners of the lifecycle's user tasks ({@code ${guards.…}} in the models): each reads the task's
 * variables and asks {@link LifecycleChecks}, whichever door completed the task.
 */
@Component("guards")
public class Guards {

    private final LifecycleChecks checks;

    Guards(LifecycleChecks checks) {
        this.checks = checks;
    }

    public void objectionsAnswered(DelegateTask task) {
        checks.objectionsAnswered(tenderId(task));
    }

    public void nextStepDecided(DelegateTask task) {
        checks.nextStepDecided(tenderId(task), task.getVariable(LifecycleProcess.NEXT_STEP),
                task.getVariable(LifecycleProcess.NEW_DECISION_ID), task.getVariable(LifecycleProcess.NEW_METHOD),
                task.getVariable(LifecycleProcess.REASON), Boolean.TRUE.equals(task.getVariable("documentsDefective")));
    }

    public void methodChangeDecided(DelegateTask task) {
        checks.methodChangeDecided(task.getVariable(LifecycleProcess.METHOD_CHANGE_APPROVED),
                task.getVariable("comment"));
    }

    public void winnerChosen(DelegateTask task) {
        checks.winnerChosen(tenderId(task), task.getVariable(LifecycleProcess.WINNER_BID_ID),
                task.getVariable(LifecycleProcess.REASON));
    }

    private static String tenderId(DelegateTask task) {
        return (String) task.getVariable(LifecycleProcess.TENDER_ID);
    }
}

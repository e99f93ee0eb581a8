package io.huitong.evaluation.steps;

import io.huitong.evaluation.CompletionChecks;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Completion listeners of {@code local-evaluation.bpmn} (bean {@code evaluationGuards}): each reads the tender id
 * and what the completion set from the task and asks {@link CompletionChecks}, so the same checks hold whether a
 * task is completed through the API, Tasklist or the engine's REST API.
 * Public: the engine's expression language calls it by reflection.
 */
@Component("evaluationGuards")
public class EvaluationGuards {

    private final CompletionChecks checks;

    EvaluationGuards(CompletionChecks checks) {
        this.checks = checks;
    }

    /** The review is done: the gateway reads the qualified bids counted from the bids, not from the completion. */
    public void reviewed(DelegateTask task) {
        task.getExecution().setVariable("qualifiedCount", checks.reviewed(tenderId(task)));
    }

    public void rejectAllDecided(DelegateTask task) {
        checks.rejectAllDecided(tenderId(task), task.getVariable("rejectAll"), task.getVariable("rejectAllReason"));
    }

    public void scored(DelegateTask task) {
        checks.scored(tenderId(task), task.getAssignee());
    }

    public void flagsReviewed(DelegateTask task) {
        checks.flagsReviewed(tenderId(task));
    }

    public void signed(DelegateTask task) {
        checks.signed(tenderId(task), task.getAssignee());
    }

    private static String tenderId(DelegateTask task) {
        return (String) task.getVariable("tenderId");
    }
}

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
    private final org.springframework.context.ApplicationEventPublisher events;

    EvaluationGuards(CompletionChecks checks, org.springframework.context.ApplicationEventPublisher events) {
        this.checks = checks;
        this.events = events;
    }

    /**
     * Create listener of a member's own step (the model names which: {@code SCORE}, {@code SIGN}): the step is
     * announced ({@link io.huitong.evaluation.MemberStepOpened}) for whoever tells a member sitting elsewhere.
     */
    public void memberStepOpened(DelegateTask task, String kind) {
        events.publishEvent(new io.huitong.evaluation.MemberStepOpened(tenderId(task), task.getAssignee(),
                io.huitong.evaluation.MemberStepOpened.Kind.valueOf(kind)));
    }

    /**
     * The review is done: the gateway reads whether the rules find the qualified bids enough ({@code enoughQualified},
     * {@code rules/evaluation/minimum-qualified.drl}), counted from the bids, not from the completion.
     */
    public void reviewed(DelegateTask task) {
        CompletionChecks.Qualified qualified = checks.reviewed(tenderId(task));
        task.getExecution().setVariable("qualifiedCount", qualified.count());
        task.getExecution().setVariable("enoughQualified", qualified.enough());
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

package io.huitong.evaluation;

import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Completion listeners of {@code local-evaluation.bpmn}: the same checks whether a task is completed through
 * the API, Tasklist or the engine's REST API, and the counts the gateways read taken from the bids themselves.
 */
@Component("evaluationGuards")
public class EvaluationGuards {

    private final Evaluation evaluation;
    private final CollusionDecisions collusion;
    private final TenderService tenders;

    EvaluationGuards(Evaluation evaluation, CollusionDecisions collusion, TenderService tenders) {
        this.evaluation = evaluation;
        this.collusion = collusion;
        this.tenders = tenders;
    }

    /** The review is done: the qualified bids are counted from the bids, never taken from the completion. */
    public void reviewed(DelegateTask task) {
        collusion.checkCollusionDecided(tender(task));
        task.getExecution().setVariable("qualifiedCount", evaluation.qualified(tender(task)));
    }

    public void rejectAllDecided(DelegateTask task) {
        evaluation.checkRejectAll(tender(task), task.getVariable("rejectAll"), task.getVariable("rejectAllReason"));
    }

    public void scored(DelegateTask task) {
        evaluation.checkScored(tender(task), task.getAssignee());
    }

    public void flagsReviewed(DelegateTask task) {
        evaluation.checkFlagsReviewed(tender(task));
    }

    public void signed(DelegateTask task) {
        evaluation.signedByCompletion(tender(task), task.getAssignee());
    }

    private Tender tender(DelegateTask task) {
        return tenders.get((String) task.getVariable("tenderId"));
    }
}

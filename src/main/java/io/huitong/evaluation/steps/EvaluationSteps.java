package io.huitong.evaluation.steps;

import io.huitong.evaluation.Evaluation;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What {@code local-evaluation.bpmn} and {@code remote-evaluation.bpmn} call by expression on the bean
 * {@code evaluation}: service tasks, gateway conditions and the collections of multi-instance tasks. Each takes the
 * tender id and asks one use case. Instances of older model versions call the same names: keep them.
 * Public: the engine's expression language calls it by reflection.
 */
@Component("evaluation")
public class EvaluationSteps {

    private final Evaluation evaluation;

    EvaluationSteps(Evaluation evaluation) {
        this.evaluation = evaluation;
    }

    /** Service task: evaluation begins. */
    public void begin(String tenderId) {
        evaluation.begin(tenderId);
    }

    /** Service task: the outcome the lifecycle reads (CANDIDATES, INSUFFICIENT, ALL_REJECTED). */
    public String outcome(String tenderId, String outcome) {
        return evaluation.outcome(tenderId, outcome);
    }

    /** Service task: the scores aggregated and the bids ranked; the number of candidates. */
    public int aggregate(String tenderId) {
        return evaluation.aggregate(tenderId);
    }

    /** Assignee of the chair's tasks. */
    public String chair(String tenderId) {
        return evaluation.chair(tenderId);
    }

    /** Gateway: how many flagged scores wait for the committee's review. */
    public int openFlags(String tenderId) {
        return evaluation.openFlags(tenderId);
    }

    /** Multi-instance collection: the members who still score. */
    public List<String> yetToScore(String tenderId) {
        return evaluation.yetToScore(tenderId);
    }

    /** Multi-instance collection: the members who still sign. */
    public List<String> yetToSign(String tenderId) {
        return evaluation.yetToSign(tenderId);
    }
}

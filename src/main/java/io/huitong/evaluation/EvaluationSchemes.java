package io.huitong.evaluation;

import io.huitong.tender.EvaluationScheme;
import io.huitong.tender.Tender;
import org.springframework.stereotype.Component;

/** The evaluation scheme of a tender, as its rules set it, for the tender view (O87 55). */
@Component
class EvaluationSchemes implements EvaluationScheme.Source {

    private final Evaluation evaluation;

    EvaluationSchemes(Evaluation evaluation) {
        this.evaluation = evaluation;
    }

    @Override
    public EvaluationScheme of(Tender tender) {
        return evaluation.scheme(tender);
    }
}

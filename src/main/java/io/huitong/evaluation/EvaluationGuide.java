package io.huitong.evaluation;

import io.huitong.bidding.BidService;
import io.huitong.bidding.BidStatus;
import io.huitong.shared.workflow.TaskGuide;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** What the committee sees with its steps (local and remote evaluation alike). */
@Component
class EvaluationGuide implements TaskGuide {

    private final TenderService tenders;
    private final BidService bids;
    private final Evaluation evaluation;
    private final CollusionDecisions collusion;

    EvaluationGuide(TenderService tenders, BidService bids, Evaluation evaluation, CollusionDecisions collusion) {
        this.tenders = tenders;
        this.bids = bids;
        this.evaluation = evaluation;
        this.collusion = collusion;
    }

    @Override
    public String explain(DelegateTask task) {
        if (!(task.getVariable("tenderId") instanceof String id)) {
            return null;
        }
        return switch (task.getTaskDefinitionKey()) {
            case Evaluation.REVIEW, Evaluation.SCORE -> {
                Tender tender = tenders.get(id);
                yield "投标 Bids：\n" + bids.ofRound(id, tender.round()).stream()
                        .filter(b -> b.status() == BidStatus.VALID || b.status() == BidStatus.INVALID)
                        .map(b -> "· " + b.bidderName() + "（" + b.id() + "）报价 " + b.price().toPlainString()
                                + (b.status() == BidStatus.INVALID ? "，无效 invalid：" + b.invalidReason() : ""))
                        .collect(Collectors.joining("\n"))
                        + (Evaluation.REVIEW.equals(task.getTaskDefinitionKey()) ? collusion(id) : "")
                        + (Evaluation.SCORE.equals(task.getTaskDefinitionKey())
                                ? "\n技术分上限 Most technical points：" + evaluation.maxTechnicalScore(id).toPlainString()
                                        + "（价格分由系统按 O87 55 计算 / price points by O87 55）"
                                : "");
            }
            case Evaluation.DECIDE_REJECT_ALL -> "合格投标不足3个 Fewer than 3 qualified：评标委员会可以否决全部投标，"
                    + "否决的须在评标报告中写明理由 (R12 27; TBL 42) / The committee may reject every bid, with its reasons";
            case Evaluation.REVIEW_FLAGS -> "提请复核的评分 Flagged scores (G1117 (五); O87 64)：\n"
                    + evaluation.flags(id).stream().filter(ScoreFlag::isOpen)
                            .map(f -> "· " + f.id() + "：" + f.detail()).collect(Collectors.joining("\n"));
            default -> null;
        };
    }

    /** The collusion flags the committee decides in its review, each with its article and evidence. */
    private String collusion(String tenderId) {
        var flags = collusion.collusionFlags(tenderId);
        if (flags.isEmpty()) {
            return "";
        }
        return "\n串通投标标记 Collusion flags（主任委员逐项决定 the chair decides each：POST /collusion-flags/{id}/decision）：\n"
                + flags.stream().map(f -> "· " + f.id() + " [" + (f.kind() == io.huitong.bidding.CollusionFlag.Kind.DEEMED
                        ? "视为串通 deemed" : "供委员会判断 for judgment") + "，" + f.citation() + "] " + f.evidence()
                        + (f.isOpen() ? "" : (Boolean.TRUE.equals(f.confirmed()) ? " → 已认定 confirmed" : " → 已排除 dismissed")))
                        .collect(Collectors.joining("\n"));
    }
}

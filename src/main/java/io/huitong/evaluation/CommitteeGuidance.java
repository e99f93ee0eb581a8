package io.huitong.evaluation;

import io.huitong.bidding.BidService;
import io.huitong.bidding.BidStatus;
import io.huitong.bidding.CollusionFlag;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * What the committee sees with its steps (local and remote evaluation alike): the bids, the collusion flags to
 * decide, the most technical points, the flagged scores. The step adapter ({@code evaluation.steps}) asks by task
 * key and tender id.
 */
@Service
public class CommitteeGuidance {

    private final TenderService tenders;
    private final BidService bids;
    private final MemberScoring scoring;
    private final ScoreReview scoreReview;
    private final CollusionDecisions collusion;

    CommitteeGuidance(TenderService tenders, BidService bids, MemberScoring scoring, ScoreReview scoreReview,
            CollusionDecisions collusion) {
        this.tenders = tenders;
        this.bids = bids;
        this.scoring = scoring;
        this.scoreReview = scoreReview;
        this.collusion = collusion;
    }

    /** The explanation of a committee task of this tender, or null when the task is not the committee's. */
    public String explain(String taskKey, String tenderId) {
        return switch (taskKey) {
            case Evaluation.REVIEW, Evaluation.SCORE -> {
                Tender tender = tenders.get(tenderId);
                yield "投标 Bids：\n" + bids.ofRound(tenderId, tender.round()).stream()
                        .filter(b -> b.status() == BidStatus.VALID || b.status() == BidStatus.INVALID)
                        .map(b -> "· " + b.bidderName() + "（" + b.id() + "）报价 " + b.price().toPlainString()
                                + (b.status() == BidStatus.INVALID ? "，无效 invalid：" + b.invalidReason() : ""))
                        .collect(Collectors.joining("\n"))
                        + (Evaluation.REVIEW.equals(taskKey) ? collusion(tenderId) : "")
                        + (Evaluation.SCORE.equals(taskKey)
                                ? "\n技术分上限 Most technical points："
                                        + scoring.maxTechnicalScore(tenderId).toPlainString()
                                        + "（价格分由系统按 O87 55 计算 / price points by O87 55）"
                                : "");
            }
            case Evaluation.DECIDE_REJECT_ALL -> "合格投标不足3个 Fewer than 3 qualified：评标委员会可以否决全部投标，"
                    + "否决的须在评标报告中写明理由 (R12 27; TBL 42) / The committee may reject every bid, with its reasons";
            case Evaluation.REVIEW_FLAGS -> "提请复核的评分 Flagged scores (G1117 (五); O87 64)：\n"
                    + scoreReview.open(tenderId).stream()
                            .map(f -> "· " + f.id() + "：" + f.detail()).collect(Collectors.joining("\n"));
            default -> null;
        };
    }

    /** The collusion flags the committee decides in its review, each with its article and evidence. */
    private String collusion(String tenderId) {
        List<CollusionFlag> flags = collusion.collusionFlags(tenderId);
        if (flags.isEmpty()) {
            return "";
        }
        return "\n串通投标标记 Collusion flags（主任委员逐项决定 the chair decides each：POST /collusion-flags/{id}/decision）：\n"
                + flags.stream().map(f -> "· " + f.id() + " [" + (f.kind() == CollusionFlag.Kind.DEEMED
                        ? "视为串通 deemed" : "供委员会判断 for judgment") + "，" + f.citation() + "] " + f.evidence()
                        + (f.isOpen() ? "" : (Boolean.TRUE.equals(f.confirmed()) ? " → 已认定 confirmed" : " → 已排除 dismissed")))
                        .collect(Collectors.joining("\n"));
    }
}

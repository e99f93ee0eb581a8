package io.huitong.evaluation;

import io.huitong.bidding.BidService;
import io.huitong.bidding.BidStatus;
import io.huitong.bidding.CollusionFlag;
import io.huitong.rules.Notice;
import io.huitong.rules.RuleSetRegistry;
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
    private final RuleSetRegistry ruleSets;

    CommitteeGuidance(TenderService tenders, BidService bids, MemberScoring scoring, ScoreReview scoreReview,
            CollusionDecisions collusion, RuleSetRegistry ruleSets) {
        this.ruleSets = ruleSets;
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
                                        + pricePoints()
                                : "");
            }
            case Evaluation.DECIDE_REJECT_ALL -> ruleSets.notice(EvaluationNotices.GUIDE_REJECT_ALL).cited();
            case Evaluation.REVIEW_FLAGS -> heading(ruleSets.notice(EvaluationNotices.GUIDE_FLAGGED_SCORES))
                    + scoreReview.open(tenderId).stream()
                            .map(f -> "· " + f.id() + "：" + f.detail()).collect(Collectors.joining("\n"));
            default -> null;
        };
    }

    /** How the price points are computed, after the most technical points: "（价格分由系统计算 / …，O87 55）". */
    private String pricePoints() {
        Notice notice = ruleSets.notice(EvaluationNotices.GUIDE_PRICE_POINTS);
        return "（" + notice.both() + "，" + notice.citation() + "）";
    }

    /** A list's heading: "提请复核的评分 Flagged scores (G1117 (五); O87 64)：". */
    private static String heading(Notice notice) {
        return notice.zh() + " " + notice.en() + " (" + notice.citation() + ")：\n";
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

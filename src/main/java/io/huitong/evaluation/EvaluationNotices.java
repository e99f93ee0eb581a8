package io.huitong.evaluation;

import io.huitong.rules.NoticeCatalogue;
import io.huitong.rules.NoticeKey;
import org.springframework.stereotype.Component;

/**
 * The notices the evaluation asks for, by key: their words and articles are in {@code rules/evaluation/notices.yaml},
 * read with the rule set in force ({@code RuleSetRegistry.notice}); a rule set that lacks one is not activated.
 */
@Component
public final class EvaluationNotices implements NoticeCatalogue {

    public static final NoticeKey GUIDE_PRICE_POINTS = NoticeKey.of("evaluation", "guide-price-points");
    public static final NoticeKey GUIDE_REJECT_ALL = NoticeKey.of("evaluation", "guide-reject-all");
    public static final NoticeKey GUIDE_FLAGGED_SCORES = NoticeKey.of("evaluation", "guide-flagged-scores");
    public static final NoticeKey SCORE_RANGE = NoticeKey.of("evaluation", "score-range", "max");
    public static final NoticeKey OBJECTIVE_RANGE = NoticeKey.of("evaluation", "objective-range");
    public static final NoticeKey EVERY_BID_SCORED = NoticeKey.of("evaluation", "every-bid-scored");
    public static final NoticeKey CORRECTION_REASON = NoticeKey.of("evaluation", "correction-reason");
    public static final NoticeKey CORRECTION_FLAGGED_ONLY = NoticeKey.of("evaluation", "correction-flagged-only");
    public static final NoticeKey CORRECTION_RANGE = NoticeKey.of("evaluation", "correction-range");
    public static final NoticeKey REJECT_ALL_NO_VALID_BID = NoticeKey.of("evaluation", "reject-all-no-valid-bid");
    public static final NoticeKey REJECT_ALL_REASONS = NoticeKey.of("evaluation", "reject-all-reasons");
    public static final NoticeKey DISSENT_REASONS = NoticeKey.of("evaluation", "dissent-reasons");
    public static final NoticeKey COLLUSION_UNDECIDED = NoticeKey.of("evaluation", "collusion-undecided", "door");

    EvaluationNotices() {
    }
}

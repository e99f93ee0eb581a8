package io.huitong.evaluation;

import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import org.springframework.stereotype.Service;

/**
 * What holds when a committee task completes, whether through the API, Tasklist or the engine's REST API, in plain
 * values: the step adapters of {@code local-evaluation.bpmn} ({@code evaluation.steps}) read them from the task.
 */
@Service
public class CompletionChecks {

    private final TenderService tenders;
    private final QualificationReview review;
    private final CollusionDecisions collusion;
    private final MemberScoring scoring;
    private final ScoreReview scoreReview;
    private final ReportSigning signing;

    CompletionChecks(TenderService tenders, QualificationReview review, CollusionDecisions collusion,
            MemberScoring scoring, ScoreReview scoreReview, ReportSigning signing) {
        this.tenders = tenders;
        this.review = review;
        this.collusion = collusion;
        this.scoring = scoring;
        this.scoreReview = scoreReview;
        this.signing = signing;
    }

    /**
     * The review is done: every collusion flag decided; returns the qualified bids, counted from the bids and never
     * taken from the completion, and whether they are enough as the rules decide ({@code minimum-qualified.drl}).
     */
    public Qualified reviewed(String tenderId) {
        Tender tender = tenders.get(tenderId);
        collusion.checkCollusionDecided(tender);
        return new Qualified(review.qualified(tender), review.tooFew(tender).isEmpty());
    }

    /** The bids qualified after the review, and whether the rules find them enough to evaluate. */
    public record Qualified(int count, boolean enough) {
    }

    /** A reject-all decision is a yes or no, a yes with its reasons, a no only with a valid bid left. */
    public void rejectAllDecided(String tenderId, Object rejectAll, Object reason) {
        review.checkRejectAll(tenders.get(tenderId), rejectAll, reason);
    }

    /** The member scored every qualified bid. */
    public void scored(String tenderId, String userId) {
        scoring.checkScored(tenders.get(tenderId), userId);
    }

    /** Every flagged score resolved in writing. */
    public void flagsReviewed(String tenderId) {
        scoreReview.checkFlagsReviewed(tenders.get(tenderId));
    }

    /** The member signed: a completion without the API's signature is agreement (R12 45). */
    public void signed(String tenderId, String userId) {
        signing.signedByCompletion(tenders.get(tenderId), userId);
    }
}

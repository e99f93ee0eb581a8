package io.huitong.evaluation;

import io.huitong.shared.security.Operator;
import io.huitong.shared.workflow.ModelElement;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Local evaluation ({@code processes/local-evaluation.bpmn}), as the REST API and the other modules (remote
 * evaluation, publication) call it: a facade over the module's use cases, one per part of the committee's work.
 * <ul>
 * <li>{@link Committee}: the committee recorded against the composition rules, or seated member by member;
 * <li>{@link QualificationReview}: the bids rejected in the review, a decision to reject them all;
 * <li>{@link MemberScoring}: each member's technical scores; {@link PriceRules} and the pure {@link PriceScoring}
 * for the price scores;
 * <li>{@link ScoreAggregation}: the totals, the ranking ({@link TieRanking}), the candidates;
 * <li>{@link ScoreReview}: flagged scores corrected and resolved; {@link CollusionDecisions}: the collusion flags;
 * <li>{@link ReportSigning}: the report signed.
 * </ul>
 * The models call the step adapters of {@code io.huitong.evaluation.steps} (beans {@code evaluation},
 * {@code evaluationGuards}), which take ids and call one use case.
 */
@Component("evaluationFacade")
public class Evaluation {

    @ModelElement(process = "local-evaluation", kind = ModelElement.Kind.USER_TASK)
    public static final String RECORD_COMMITTEE = "recordCommittee";
    @ModelElement(process = "local-evaluation", kind = ModelElement.Kind.USER_TASK)
    public static final String REVIEW = "reviewQualifications";
    @ModelElement(process = "local-evaluation", kind = ModelElement.Kind.USER_TASK)
    public static final String DECIDE_REJECT_ALL = "decideRejectAll";
    @ModelElement(process = "local-evaluation", kind = ModelElement.Kind.USER_TASK)
    public static final String SCORE = "scoreBids";
    @ModelElement(process = "local-evaluation", kind = ModelElement.Kind.USER_TASK)
    public static final String SIGN_REPORT = "signReport";
    @ModelElement(process = "local-evaluation", kind = ModelElement.Kind.USER_TASK)
    public static final String REVIEW_FLAGS = "reviewScoreFlags";

    private final TenderService tenders;
    private final Committee committee;
    private final QualificationReview review;
    private final MemberScoring scoring;
    private final ScoreAggregation aggregation;
    private final ScoreReview scoreReview;
    private final ReportSigning signing;

    Evaluation(TenderService tenders, Committee committee, QualificationReview review, MemberScoring scoring,
            ScoreAggregation aggregation, ScoreReview scoreReview, ReportSigning signing) {
        this.tenders = tenders;
        this.committee = committee;
        this.review = review;
        this.scoring = scoring;
        this.aggregation = aggregation;
        this.scoreReview = scoreReview;
        this.signing = signing;
    }

    /** One bid the committee rejects in its review, with the reason and the article (H1, H3). */
    public record Rejection(@Size(max = 100) String bidId, @Size(max = 2000) String reason,
            @Size(max = 200) String citation) {
    }

    /** The chair's resolution of one flag. */
    public record Resolution(@Size(max = 100) String flagId, @Size(max = 2000) String resolution) {
    }

    /** One member's technical score of one bid, as published with the result (K12; G1117 (五)). */
    public record PublishedScore(String bidId, String memberName, boolean chair, BigDecimal technical) {
    }

    /** Evaluation begins (the models' service task; remote evaluation when its committee sits). */
    public void begin(String tenderId) {
        tenders.change(tenderId, Tender::startEvaluation);
    }

    /** The outcome the lifecycle reads (CANDIDATES, INSUFFICIENT, ALL_REJECTED). */
    public String outcome(String tenderId, String outcome) {
        return outcome;
    }

    // ---- the committee ----------------------------------------------------------------------------------------

    /** Records the committee without naming the tenderer: its staff cannot be told from independent experts. */
    public List<CommitteeMember> recordCommittee(String tenderId, List<CommitteeMember> members, Operator operator) {
        return committee.record(tenderId, members, null, operator);
    }

    /** Records the committee of the current round against the composition rules (G1, G3; TBL 37; O87 47). */
    public List<CommitteeMember> recordCommittee(String tenderId, List<CommitteeMember> members, String purchaserId,
            Operator operator) {
        return committee.record(tenderId, members, purchaserId, operator);
    }

    public List<CommitteeMember> committee(String tenderId) {
        return committee.of(tenderId);
    }

    /** The committee as this operator may see it: confidential until the result is determined (G11). */
    public List<CommitteeMember> committeeFor(String tenderId, Operator operator) {
        return committee.visibleTo(tenderId, operator);
    }

    /** The user ids of the sitting members. */
    public List<String> sitting(String tenderId) {
        return committee.sitting(tenderId);
    }

    /** The chair's user id. */
    public String chair(String tenderId) {
        return committee.chair(tenderId);
    }

    /** Seats a member who has signed in at a venue; the first expert seated chairs unless a chair sits. */
    public CommitteeMember seat(String tenderId, String name, String userId, CommitteeMember.Role role) {
        return committee.seat(tenderId, name, userId, role, true);
    }

    /** Seats a member who sits at a partner on another platform: it never chairs (the chair's steps are here). */
    public CommitteeMember seatElsewhere(String tenderId, String name, String userId, CommitteeMember.Role role) {
        return committee.seat(tenderId, name, userId, role, false);
    }

    /** A member leaves (TBR 48; O87 49): its scores are void; the next seated expert chairs in its place. */
    public void unseat(String tenderId, String userId, String reason) {
        committee.unseat(tenderId, userId, reason);
    }

    /** The committee is dismissed (J9, J10; O87 49): its scores and flags void, its rejections undone. */
    public void dismiss(String tenderId, String reason) {
        committee.dismiss(tenderId, reason);
    }

    /** A member replaced during the evaluation (TBR 48): the review is done again; other scores stand. */
    public void resetReview(String tenderId) {
        committee.resetReview(tenderId);
    }

    // ---- the review -------------------------------------------------------------------------------------------

    /** The chair records the qualification review; returns the number of qualified bids (H8, H9). */
    public int review(String tenderId, List<Rejection> rejections, Operator operator) {
        return review.review(tenderId, rejections, operator);
    }

    /** Tendering Law, fewer than 3 valid bids: the committee may reject them all (H8; R12 27). */
    public void decideRejectAll(String tenderId, boolean rejectAll, String reason, Operator operator) {
        review.decideRejectAll(tenderId, rejectAll, reason, operator);
    }

    // ---- the scores -------------------------------------------------------------------------------------------

    /** The most technical points a member may give: what price does not carry. */
    public BigDecimal maxTechnicalScore(String tenderId) {
        return scoring.maxTechnicalScore(tenderId);
    }

    /** A member's technical scores of every qualified bid, with their objective parts (O87 55, 64). */
    public void score(String tenderId, Map<String, BigDecimal> scores, Map<String, BigDecimal> objectiveScores,
            Operator operator) {
        scoring.score(tenderId, scores, objectiveScores, operator);
    }

    /** The user ids of the sitting members who have not scored every qualified bid. */
    public List<String> yetToScore(String tenderId) {
        return scoring.yetToScore(tenderId);
    }

    /** Price scores, totals, ranking and candidates (O87 55; H11); returns the number of candidates. */
    public int aggregate(String tenderId) {
        return aggregation.aggregate(tenderId);
    }

    /** The sitting members' technical scores of the current round, members in the committee's order. */
    public List<PublishedScore> publishedScores(String tenderId) {
        return scoring.publishedScores(tenderId);
    }

    // ---- flagged scores ---------------------------------------------------------------------------------------

    /** The flags of the current round, open and resolved. */
    public List<ScoreFlag> flags(String tenderId) {
        return scoreReview.flags(tenderId);
    }

    /** How many flags wait for the committee's review. */
    public int openFlags(String tenderId) {
        return scoreReview.open(tenderId).size();
    }

    /** A member corrects its own flagged scores while the committee reviews them (O87 64). */
    public void correctScores(String tenderId, Map<String, BigDecimal> scores, Map<String, BigDecimal> objectiveScores,
            String reason, Operator operator) {
        scoreReview.correctScores(tenderId, scores, objectiveScores, reason, operator);
    }

    /** The chair resolves the flagged scores in writing (G1117 (五); O87 64). */
    public void reviewFlags(String tenderId, List<Resolution> resolutions, Operator operator) {
        scoreReview.reviewFlags(tenderId, resolutions, operator);
    }

    // ---- the report -------------------------------------------------------------------------------------------

    /** A member signs the report, agreeing or dissenting with written reasons (TBR 53; R12 45). */
    public void signReport(String tenderId, boolean agree, String dissent, Operator operator) {
        signing.sign(tenderId, agree, dissent, null, operator);
    }

    /**
     * The same with a certificate: {@code signature} (Base64 of a detached CMS signature over the report's text, as
     * {@link #report} gives it; null: none) is verified for the member's own identity number (ESL 13, 14).
     */
    public void signReport(String tenderId, boolean agree, String dissent, String signature, Operator operator) {
        signing.sign(tenderId, agree, dissent, signature, operator);
    }

    /** The report as the members sign it (its text, and the SHA-256 of the text): the sitting members only. */
    public ReportView report(String tenderId, Operator operator) {
        return signing.report(tenderId, operator);
    }

    /** The user ids of the sitting members who have not signed the report. */
    public List<String> yetToSign(String tenderId) {
        return signing.yetToSign(tenderId);
    }
}

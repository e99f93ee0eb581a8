package io.huitong.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.bidding.Bid;
import io.huitong.bidding.BidService;
import io.huitong.bidding.BidStatus;
import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionRecords;
import io.huitong.rules.FiredRule;
import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.security.Operator;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import io.huitong.shared.workflow.TaskActions;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The review of the members' scores (G1117 (五); O87 64): the review rules flag abnormal scores and inconsistent
 * objective parts; a member corrects its own flagged scores, the chair resolves each flag in writing.
 */
@Component
class ScoreReview {

    private final TenderService tenders;
    private final BidService bids;
    private final Committee committee;
    private final Committees committees;
    private final ScoreFlags flags;
    private final PriceRules prices;
    private final RuleSetRegistry ruleSets;
    private final DecisionRecords decisionRecords;
    private final TaskActions tasks;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ObjectMapper json;

    ScoreReview(TenderService tenders, BidService bids, Committee committee, Committees committees, ScoreFlags flags,
            PriceRules prices, RuleSetRegistry ruleSets, DecisionRecords decisionRecords, TaskActions tasks,
            TransactionTemplate transactions, Clock clock, ObjectMapper json) {
        this.tenders = tenders;
        this.bids = bids;
        this.committee = committee;
        this.committees = committees;
        this.flags = flags;
        this.prices = prices;
        this.ruleSets = ruleSets;
        this.decisionRecords = decisionRecords;
        this.tasks = tasks;
        this.transactions = transactions;
        this.clock = clock;
        this.json = json;
    }

    /**
     * The review rules look at the sitting members' scores: open flags are raised afresh, a flag the chair resolved
     * is not raised again for the same bid, member and kind.
     */
    List<FiredRule> raiseFlags(Tender tender, List<Bid> valid) {
        List<Committees.Score> all = committees.scoreList(tender.id(), tender.round());
        Map<String, String> names = new HashMap<>();
        committees.of(tender.id(), tender.round()).forEach(m -> names.put(m.id(), m.name()));
        BigDecimal max = prices.maxTechnicalScore(tender);
        List<Object> facts = new ArrayList<>();
        for (Bid bid : valid) {
            List<Committees.Score> ofBid = all.stream().filter(x -> x.bidId().equals(bid.id())).toList();
            if (ofBid.isEmpty()) {
                continue;
            }
            List<BigDecimal> sorted = ofBid.stream().map(Committees.Score::technical).sorted().toList();
            int n = sorted.size();
            BigDecimal median = n % 2 == 1 ? sorted.get(n / 2)
                    : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 4,
                            RoundingMode.HALF_UP);
            for (Committees.Score x : ofBid) {
                BigDecimal share = max.signum() == 0 ? BigDecimal.ZERO
                        : x.technical().subtract(median).abs().divide(max, 6, RoundingMode.HALF_UP);
                facts.add(new MemberScore(bid.id(), bid.bidderName(), x.memberId(), names.get(x.memberId()),
                        x.technical(), median, share, n));
            }
            List<BigDecimal> objectives = ofBid.stream().map(Committees.Score::objective).filter(Objects::nonNull)
                    .map(BigDecimal::stripTrailingZeros).distinct().sorted().toList();
            facts.add(new ObjectiveSpread(bid.id(), bid.bidderName(), objectives));
        }
        RuleSet.Evaluation evaluation = ruleSets.version(tender.ruleSetVersion()).evaluate(tender.bidDeadlineDate(), facts);
        flags.dropOpen(tender.id(), tender.round());
        List<ScoreFlag> resolved = flags.of(tender.id(), tender.round());
        for (ScoreFlag.Raised raised : evaluation.all(ScoreFlag.Raised.class)) {
            boolean settled = resolved.stream().anyMatch(f -> f.bidId().equals(raised.bidId())
                    && f.kind() == raised.kind() && Objects.equals(f.memberId(), raised.memberId()));
            if (!settled) {
                flags.raise(tender.id(), tender.round(), raised, clock.instant());
            }
        }
        return evaluation.firedRules();
    }

    /** The flags of the current round, open and resolved. */
    List<ScoreFlag> flags(String tenderId) {
        return flags.of(tenderId, tenders.get(tenderId).round());
    }

    /** The flags of the current round that wait for the committee's review. */
    List<ScoreFlag> open(String tenderId) {
        return flags(tenderId).stream().filter(ScoreFlag::isOpen).toList();
    }

    /**
     * While the committee reviews flagged scores, a member corrects its own scores of a flagged bid (O87 64:
     * results may be changed for abnormal scores and inconsistent objective scores). Recorded as a decision.
     */
    void correctScores(String tenderId, Map<String, BigDecimal> scores, Map<String, BigDecimal> objectiveScores,
            String reason, Operator operator) {
        transactions.executeWithoutResult(s -> {
            Tender tender = tenders.get(tenderId);
            CommitteeMember member = committee.member(tender, operator.userId());
            if (tasks.open(tenderId, Evaluation.REVIEW_FLAGS).isEmpty()) {
                throw new ConflictException(
                        "只有在复核评分时才能修改评分 / Scores are corrected only while the committee reviews flagged scores");
            }
            if (reason == null || reason.isBlank()) {
                throw new ValidationException(List.of(ruleSets.notice(EvaluationNotices.CORRECTION_REASON)
                        .violation("reason", "validation.reasons", null, null)));
            }
            List<ScoreFlag> open = flags.of(tenderId, tender.round()).stream().filter(ScoreFlag::isOpen).toList();
            List<Violation> invalid = new ArrayList<>();
            for (String bidId : scores.keySet()) {
                boolean flagged = open.stream().anyMatch(f -> f.bidId().equals(bidId)
                        && (f.memberId() == null || f.memberId().equals(member.id())));
                if (!flagged) {
                    invalid.add(ruleSets.notice(EvaluationNotices.CORRECTION_FLAGGED_ONLY)
                            .violation("scores." + bidId, "validation.flagged-only", null, bidId));
                }
            }
            if (!invalid.isEmpty()) {
                throw new ValidationException(invalid);
            }
            BigDecimal max = prices.maxTechnicalScore(tender);
            scores.forEach((bidId, score) -> {
                BigDecimal objective = objectiveScores == null ? null : objectiveScores.get(bidId);
                if (score == null || score.signum() < 0 || score.compareTo(max) > 0
                        || objective != null && (objective.signum() < 0 || objective.compareTo(score) > 0)) {
                    throw new ValidationException(List.of(ruleSets.notice(EvaluationNotices.CORRECTION_RANGE)
                            .violation("scores." + bidId, "validation.score-range", max, score)));
                }
                committees.score(member.id(), bidId, score, objective, clock.instant());
            });
            ObjectNode inputs = json.createObjectNode().put("member", member.name()).put("reason", reason);
            inputs.set("scores", json.valueToTree(scores));
            inputs.set("objectiveScores", json.valueToTree(objectiveScores));
            // the review rules look again: a flag whose score was corrected into line drops out
            List<Bid> valid = bids.ofRound(tenderId, tender.round()).stream()
                    .filter(b -> b.status() == BidStatus.VALID).toList();
            List<FiredRule> fired = raiseFlags(tender, valid);
            ObjectNode outputs = json.createObjectNode();
            outputs.set("openFlags", json.valueToTree(flags.of(tenderId, tender.round()).stream()
                    .filter(ScoreFlag::isOpen).toList()));
            decisionRecords.save(new DecisionRecord(UUID.randomUUID().toString(), "SCORE_CORRECTION",
                    DecisionRecord.Outcome.ACCEPTED, false, tenderId, tender.ruleSetVersion(), clock.instant(),
                    operator.userId(), operator.address(), inputs, outputs, fired, List.of()));
        });
    }

    /**
     * The chair resolves the flagged scores, each with a written explanation, and the aggregation runs again on
     * the scores as they now stand.
     */
    void reviewFlags(String tenderId, List<Evaluation.Resolution> resolutions, Operator operator) {
        transactions.executeWithoutResult(s -> {
            Tender tender = tenders.get(tenderId);
            List<ScoreFlag> open = flags.of(tenderId, tender.round()).stream().filter(ScoreFlag::isOpen).toList();
            for (Evaluation.Resolution r : resolutions) {
                ScoreFlag flag = open.stream().filter(f -> f.id().equals(r.flagId())).findFirst().orElse(null);
                if (flag == null) {
                    throw new ValidationException(List.of(Violation.of("resolutions", "validation.open-flag", null,
                            null, r.flagId(), "该复核事项不存在或已处理", "No such open flag")));
                }
                if (r.resolution() == null || r.resolution().isBlank()) {
                    // the article of the rule that raised the flag
                    throw new ValidationException(List.of(Violation.of("resolutions", "validation.reasons",
                            flag.citation(), null, r.flagId(), "每项复核须写明结论", "Each flag is resolved in writing")));
                }
                flags.resolve(r.flagId(), r.resolution().strip(), operator.userId(), clock.instant());
            }
            tasks.complete(tenderId, Evaluation.REVIEW_FLAGS, operator, Map.of());
        });
    }

    /** Every flag resolved, however the review task was completed. */
    void checkFlagsReviewed(Tender tender) {
        List<ScoreFlag> unresolved = flags.of(tender.id(), tender.round()).stream().filter(ScoreFlag::isOpen).toList();
        if (!unresolved.isEmpty()) {
            // the articles of the rules that raised the flags
            String citation = unresolved.stream().flatMap(f -> java.util.Arrays.stream(f.citation().split(";\\s*")))
                    .distinct().collect(java.util.stream.Collectors.joining("; "));
            List<String> open = unresolved.stream().map(ScoreFlag::id).toList();
            throw new ValidationException(List.of(Violation.of("resolutions", "validation.every-flag-resolved",
                    citation, null, open, "每项复核事项须写明结论：POST /score-flags/review",
                    "Resolve every flag in writing first: POST /score-flags/review")));
        }
    }
}

package io.huitong.evaluation;

import io.huitong.bidding.Bid;
import io.huitong.bidding.BidService;
import io.huitong.bidding.BidStatus;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.security.Operator;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import io.huitong.shared.workflow.TaskActions;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each member's scoring task (O87 55): a technical score of every qualified bid, within what price does not carry,
 * and the objective part of each where the documents fix criteria (O87 64).
 */
@Component
class MemberScoring {

    private final TenderService tenders;
    private final BidService bids;
    private final Committee committee;
    private final Committees committees;
    private final PriceRules prices;
    private final TaskActions tasks;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final RuleSetRegistry ruleSets;

    MemberScoring(TenderService tenders, BidService bids, Committee committee, Committees committees,
            PriceRules prices, TaskActions tasks, TransactionTemplate transactions, Clock clock,
            RuleSetRegistry ruleSets) {
        this.ruleSets = ruleSets;
        this.tenders = tenders;
        this.bids = bids;
        this.committee = committee;
        this.committees = committees;
        this.prices = prices;
        this.tasks = tasks;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The most technical points a member may give: what price does not carry. */
    BigDecimal maxTechnicalScore(String tenderId) {
        return prices.maxTechnicalScore(tenders.get(tenderId));
    }

    /** A member's scores of every qualified bid; completes that member's scoring task. */
    void score(String tenderId, Map<String, BigDecimal> scores, Map<String, BigDecimal> objectiveScores,
            Operator operator) {
        transactions.executeWithoutResult(s -> {
            Tender tender = tenders.get(tenderId);
            CommitteeMember member = committee.member(tender, operator.userId());
            List<Bid> valid = checkScores(tender, scores, objectiveScores);
            valid.forEach(b -> committees.score(member.id(), b.id(), scores.get(b.id()),
                    objectiveScores == null ? null : objectiveScores.get(b.id()), clock.instant()));
            tasks.complete(tenderId, Evaluation.SCORE, operator, Map.of());
        });
    }

    /** The scores are for every qualified bid and only those, in range; the objective part within the score. */
    private List<Bid> checkScores(Tender tender, Map<String, BigDecimal> scores,
            Map<String, BigDecimal> objectiveScores) {
        List<Bid> valid = valid(tender);
        BigDecimal max = prices.maxTechnicalScore(tender);
        List<Violation> invalid = new ArrayList<>();
        for (Bid bid : valid) {
            BigDecimal score = scores.get(bid.id());
            if (score == null || score.signum() < 0 || score.compareTo(max) > 0) {
                invalid.add(ruleSets.notice(EvaluationNotices.SCORE_RANGE, "max", max)
                        .violation("scores." + bid.id(), "validation.score-range", max, score));
            }
        }
        scores.keySet().stream().filter(id -> valid.stream().noneMatch(b -> b.id().equals(id)))
                .forEach(id -> invalid.add(Violation.of("scores." + id, "validation.not-qualified", null, null, id,
                        "只对合格投标评分", "Only qualified bids are scored")));
        if (objectiveScores != null) {
            objectiveScores.forEach((id, objective) -> {
                BigDecimal score = scores.get(id);
                if (objective == null || objective.signum() < 0 || score == null || objective.compareTo(score) > 0) {
                    invalid.add(ruleSets.notice(EvaluationNotices.OBJECTIVE_RANGE)
                            .violation("objectiveScores." + id, "validation.objective-range", score, objective));
                }
            });
        }
        if (!invalid.isEmpty()) {
            throw new ValidationException(invalid);
        }
        return valid;
    }

    /** Every qualified bid scored by the member, however the scoring task was completed. */
    void checkScored(Tender tender, String userId) {
        CommitteeMember member = committee.member(tender, userId);
        Set<String> scored = committees.scoredBy(member.id());
        List<String> missing = valid(tender).stream().map(Bid::id).filter(id -> !scored.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw new ValidationException(List.of(ruleSets.notice(EvaluationNotices.EVERY_BID_SCORED)
                    .violation("scores", "validation.every-bid-scored", null, missing)));
        }
    }

    /** The user ids of the sitting members who have not scored every qualified bid. */
    List<String> yetToScore(String tenderId) {
        Tender tender = tenders.get(tenderId);
        List<String> valid = valid(tender).stream().map(Bid::id).toList();
        return committees.of(tenderId, tender.round()).stream()
                .filter(m -> !committees.scoredBy(m.id()).containsAll(valid)).map(CommitteeMember::userId).toList();
    }

    /** The sitting members' technical scores of the current round, members in the committee's order. */
    List<Evaluation.PublishedScore> publishedScores(String tenderId) {
        Tender tender = tenders.get(tenderId);
        List<CommitteeMember> members = committees.of(tenderId, tender.round());
        List<Evaluation.PublishedScore> out = new ArrayList<>();
        for (Committees.Score score : committees.scoreList(tenderId, tender.round())) {
            members.stream().filter(m -> m.id().equals(score.memberId())).findFirst().ifPresent(m -> out.add(
                    new Evaluation.PublishedScore(score.bidId(), m.name(), m.chair(), score.technical())));
        }
        return out;
    }

    private List<Bid> valid(Tender tender) {
        return bids.ofRound(tender.id(), tender.round()).stream().filter(b -> b.status() == BidStatus.VALID)
                .toList();
    }
}

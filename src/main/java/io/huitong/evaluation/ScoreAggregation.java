package io.huitong.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.bidding.Bid;
import io.huitong.bidding.BidService;
import io.huitong.bidding.BidStatus;
import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionReplay;
import io.huitong.rules.DecisionRecords;
import io.huitong.rules.FiredRule;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The aggregation after the members scored (the models' service task): the price rules decide, {@link PriceScoring}
 * computes, {@link TieRanking} ranks, the review rules flag, and the whole is kept as one decision record.
 */
@Component
class ScoreAggregation {

    private final TenderService tenders;
    private final BidService bids;
    private final Committees committees;
    private final ScoreFlags flags;
    private final PriceRules prices;
    private final TieRanking rankings;
    private final ScoreReview review;
    private final DecisionRecords decisionRecords;
    private final Clock clock;
    private final ObjectMapper json;

    ScoreAggregation(TenderService tenders, BidService bids, Committees committees, ScoreFlags flags,
            PriceRules prices, TieRanking rankings, ScoreReview review, DecisionRecords decisionRecords, Clock clock,
            ObjectMapper json) {
        this.tenders = tenders;
        this.bids = bids;
        this.committees = committees;
        this.flags = flags;
        this.prices = prices;
        this.rankings = rankings;
        this.review = review;
        this.decisionRecords = decisionRecords;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Price scores (O87 55: the formula of {@code price-formula.drl}, the adjusted price serving as base and bid), the
     * SME adjustments of the rules, the members' technical scores averaged, the total, the ranking the rules lay
     * down ({@code rules/evaluation/ranking.drl}) and the ranked candidates, as many as the rules allow (H11). Bids
     * the ranking steps leave equal rank equal (并列); the steps that decide between them — the tender documents'
     * method, a recorded draw where government procurement allows one — give their order. Returns the number of
     * candidates.
     */
    int aggregate(String tenderId) {
        Tender tender = tenders.get(tenderId);
        List<Bid> valid = bids.ofRound(tenderId, tender.round()).stream().filter(b -> b.status() == BidStatus.VALID)
                .toList();
        PriceRules.Pricing pricing = prices.pricing(tender, valid);
        BigDecimal weight = pricing.weight().weight();
        Map<String, Map<String, BigDecimal>> technical = committees.scores(tenderId, tender.round());
        List<PriceScoring.Scores> computed = PriceScoring.score(pricing.formula(), weight,
                pricing.adjustments(),
                valid.stream().map(b -> new PriceScoring.Offer(b.id(), b.price())).toList(), technical);
        List<TieRanking.Scored> scored = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            PriceScoring.Scores s = computed.get(i);
            scored.add(new TieRanking.Scored(valid.get(i), s.evaluatedPrice(), s.priceScore(), s.technicalScore(),
                    s.total()));
        }
        TieRanking.Ranked ranking = rankings.rank(tender, scored);
        ArrayNode outputs = json.createArrayNode();
        for (int i = 0; i < ranking.order().size(); i++) {
            TieRanking.Scored s = ranking.order().get(i);
            Integer rank = i < ranking.limit().max() ? i + 1 : null;
            bids.score(s.bid().id(), s.evaluated(), s.price(), s.technical(), s.total(), rank);
            ObjectNode out = outputs.addObject().put("bidId", s.bid().id()).put("bidder", s.bid().bidderName())
                    .put("evaluatedPrice", s.evaluated()).put("priceScore", s.price())
                    .put("technicalScore", s.technical()).put("totalScore", s.total())
                    .put("rank", rank == null ? null : rank).put("order", i + 1)
                    .put("equalRank", ranking.equalRank().get(s.bid().id()));
            TieRanking.Tie tie = ranking.tieOf(s.bid().id());
            out.put("tied", tie != null);
            if (tie != null) {
                out.set("tiedWith", json.valueToTree(tie.bidIds().stream().filter(id -> !id.equals(s.bid().id()))
                        .toList()));
                out.set("decidedBy", json.valueToTree(tie.decidedBy()));
            }
        }
        ObjectNode inputs = json.createObjectNode().put("round", tender.round()).put("priceWeight", weight);
        inputs.put("tieBreak", ranking.facts().documentsMethod() == null ? null
                : ranking.facts().documentsMethod().name());
        inputs.set("technicalScores", json.valueToTree(technical));
        // what the price rules were decided on and as of, and what they concluded: decided again alike (PricingReplay)
        inputs.set("pricing", decisionRecords.facts(pricing.evaluation().all(PricingFacts.class).get(0)));
        inputs.set("pricedBids", decisionRecords.facts(pricing.evaluation().all(PricedBid.class)));
        inputs.put(DecisionReplay.AS_OF, tender.bidDeadlineDate() == null ? null : tender.bidDeadlineDate().toString());
        committees.clearSignatures(tenderId, tender.round());
        List<FiredRule> fired = new ArrayList<>(pricing.evaluation().firedRules());
        fired.addAll(ranking.evaluation().firedRules());
        fired.addAll(review.raiseFlags(tender, valid));
        int candidates = Math.min(scored.size(), ranking.limit().max());
        ObjectNode result = json.createObjectNode();
        result.set("ranking", outputs);
        result.set("rankingSteps", json.valueToTree(ranking.steps().stream().map(TieRanking::describe).toList()));
        result.set("ties", json.valueToTree(ranking.ties()));
        result.set("draws", json.valueToTree(ranking.draws()));
        result.put("candidates", candidates);
        result.set(PricingReplay.KEPT, PricingReplay.outputs(pricing.evaluation(), json));
        result.put(PricingReplay.KEPT_FIRED, pricing.evaluation().firedRules().size());
        result.put("candidatesCitation", ranking.limit().by().citation());
        result.set("flags", json.valueToTree(flags.of(tenderId, tender.round()).stream().filter(ScoreFlag::isOpen)
                .toList()));
        decisionRecords.save(new DecisionRecord(UUID.randomUUID().toString(), "EVALUATION",
                DecisionRecord.Outcome.ACCEPTED, false, tenderId, tender.ruleSetVersion(), clock.instant(), "system",
                null, inputs, result, fired, List.of()));
        return candidates;
    }
}

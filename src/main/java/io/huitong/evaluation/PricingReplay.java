package io.huitong.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.bidding.Bid;
import io.huitong.bidding.BidService;
import io.huitong.rules.DecisionRecord;
import io.huitong.rules.RuleSet;
import io.huitong.rules.DecisionReplay;
import io.huitong.rules.FactReader;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import io.huitong.tender.registration.RegistrationDecision;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The price rules decided again (EVALUATION): the price weight and each bid's SME price adjustment (O87 55; SME46 9),
 * from the pricing facts and the priced bids. An evaluation's decision record keeps the weight and the ranking, not the
 * facts: for a stored one they are read from what cannot change after the opening — the tender's registration
 * decision and the prices and sizes of the bids its ranking names. The sandbox takes them as given.
 */
@Component
class PricingReplay implements DecisionReplay {

    private final FactReader facts;
    private final ObjectMapper json;
    private final TenderService tenders;
    private final BidService bids;

    PricingReplay(ObjectMapper json, TenderService tenders, BidService bids) {
        this.json = json;
        this.tenders = tenders;
        this.bids = bids;
        this.facts = new FactReader(json);
    }

    @Override
    public String kind() {
        return "EVALUATION";
    }

    @Override
    public String name() {
        return "pricing";
    }

    @Override
    public String description() {
        return "价格分权重与中小企业价格扣除 / The price weight and SME price adjustments: inputs pricing "
                + "(PricingFacts), pricedBids (PricedBid), asOf (the bid deadline's date; today if none)";
    }

    @Override
    public Replayed replay(JsonNode inputs, RuleSet ruleSet) {
        List<Object> input = new ArrayList<>();
        input.add(facts.one(inputs, "pricing", PricingFacts.class));
        input.addAll(facts.list(inputs, "pricedBids", PricedBid.class));
        RuleSet.Evaluation evaluation = ruleSet.evaluate(DecisionReplay.asOf(inputs), input);
        return new Replayed(outputs(evaluation, json), evaluation.firedRules());
    }

    /** What the price rules concluded, in the form this replay compares: the evaluation's record keeps it too. */
    static ObjectNode outputs(RuleSet.Evaluation evaluation, ObjectMapper json) {
        ObjectNode outputs = json.createObjectNode();
        ArrayNode weights = outputs.putArray("priceWeights");
        evaluation.all(PriceWeight.class).forEach(w -> weights.addObject().put("weight", w.weight())
                .put("rule", w.by().rule()).put("citation", w.by().citation()));
        ArrayNode adjustments = outputs.putArray("adjustments");
        evaluation.all(PriceAdjustment.class).forEach(a -> adjustments.addObject().put("bidId", a.bidId())
                .put("kind", a.kind().name()).put("rate", a.rate()).put("rule", a.by().rule())
                .put("citation", a.by().citation()));
        FactReader.sorted(weights);
        FactReader.sorted(adjustments);
        return outputs;
    }

    /** Where the evaluation's decision record keeps what the price rules concluded, as {@link #outputs} gives it. */
    static final String KEPT = "pricing";

    /** How many of the evaluation record's fired rules, the first, the price rules fired (the ranking's follow). */
    static final String KEPT_FIRED = "pricingRulesFired";

    /**
     * As {@code ScoreAggregation} keeps the price rules decided: their conclusions and the first of the record's
     * fired rules. A record kept before it did is decided again under its version.
     */
    @Override
    public java.util.Optional<Replayed> recorded(DecisionRecord record) {
        JsonNode kept = record.outputs() == null ? null : record.outputs().get(KEPT);
        JsonNode fired = record.outputs() == null ? null : record.outputs().get(KEPT_FIRED);
        if (kept == null || !kept.isObject() || fired == null || !fired.canConvertToInt() || record.firedRules() == null
                || fired.asInt() < 0 || fired.asInt() > record.firedRules().size()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Replayed(kept, List.copyOf(record.firedRules().subList(0, fired.asInt()))));
    }

    @Override
    public Replayed replay(DecisionRecord record, RuleSet ruleSet) {
        if (record.inputs().has("pricing")) {
            return replay(record.inputs(), ruleSet);
        }
        if (record.tenderId() == null || !record.outputs().has("ranking")) {
            throw new NotReplayable("inputs", "评标决策记录缺少定价事实", "The evaluation's record keeps no pricing facts");
        }
        Tender tender = tenders.get(record.tenderId());
        RegistrationDecision decisions = tenders.decisions(tender);
        int round = record.inputs().path("round").asInt(tender.round());
        Set<String> ranked = new HashSet<>();
        record.outputs().get("ranking").forEach(r -> ranked.add(r.path("bidId").asText()));
        ObjectNode inputs = json.createObjectNode();
        inputs.set("pricing", facts.tree(new PricingFacts(decisions.applicableLaw(), tender.regime(),
                tender.category(), decisions.smeReserved())));
        List<PricedBid> priced = new ArrayList<>();
        for (Bid b : bids.ofRound(record.tenderId(), round)) {
            if (ranked.contains(b.id())) {
                priced.add(new PricedBid(b.id(), b.smeSize(), b.price()));
            }
        }
        inputs.set("pricedBids", facts.tree(priced));
        inputs.set(DecisionReplay.AS_OF, record.inputs().get(DecisionReplay.AS_OF));
        return replay(inputs, ruleSet);
    }
}

package io.huitong.bidding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.credit.PartyRelation;
import io.huitong.rules.DecisionRecord;
import io.huitong.rules.RuleOutput;
import io.huitong.rules.RuleSet;
import io.huitong.rules.DecisionReplay;
import io.huitong.rules.FactReader;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The opening decided again (OPENING): what a bid not decrypted is deemed, the bids the checks concerning several
 * bidders invalidate, the bonds kept, and the collusion findings (TBR 40; O87 37), from the bids and party relations
 * the opening's decision record keeps ({@code bids}: undecrypted, opened and decrypted bids, relations).
 */
@Component
class CollusionReplay implements DecisionReplay {

    private static final List<Class<? extends Record>> FACTS = List.of(UndecryptedBid.class, OpenedBid.class,
            DecryptedBid.class, PartyRelation.class);

    private final FactReader facts;
    private final ObjectMapper json;

    private final BidderFactRecords bidderFacts;

    CollusionReplay(ObjectMapper json, BidderFactRecords bidderFacts) {
        this.bidderFacts = bidderFacts;
        this.json = json;
        this.facts = new FactReader(json);
    }

    @Override
    public String kind() {
        return Opening.OPENING;
    }

    @Override
    public String name() {
        return "collusion";
    }

    @Override
    public String description() {
        return "开标：未解密、无效投标与串通情形 / The opening: undecrypted bids, bids invalidated, collusion findings; "
                + "inputs bids (UndecryptedBid, OpenedBid, DecryptedBid, PartyRelation), asOf (the bid deadline's date; today "
                + "if none)";
    }

    @Override
    public Replayed replay(JsonNode inputs, RuleSet ruleSet) {
        if (inputs == null || !inputs.has("bids")) {
            throw new NotReplayable("bids", "输入缺少 bids", "The inputs hold no bids");
        }
        List<Object> input = new java.util.ArrayList<>(facts.mixed(inputs, "bids", FACTS));
        input.addAll(bidderFacts.read(inputs));
        RuleSet.Evaluation evaluation = ruleSet.evaluate(DecisionReplay.asOf(inputs), input);
        return new Replayed(outputs(evaluation, json), evaluation.firedRules());
    }

    /**
     * As {@code Opening} keeps the opening decided ({@value #KEPT} in its outputs, the rules that fired as they did):
     * a record kept before it did is decided again under its version.
     */
    @Override
    public java.util.Optional<Replayed> recorded(DecisionRecord record) {
        JsonNode kept = record.outputs() == null ? null : record.outputs().get(KEPT);
        if (kept == null || !kept.isObject() || record.firedRules() == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Replayed(kept, record.firedRules()));
    }

    /** Where the opening's decision record keeps what the rules concluded, as {@link #outputs} gives it. */
    static final String KEPT = "rules";

    /** What the rules concluded at an opening, in the form this replay compares: the opening keeps it too. */
    static ObjectNode outputs(RuleSet.Evaluation evaluation, ObjectMapper json) {
        ObjectNode outputs = json.createObjectNode();
        ArrayNode deemed = outputs.putArray("decryption");
        evaluation.all(DecryptionOutcome.class).forEach(o -> by(deemed.addObject().put("bidId", o.bidId())
                .put("status", o.status().name()), o.by()));
        ArrayNode invalid = outputs.putArray("invalidated");
        evaluation.all(BidInvalidated.class).forEach(i -> by(invalid.addObject().put("bidId", i.bidId()), i.by()));
        ArrayNode kept = outputs.putArray("bondsKept");
        evaluation.all(BondKept.class).forEach(k -> by(kept.addObject().put("bidId", k.bidId()), k.by()));
        ArrayNode collusion = outputs.putArray("collusion");
        evaluation.all(CollusionFinding.class).forEach(f -> {
            ObjectNode finding = collusion.addObject().put("kind", f.kind().name()).put("article", f.citation());
            finding.set("bidIds", json.valueToTree(f.bidIds()));
            finding.put("evidence", f.evidence());
            by(finding, f.by());
        });
        List.of(deemed, invalid, kept, collusion).forEach(FactReader::sorted);
        return outputs;
    }

    private static void by(ObjectNode node, RuleOutput by) {
        node.put("rule", by.rule()).put("citation", by.citation());
    }
}

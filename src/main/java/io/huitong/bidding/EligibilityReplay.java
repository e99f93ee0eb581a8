package io.huitong.bidding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.credit.CreditRecord;
import io.huitong.guarantee.GuaranteeOnRecord;
import io.huitong.rules.DecisionRecord;
import io.huitong.rules.Refusal;
import io.huitong.rules.RuleSet;
import io.huitong.rules.DecisionReplay;
import io.huitong.rules.FactReader;
import io.huitong.shared.web.Violation;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A bid's eligibility decided again (SUBMISSION): the bid's facts, the bond the registration requires, the parties'
 * credit records and the e-guarantee on record, as the submission's decision record keeps them. Outputs: accepted or
 * refused, and each refusal with its rule and article.
 */
@Component
class EligibilityReplay implements DecisionReplay {

    private final FactReader facts;
    private final ObjectMapper json;

    private final BidderFactRecords bidderFacts;

    EligibilityReplay(ObjectMapper json, BidderFactRecords bidderFacts) {
        this.bidderFacts = bidderFacts;
        this.json = json;
        this.facts = new FactReader(json);
    }

    @Override
    public String kind() {
        return BidSubmission.SUBMISSION;
    }

    @Override
    public String name() {
        return "eligibility";
    }

    @Override
    public String description() {
        return "投标资格（投标时） / A bid's eligibility at submission: inputs facts (BidFacts), bondRequirement, "
                + "creditRecords, eGuarantee";
    }

    /**
     * As {@code BidSubmission} keeps a bid's eligibility decided: the outcome, the refusals and the rules that fired
     * (its facts carry the bid deadline it was decided as of). A record kept before it named that date
     * ({@value DecisionReplay#AS_OF}) kept its amounts through a tree that strips trailing zeros (10000.00 as 1E+4),
     * so a refusal decided again on them may read differently from the one kept: it is decided again on both sides,
     * as is one without facts or with a refusal value clipped for storage.
     */
    @Override
    public java.util.Optional<Replayed> recorded(DecisionRecord record) {
        if (record.inputs() == null || !record.inputs().has("facts") || DecisionReplay.asOf(record.inputs()) == null
                || record.violations() == null
                || record.firedRules() == null || record.violations().stream().anyMatch(v -> v.value() instanceof String text
                        && text.length() > io.huitong.rules.DecisionRecords.KEPT_TEXT)) {
            return java.util.Optional.empty();
        }
        ObjectNode outputs = json.createObjectNode().put("outcome", record.outcome().name());
        outputs.set("violations", facts.sorted(record.violations()));
        return java.util.Optional.of(new Replayed(outputs, record.firedRules()));
    }

    @Override
    public Replayed replay(JsonNode inputs, RuleSet ruleSet) {
        List<Object> input = new ArrayList<>();
        BidFacts bid = facts.one(inputs, "facts", BidFacts.class);
        input.add(bid);
        input.add(facts.one(inputs, "bondRequirement", BondRequirement.class));
        input.addAll(facts.list(inputs, "creditRecords", CreditRecord.class));
        GuaranteeOnRecord guarantee = facts.optional(inputs, "eGuarantee", GuaranteeOnRecord.class);
        if (guarantee != null) {
            input.add(guarantee);
        }
        input.addAll(bidderFacts.read(inputs));
        // as at submission: the law in force on the bid deadline's day
        RuleSet.Evaluation evaluation = ruleSet.evaluate(bid.deadline() == null ? null
                : java.time.LocalDate.ofInstant(bid.deadline(), io.huitong.shared.time.LegalClock.CHINA), input);
        List<Violation> violations = evaluation.all(Refusal.class).stream().map(Refusal::violation).toList();
        ObjectNode outputs = json.createObjectNode().put("outcome", (violations.isEmpty()
                ? DecisionRecord.Outcome.ACCEPTED : DecisionRecord.Outcome.REFUSED).name());
        outputs.set("violations", facts.sorted(violations));
        return new Replayed(outputs, evaluation.firedRules());
    }
}

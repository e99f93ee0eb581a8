package io.huitong.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * A committee's composition decided again (COMMITTEE, G1, G3): its facts, the tenderer and where each expert member
 * works, as the committee's decision record keeps them. Only what the rules decide: whether each member is a user
 * of the expert pool is a check of the identity service at the time, not a rule, and is not decided again.
 */
@Component
class CommitteeReplay implements DecisionReplay {

    private static final List<Class<? extends Record>> PEOPLE = List.of(CommitteeFacts.Tenderer.class,
            CommitteeFacts.ExpertMember.class);

    private final FactReader facts;
    private final ObjectMapper json;

    CommitteeReplay(ObjectMapper json) {
        this.json = json;
        this.facts = new FactReader(json);
    }

    @Override
    public String kind() {
        return "COMMITTEE";
    }

    @Override
    public String name() {
        return "committee";
    }

    @Override
    public String description() {
        return "评标委员会组成 / The committee's composition: inputs facts (CommitteeFacts), expertEmployers "
                + "(Tenderer, ExpertMember), expertSeats (ExpertSeat: whether the pool holds each expert), asOf (the bid "
                + "deadline's date; today if none)";
    }

    /**
     * As {@code Committee} keeps a committee decided: the outcome and refusals of the rules (the record's refusals
     * less the membership checks, {@code validation.*}, which no rule makes) and the rules that fired. A record kept
     * before it named the date it was decided as of ({@value DecisionReplay#AS_OF}) is decided again on both sides,
     * as of today, as it was then; so is one with a refusal value clipped for storage.
     */
    @Override
    public java.util.Optional<Replayed> recorded(DecisionRecord record) {
        if (DecisionReplay.asOf(record.inputs()) == null || !record.inputs().has("facts")
                || record.violations() == null || record.firedRules() == null
                || record.violations().stream().anyMatch(v -> v.value() instanceof String text
                        && text.length() > io.huitong.rules.DecisionRecords.KEPT_TEXT)) {
            return java.util.Optional.empty();
        }
        List<Violation> byRules = record.violations().stream()
                .filter(v -> v.rule() == null || !v.rule().startsWith("validation.")).toList();
        ObjectNode outputs = json.createObjectNode().put("outcome", (byRules.isEmpty()
                ? DecisionRecord.Outcome.ACCEPTED : DecisionRecord.Outcome.REFUSED).name());
        outputs.set("violations", facts.sorted(byRules));
        return java.util.Optional.of(new Replayed(outputs, record.firedRules()));
    }

    @Override
    public Replayed replay(JsonNode inputs, RuleSet ruleSet) {
        List<Object> input = new ArrayList<>();
        input.add(facts.one(inputs, "facts", CommitteeFacts.class));
        input.addAll(facts.mixed(inputs, "expertEmployers", PEOPLE));
        input.addAll(facts.list(inputs, "expertSeats", CommitteeFacts.ExpertSeat.class));
        RuleSet.Evaluation evaluation = ruleSet.evaluate(DecisionReplay.asOf(inputs), input);
        List<Violation> violations = evaluation.all(Refusal.class).stream().map(Refusal::violation).toList();
        ObjectNode outputs = json.createObjectNode().put("outcome", (violations.isEmpty()
                ? DecisionRecord.Outcome.ACCEPTED : DecisionRecord.Outcome.REFUSED).name());
        outputs.set("violations", facts.sorted(violations));
        return new Replayed(outputs, evaluation.firedRules());
    }
}

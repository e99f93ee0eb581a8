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
                + "(Tenderer, ExpertMember), expertSeats (ExpertSeat: whether the pool holds each expert)";
    }

    @Override
    public Replayed replay(JsonNode inputs, RuleSet ruleSet) {
        List<Object> input = new ArrayList<>();
        input.add(facts.one(inputs, "facts", CommitteeFacts.class));
        input.addAll(facts.mixed(inputs, "expertEmployers", PEOPLE));
        input.addAll(facts.list(inputs, "expertSeats", CommitteeFacts.ExpertSeat.class));
        RuleSet.Evaluation evaluation = ruleSet.evaluate(input);
        List<Violation> violations = evaluation.all(Refusal.class).stream().map(Refusal::violation).toList();
        ObjectNode outputs = json.createObjectNode().put("outcome", (violations.isEmpty()
                ? DecisionRecord.Outcome.ACCEPTED : DecisionRecord.Outcome.REFUSED).name());
        outputs.set("violations", facts.sorted(violations));
        return new Replayed(outputs, evaluation.firedRules());
    }
}

package io.huitong.tender.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.rules.DecisionRecord;
import io.huitong.rules.RuleSet;
import io.huitong.rules.DecisionReplay;
import io.huitong.rules.FactReader;
import org.springframework.stereotype.Component;

/**
 * A registration decided again (REGISTRATION) from the facts its decision record keeps ({@code facts}, the request
 * normalised, with the day of registration): the same decisions as registration, and its refusals.
 */
@Component
class RegistrationReplay implements DecisionReplay {

    /** As the registration's decision records name their kind (RegistrationService). */
    static final String KIND = "REGISTRATION";

    private final RegistrationRules rules;
    private final FactReader facts;
    private final ObjectMapper json;

    RegistrationReplay(RegistrationRules rules, ObjectMapper json) {
        this.rules = rules;
        this.json = json;
        this.facts = new FactReader(json);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String name() {
        return "registration-facts";
    }

    @Override
    public String description() {
        return "项目登记（按登记事实） / Registration from its facts (RegistrationFacts) as the decision record keeps "
                + "them; POST /api/rules/registration/evaluate takes the registration request itself";
    }

    /**
     * As {@code RegistrationService} keeps a registration decided on its facts: the decisions as outputs, the
     * outcome, the refusals and the rules that fired. A record refused before the rules (no facts), one whose outputs
     * or fired rules are missing, or one with a refusal value clipped for storage is decided again instead.
     */
    @Override
    public java.util.Optional<Replayed> recorded(DecisionRecord record) {
        JsonNode outputs = record.outputs();
        if (!record.inputs().has("facts") || outputs == null || !outputs.isObject() || outputs.isEmpty()
                || record.firedRules() == null || record.firedRules().isEmpty() || record.violations() == null
                || record.violations().stream().anyMatch(v -> v.value() instanceof String text
                        && text.length() > io.huitong.rules.DecisionRecords.KEPT_TEXT)) {
            return java.util.Optional.empty();
        }
        ObjectNode answer = json.createObjectNode().put("outcome", record.outcome().name());
        answer.set("decisions", outputs);
        answer.set("violations", facts.sorted(record.violations()));
        return java.util.Optional.of(new Replayed(answer, record.firedRules()));
    }

    @Override
    public Replayed replay(JsonNode inputs, RuleSet ruleSet) {
        RegistrationEvaluation evaluation = rules.evaluate(facts.one(inputs, "facts", RegistrationFacts.class),
                ruleSet);
        ObjectNode outputs = json.createObjectNode().put("outcome", (evaluation.accepted()
                ? DecisionRecord.Outcome.ACCEPTED : DecisionRecord.Outcome.REFUSED).name());
        outputs.set("decisions", facts.tree(evaluation.decisions()));
        outputs.set("violations", facts.sorted(evaluation.violations()));
        return new Replayed(outputs, evaluation.firedRules());
    }
}

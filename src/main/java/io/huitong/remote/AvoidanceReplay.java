package io.huitong.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.rules.RuleSet;
import io.huitong.rules.DecisionReplay;
import io.huitong.rules.FactReader;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The avoidance rules of an expert draw decided again (EXPERT_DRAW, G5–G7): which candidates are excluded, each with
 * its rule and article, from the draw's context, the bidders and their related parties, and each candidate's
 * employment, relations, penalties and absences, as of {@value DecisionReplay#AS_OF} (the bid deadline's date; today
 * if none). The sandbox takes them as given. An expert draw's decision record keeps only the draw's ids and hashes, its
 * exclusions and the date, not these facts, and is meant not to: they are the personal data of every candidate of the
 * pool (employers, family and business relations, penalties, absences), where decision records are open to every user
 * once the result is determined, and the pool and its experts' records change, so they cannot be rebuilt either. The
 * impact analysis therefore leaves stored draws out, counting them with this reason ({@link #excludedFromImpact}).
 */
@Component
class AvoidanceReplay implements DecisionReplay {

    private final FactReader facts;
    private final ObjectMapper json;

    AvoidanceReplay(ObjectMapper json) {
        this.json = json;
        this.facts = new FactReader(json);
    }

    @Override
    public String kind() {
        return "EXPERT_DRAW";
    }

    @Override
    public String name() {
        return "avoidance";
    }

    @Override
    public String description() {
        return "专家回避 / Expert avoidance in a draw: inputs context, bidders, relatedToBidders, candidates, "
                + "employment, relations, penalties, absences (DrawFacts), asOf (the bid deadline's date; today if none); "
                + "stored draws are left out of the impact analysis";
    }

    @Override
    public String excludedFromImpact() {
        return EXCLUDED;
    }

    static final String EXCLUDED = "专家抽取的决策记录不保存回避事实（专家库候选人的任职、关系、处罚、请假，属个人信息），无法重算；"
            + "可在规则沙箱中以给定事实试算 / An expert draw's record keeps no avoidance facts (the pool candidates' "
            + "employment, relations, penalties and absences are personal data), so it cannot be decided again; try "
            + "the avoidance rules on given facts in the sandbox (POST /api/rules/avoidance/evaluate)";

    @Override
    public Replayed replay(JsonNode inputs, RuleSet ruleSet) {
        if (inputs == null || !inputs.has("context")) {
            throw new NotReplayable("context", "专家抽取的决策记录未保存回避事实，无法重算",
                    "The inputs hold no draw context: an expert draw's record keeps only its ids and hashes");
        }
        List<Object> input = new ArrayList<>();
        input.add(facts.one(inputs, "context", DrawFacts.Context.class));
        input.addAll(facts.list(inputs, "bidders", DrawFacts.Bidder.class));
        input.addAll(facts.list(inputs, "relatedToBidders", DrawFacts.RelatedToBidder.class));
        input.addAll(facts.list(inputs, "candidates", DrawFacts.Candidate.class));
        input.addAll(facts.list(inputs, "employment", DrawFacts.Employment.class));
        input.addAll(facts.list(inputs, "relations", DrawFacts.Relation.class));
        input.addAll(facts.list(inputs, "penalties", DrawFacts.Penalty.class));
        input.addAll(facts.list(inputs, "absences", DrawFacts.Absence.class));
        RuleSet.Evaluation evaluation = ruleSet.evaluate(DecisionReplay.asOf(inputs), input);
        ObjectNode outputs = json.createObjectNode();
        ArrayNode excluded = outputs.putArray("exclusions");
        evaluation.all(DrawFacts.Exclusion.class).forEach(x -> excluded.addObject().put("expertId", x.expertId())
                .put("reason", x.reasonZh() + " / " + x.reasonEn()).put("rule", x.by().rule())
                .put("citation", x.by().citation()));
        FactReader.sorted(excluded);
        return new Replayed(outputs, evaluation.firedRules());
    }
}

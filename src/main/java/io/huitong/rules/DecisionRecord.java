package io.huitong.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.shared.web.Violation;
import java.time.Instant;
import java.util.List;

/**
 * A decision that explains itself: its inputs, its outputs, the rules that fired with their citations, the
 * refusals, the rule-set version and the time — kept whether the decision accepted or refused.
 */
public record DecisionRecord(
        String id,
        String kind,
        Outcome outcome,
        boolean sandbox,
        String tenderId,
        String ruleSetVersion,
        Instant decidedAt,
        String operator,
        String clientAddress,
        JsonNode inputs,
        JsonNode outputs,
        List<FiredRule> firedRules,
        List<Violation> violations) {

    public enum Outcome {
        ACCEPTED, REFUSED
    }
}

package io.huitong.evaluation;

import io.huitong.rules.RuleOutput;
import java.math.BigDecimal;
import org.kie.api.runtime.rule.RuleContext;

/** How many ranked candidates the committee names at most. */
public record CandidateLimit(int max, RuleOutput by) {

    public static CandidateLimit of(RuleContext rule, BigDecimal max) {
        return new CandidateLimit(max.intValueExact(), RuleOutput.of(rule));
    }
}

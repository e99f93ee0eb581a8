package io.huitong.rules;

import org.kie.api.runtime.rule.RuleContext;

/**
 * Who decided something: the rule that fired and its citation and tag, as stamped on every fact a rule
 * inserts. A policy (jurisdiction data, sign-off levels) may carry its own citation, which then wins.
 */
public record RuleOutput(String rule, String citation, String tag) {

    public static RuleOutput of(RuleContext context) {
        var rule = context.getRule();
        return new RuleOutput(rule.getName(), RuleMetadata.text(rule.getMetaData().get(RuleMetadata.CITATION)),
                RuleMetadata.text(rule.getMetaData().get(RuleMetadata.TAG)));
    }

    /** The same rule, citing a policy's own source (a jurisdiction policy, a sign-off level). */
    public RuleOutput citing(String policyCitation, String policyTag) {
        return new RuleOutput(rule, policyCitation == null ? citation : policyCitation,
                policyTag == null ? tag : policyTag);
    }
}

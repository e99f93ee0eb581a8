package io.huitong.lifecycle;

import io.huitong.rules.RuleOutput;
import org.kie.api.runtime.rule.RuleContext;

/** How many bids a procedure needs to be opened and evaluated. */
public record MinimumBids(int count, RuleOutput by) {

    public static MinimumBids of(RuleContext rule, int count) {
        return new MinimumBids(count, RuleOutput.of(rule));
    }
}

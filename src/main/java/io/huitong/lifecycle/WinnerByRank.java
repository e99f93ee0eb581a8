package io.huitong.lifecycle;

import io.huitong.rules.RuleOutput;
import org.kie.api.runtime.rule.RuleContext;

/** The first-ranked candidate wins; the purchaser does not choose (TBR 55). */
public record WinnerByRank(RuleOutput by) {

    public static WinnerByRank of(RuleContext rule) {
        return new WinnerByRank(RuleOutput.of(rule));
    }
}

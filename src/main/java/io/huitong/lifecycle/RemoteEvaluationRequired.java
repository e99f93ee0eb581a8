package io.huitong.lifecycle;

import io.huitong.rules.RuleOutput;
import org.kie.api.runtime.rule.RuleContext;

/** The project is evaluated remotely across centres (远程异地评标, J2): the province's policy says so. */
public record RemoteEvaluationRequired(RuleOutput by) {

    public static RemoteEvaluationRequired of(RuleContext rule) {
        return new RemoteEvaluationRequired(RuleOutput.of(rule));
    }
}

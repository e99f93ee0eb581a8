package io.huitong.shared;

import io.huitong.rules.RuleSetRejectedException;
import io.huitong.shared.workflow.ModelRejectedException;
import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly which rule or model file stopped the start, and where. */
class StartupFailureAnalyzer extends AbstractFailureAnalyzer<RuntimeException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, RuntimeException cause) {
        for (Throwable t = root; t != null; t = t.getCause()) {
            if (t instanceof RuleSetRejectedException rules) {
                return new FailureAnalysis("The rule files do not compile:\n" + rules.problems().stream()
                        .map(p -> "  " + p).collect(Collectors.joining("\n")),
                        "Fix the files named above (file:line:column) and start again.", rules);
            }
            if (t instanceof ModelRejectedException models) {
                return new FailureAnalysis("A process model does not parse:\n" + models.problems().stream()
                        .map(p -> "  " + p).collect(Collectors.joining("\n")),
                        "Fix the model named above (file:line:column) and start again.", models);
            }
        }
        return null;
    }
}

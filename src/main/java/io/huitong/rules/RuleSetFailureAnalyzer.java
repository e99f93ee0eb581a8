package io.huitong.rules;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly which rule file stopped the start, and where. */
class RuleSetFailureAnalyzer extends AbstractFailureAnalyzer<RuleSetRejectedException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, RuleSetRejectedException cause) {
        return new FailureAnalysis("The rule files do not compile:\n" + cause.problems().stream()
                .map(p -> "  " + p).collect(Collectors.joining("\n")),
                "Fix the files named above (file:line:column) and start again.", cause);
    }
}

package io.huitong.shared.workflow;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly which model file stopped the start, and where. */
class ModelFailureAnalyzer extends AbstractFailureAnalyzer<ModelRejectedException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, ModelRejectedException cause) {
        return new FailureAnalysis("A process model does not parse:\n" + cause.problems().stream()
                .map(p -> "  " + p).collect(Collectors.joining("\n")),
                "Fix the model named above (file:line:column) and start again.", cause);
    }
}

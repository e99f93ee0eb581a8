package io.huitong.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that does not compile or whose policy data is invalid; the running version stays. */
public class RuleSetRejectedException extends RuntimeException {

    private final List<RuleProblem> problems;

    public RuleSetRejectedException(String origin, List<RuleProblem> problems) {
        super("rule set from " + origin + " refused: " + problems.size() + " problem(s)\n"
                + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}

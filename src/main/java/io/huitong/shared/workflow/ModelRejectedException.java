package io.huitong.shared.workflow;

import java.util.List;
import java.util.stream.Collectors;

/** A model that does not parse: nothing was deployed, the running versions stay. */
public class ModelRejectedException extends RuntimeException {

    /** One problem: the file, line and column, the element, and what is wrong. */
    public record ModelProblem(String file, int line, int column, String element, String message) {

        @Override
        public String toString() {
            return file + ":" + line + ":" + column + (element == null ? "" : " (" + element + ")") + ": " + message;
        }
    }

    private final List<ModelProblem> problems;

    public ModelRejectedException(List<ModelProblem> problems) {
        super("models refused: " + problems.stream().map(ModelProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<ModelProblem> problems() {
        return problems;
    }
}

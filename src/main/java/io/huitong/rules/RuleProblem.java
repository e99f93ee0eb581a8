package io.huitong.rules;

/** Why a rule set was refused: the file, line and column (1-based; 0 when unknown) and what is wrong. */
public record RuleProblem(String file, int line, int column, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}

package io.huitong.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import java.time.LocalDate;
import java.util.List;

/**
 * How one kind of decision is taken again from the inputs its decision record keeps, under any rule-set version:
 * {@code kind + inputs + rule set -> outputs + fired rules}. Read-only: it stores nothing and changes nothing. Each
 * feature module provides the replay of the decisions it takes (the rules module knows no feature).
 */
public interface DecisionReplay {

    /** The kind of decision record it re-evaluates, as stored: REGISTRATION, SUBMISSION, COMMITTEE, ... */
    String kind();

    /** The rule sandbox's name for it: {@code POST /api/rules/{name}/evaluate}. */
    String name();

    /** What it decides, for the sandbox's description (中文 / English). */
    String description();

    /**
     * Decides again on inputs in the form the kind's decision record keeps them. Pure: reads nothing but the inputs
     * and the rule set.
     *
     * @throws NotReplayable if the inputs do not hold what the decision needs
     */
    Replayed replay(JsonNode inputs, RuleSet ruleSet);

    /**
     * Decides a stored decision again. By default on its inputs alone; a kind whose records keep less than the
     * decision needs may add what is stored elsewhere and cannot change (never for the sandbox).
     */
    default Replayed replay(DecisionRecord record, RuleSet ruleSet) {
        return replay(record.inputs(), ruleSet);
    }

    /**
     * The answer the stored record already keeps, in the form {@link #replay(DecisionRecord, RuleSet)} gives it under
     * the version the record names: a decision is deterministic in its inputs and its rule set, so an impact analysis
     * compares the candidate with this instead of deciding again under the old version. Empty (the default) where the
     * record keeps less than that answer, or in another shape: then the record is decided again under its version.
     */
    default java.util.Optional<Replayed> recorded(DecisionRecord record) {
        return java.util.Optional.empty();
    }

    /**
     * Why the impact analysis leaves this kind's stored decisions out (中文 / English), counted but not decided
     * again; null (the default) where they are decided again. The sandbox decides the kind all the same.
     */
    default String excludedFromImpact() {
        return null;
    }

    /**
     * Where a decision record's inputs keep the date the decision was taken as of ({@code "asOf": "2026-12-21"}):
     * the date of the act it governs, as passed to {@link RuleSet#evaluate(LocalDate, java.util.Collection)} (for a
     * bid, opening, committee, evaluation or draw decision: the tender's bid deadline in China). The sandbox takes it
     * too.
     */
    String AS_OF = "asOf";

    /**
     * The date the inputs say the decision is taken as of; null where they name none (a record kept before they
     * did): {@link RuleSet#evaluate(LocalDate, java.util.Collection)} then decides as of today, as it did then.
     *
     * @throws NotReplayable if the date is not a date
     */
    static LocalDate asOf(JsonNode inputs) {
        JsonNode date = inputs == null ? null : inputs.get(AS_OF);
        if (date == null || date.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(date.asText());
        } catch (java.time.format.DateTimeParseException e) {
            throw new NotReplayable(AS_OF, AS_OF + " 须为日期（如 2026-12-21）", AS_OF + " must be a date (2026-12-21)");
        }
    }

    /** What the rules concluded: the kind's outputs (comparable as JSON) and the rules that fired, in order. */
    record Replayed(JsonNode outputs, List<FiredRule> firedRules) {
    }

    /** Inputs that do not hold what the decision needs (422): the field, and why. */
    class NotReplayable extends ValidationException {

        public NotReplayable(String field, String zh, String en) {
            super(List.of(Violation.of(field, "replay.inputs", null, null, null, zh, en)));
        }
    }
}

package io.huitong.rules;

/**
 * Decides whether a decision record must stay sealed for now: a bid's submission decision reveals who bid and
 * at what price, which nobody may know before the opening (TBL 22; EB20 27); a committee or an expert draw names
 * its members, confidential until the result is determined (TBL 37; O87 47).
 */
public interface DecisionSealing {

    /** Whether the record is sealed from this user. */
    boolean sealed(DecisionRecord record, String userId);

    /**
     * Whether even the record's existence is kept from this user in a tender's list: a bid's submission record
     * counts the bidders, which nobody may learn before the opening (TBL 22).
     */
    default boolean hidden(DecisionRecord record, String userId) {
        return false;
    }

    /** The record as a sealed one may be shown: that a decision was taken and by which rules, not on what or what. */
    static DecisionRecord redacted(DecisionRecord r) {
        var node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("sealed", true);
        return new DecisionRecord(r.id(), r.kind(), r.outcome(), r.sandbox(), r.tenderId(), r.ruleSetVersion(),
                r.decidedAt(), null, null, node, node, r.firedRules(),
                // a refusal's words may name who bid (a signer's subject, a bidder's code): they stay sealed too
                r.violations().stream().map(v -> new io.huitong.shared.web.Violation(v.field(), v.rule(), v.citation(),
                        null, null, "已密封，开标后可见 / Sealed until the opening")).toList());
    }
}

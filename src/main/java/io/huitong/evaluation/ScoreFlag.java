package io.huitong.evaluation;

import io.huitong.rules.Message;
import io.huitong.rules.RuleOutput;
import java.time.Instant;
import org.kie.api.runtime.rule.RuleContext;

/**
 * A score the committee must look at again before it signs (G1117 (五); O87 64): one far from the others', or
 * objective scores that differ. The chair resolves each with a written explanation; a member may first correct
 * the scores.
 */
public record ScoreFlag(String id, String bidId, String memberId, Kind kind, String rule, String citation,
        String detail, Instant raisedAt, Instant resolvedAt, String resolvedBy, String resolution) {

    public enum Kind {
        /** 评分畸高畸低. */
        OUTLIER,
        /** 客观评审因素评分不一致. */
        INCONSISTENT_OBJECTIVE
    }

    public boolean isOpen() {
        return resolvedAt == null;
    }

    /** What a rule concludes: the flag to raise. */
    public record Raised(String bidId, String memberId, Kind kind, String detail, RuleOutput by) {

        public static Raised of(RuleContext rule, String bidId, String memberId, Kind kind, String detail) {
            return new Raised(bidId, memberId, kind, detail, RuleOutput.of(rule));
        }

        /** The detail being the rule's message (messages.yaml), kept as "中文 / English". */
        public static Raised of(RuleContext rule, String bidId, String memberId, Kind kind, Message detail) {
            return of(rule, bidId, memberId, kind, detail.render(rule).both());
        }
    }
}

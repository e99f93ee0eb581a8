package io.huitong.bidding;

import java.time.Instant;
import java.util.List;

/**
 * A collusion flag on bids of a round, raised at the opening and decided by the committee in its review: confirmed
 * (the bids are rejected, TBR 51(七); O87 36, 37, and the case is reported in writing to the group the rules name,
 * {@code reportedTo}, under {@code reportCitation}: the finance department in government procurement) or dismissed,
 * either way with reasons.
 */
public record CollusionFlag(String id, String tenderId, int round, Kind kind, String rule, String citation,
        List<String> bidIds, String evidence, Instant raisedAt, String decisionId, Instant decidedAt,
        String decidedBy, Boolean confirmed, String reason, Instant reportedAt, String reportedTo,
        String reportCitation) {

    public enum Kind {
        /** 视为串通投标: the law deems it collusion (TBR 40; O87 37). */
        DEEMED,
        /** 由评标委员会判断: evidence for the committee to weigh (a matching file-creator id, E7). */
        JUDGMENT
    }

    public boolean isOpen() {
        return decidedAt == null;
    }
}

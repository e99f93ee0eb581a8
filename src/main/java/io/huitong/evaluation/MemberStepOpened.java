package io.huitong.evaluation;

/**
 * A committee member's own step opened: its scoring ({@link Kind#SCORE}) or its signature of the report
 * ({@link Kind#SIGN}). Published in the transaction that opens it, for whoever must tell the member: a member who
 * sits at a partner on another platform hears of it by a signed message (remote evaluation).
 */
public record MemberStepOpened(String tenderId, String userId, Kind kind) {

    /** Which of the member's steps. */
    public enum Kind {
        SCORE, SIGN
    }
}

package io.huitong.remote;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One engagement of this centre as the partner of a main centre on another platform: the main centre's request (its
 * evaluation, seats, times, the avoidance facts it sent) and what this centre did.
 */
public record PartnerEngagement(String id, String mainCentre, String evaluationRef, String processInstanceId,
        Status status, String tenderTitle, String regime, String speciality, int expertSeats,
        OffsetDateTime evaluationStart, OffsetDateTime answerDue, String avoidance, Instant requestedAt,
        String venueId, Instant answeredAt, String answeredBy, String reason, Instant preparedAt, String preparedBy) {

    /** Where an engagement stands. */
    public enum Status {
        /** 待答复. */
        REQUESTED,
        ACCEPTED,
        REFUSED,
        /** 主场撤回. */
        WITHDRAWN,
        /** 评标室已准备. */
        PREPARED,
        /** 主场已确认结果，待移交资料. */
        CONFIRMED,
        /** 资料已移交. */
        HANDED_BACK,
        /** 补偿已结算. */
        SETTLED
    }
}

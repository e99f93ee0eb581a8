package io.huitong.remote;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** The rows of a remote evaluation, as stored. */
public final class RemoteRecords {

    private RemoteRecords() {
    }

    /**
     * One remote evaluation of a tender's round; the main centre is the tender's own. It carries the commitment to
     * the next draw's seed ({@code nextSeedHash}), never the seed: the seed stays in the store until the draw reveals
     * it on the draw's record ({@link RemoteEvaluations#nextSeed}), so no answer, view or record can show it before.
     */
    public record Evaluation(String id, String tenderId, int round, String mainCentre, String processInstanceId,
            String settlementInstanceId, Status status, String speciality, Integer committeeSize,
            OffsetDateTime scheduledStart, String purchaserId, String supervisoryDepartment, List<String> representatives,
            String mainVenueId, Instant mainPreparedAt, String mainPreparedBy, String plannedBy, Instant plannedAt,
            Instant reviewedAt, String nextSeedHash, Instant nextSeedCommittedAt, Instant startedAt,
            Instant confirmedAt, String confirmedBy, Instant createdAt) {
    }

    public enum Status {
        /** 待主场制定评标安排. */
        PLANNING,
        /** 向副场发出协作请求. */
        REQUESTING,
        /** 专家已抽取，场地准备与签到. */
        PREPARING,
        /** 评标中. */
        EVALUATING,
        /** 故障：双方锁定、封存. */
        LOCKED,
        /** 暂停评标，待重新组建评标委员会. */
        POSTPONED,
        /** 主场已确认结果，资料移交与补偿结算中. */
        CONFIRMED,
        /** 已全部结算. */
        SETTLED
    }

    /** A request to a partner centre and everything the partner does for the evaluation. */
    public record Partner(String id, String evaluationId, String centreCode, int seq, PartnerStatus status,
            Instant requestedAt, OffsetDateTime answerDue, Instant answeredAt, String answeredBy, String reason,
            String venueId, Integer expertSeats, Instant preparedAt, String preparedBy, OffsetDateTime recordsDue,
            Instant recordsAt, String recordsBy, String recordsNote, Instant remindedAt, Instant escalatedAt,
            BigDecimal compensation, String compensationTerms, Instant settledAt) {
    }

    public enum PartnerStatus {
        /** 待请求. */
        PENDING,
        /** 已请求，待答复. */
        REQUESTED,
        ACCEPTED,
        REFUSED,
        /** 逾期未答复. */
        TIMED_OUT
    }

    /** A draw: the commitment, the seed once revealed, the snapshot, the result (venue id → expert ids). */
    public record Draw(String id, String evaluationId, int drawNo, String purpose, String seedHash, String seed,
            String snapshot, String snapshotHash, String result, Instant committedAt, Instant drawnAt,
            String decisionId) {
    }

    /** A seat of the committee. */
    public record Seat(String id, String evaluationId, int seq, String venueId, String centreCode, String role,
            String expertId, String userId, String drawId, SeatStatus status, Instant signedInAt, String witnessedBy,
            String memberId, Instant endedAt, String endReason, String replacedBy, String replacementUserId) {

        public boolean isActive() {
            return status == SeatStatus.DRAWN || status == SeatStatus.SIGNED_IN || status == SeatStatus.REPLACING;
        }
    }

    public enum SeatStatus {
        /** 已抽取，待签到（姓名密封）. */
        DRAWN,
        SIGNED_IN,
        /** 已申请更换，待补抽. */
        REPLACING,
        REPLACED,
        /** 评标委员会重新组建. */
        DISMISSED
    }

    /** A venue's link failure and how it ended. */
    public record LinkFailure(String id, String evaluationId, String venueId, String stage, Instant reportedAt,
            String reportedBy, String description, Instant restoredAt, String decision, String outcome,
            String decidedBy, Instant sealedAt) {

        public boolean isOpen() {
            return outcome == null;
        }
    }

    /** An expert a draw excluded, with the rule and its article. */
    public record Exclusion(String drawId, String expertId, String rule, String citation, String reason) {
    }
}

package io.huitong.credit;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A debarment or penalty of a party, with its period and legal basis. A debarment (禁止参加投标 / 列入不良行为记录
 * 名单) bars a party while it lasts (D9, D10); a major illegal record (重大违法记录) bars government
 * procurement for three years (D6). {@code endDate} null means open-ended.
 */
public record CreditRecord(String id, String partyId, String partyName, Kind kind, Scope scope, String reason,
        LocalDate startDate, LocalDate endDate, String citation, String recordedBy, Instant recordedAt,
        Instant revokedAt, String revokedBy, String revokeReason) {

    public enum Kind {
        /** 取消投标资格 / 禁止参加政府采购活动: bars the party during the period (TBL 53, 54; TBR 67, 68; GPL 77). */
        DEBARMENT,
        /** 刑事处罚. */
        CRIMINAL_PENALTY,
        /** 责令停产停业. */
        BUSINESS_SUSPENSION,
        /** 吊销许可证或者执照. */
        LICENCE_REVOCATION,
        /** 较大数额罚款. */
        LARGE_FINE;

        /** A major illegal record in the sense of GPL 22(五) and GPR 19. */
        public boolean isMajorIllegalRecord() {
            return this != DEBARMENT;
        }
    }

    /** A major illegal record in the sense of GPL 22(五) and GPR 19. */
    public boolean isMajorIllegalRecord() {
        return kind.isMajorIllegalRecord();
    }

    /** Which procedures a record bars. */
    public enum Scope {
        /** Every procedure. */
        ALL,
        /** Tendering under the Tendering Law (TBL 53, 54; TBR 67, 68). */
        TENDERING_LAW,
        /** Government procurement (GPL 77; GPR 72, 73). */
        GOVERNMENT_PROCUREMENT
    }

    /**
     * Whether the record bars a procedure of this law and regime: a Tendering-Law debarment bars what the
     * Tendering Law governs, a government-procurement black-listing bars government procurement.
     */
    public boolean appliesTo(io.huitong.tender.Regime law, io.huitong.tender.Regime regime) {
        return switch (scope) {
            case ALL -> true;
            case TENDERING_LAW -> law == io.huitong.tender.Regime.TENDERING_LAW;
            case GOVERNMENT_PROCUREMENT -> regime == io.huitong.tender.Regime.GOVERNMENT_PROCUREMENT;
        };
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** In force on the day: not revoked, started, not yet ended (both ends inclusive). */
    public boolean activeOn(LocalDate day) {
        return !isRevoked() && !day.isBefore(startDate) && (endDate == null || !day.isAfter(endDate));
    }
}

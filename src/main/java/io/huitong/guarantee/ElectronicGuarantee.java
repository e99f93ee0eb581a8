package io.huitong.guarantee;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An e-guarantee as the centre keeps it (the file itself stays in the store). */
public record ElectronicGuarantee(String guaranteeNo, String orderNo, String provider, String tenderId, int round,
        String bidderId, String bidderName, String orderedBy, BigDecimal amount, Instant issuedAt,
        LocalDate startDate, LocalDate endDate, String md5, String sha256, Status status, Instant settledAt,
        String settledReason, String settledCitation) {

    public enum Status {
        ISSUED, SURRENDERED, CLAIMED
    }
}

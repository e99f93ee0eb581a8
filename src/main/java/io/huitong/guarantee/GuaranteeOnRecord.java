package io.huitong.guarantee;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The e-guarantee a bid names, as the submission rules check it (docs/rules.md C17; TBR 26; O87 63): whether the
 * platform holds it, whether it was issued for this bidder on this tender's round, its amount against the bond the
 * tender asks, its end date against the bid validity, whether its file still matches the hashes the provider signed,
 * and whether it was already surrendered or claimed.
 */
public record GuaranteeOnRecord(String guaranteeNo, boolean found, boolean forThisBid, BigDecimal amount,
        BigDecimal required, LocalDate endDate, LocalDate requiredEnd, boolean fileIntact, String status) {

    public boolean isBelowRequired() {
        return found && amount != null && required != null && amount.compareTo(required) < 0;
    }

    public boolean isExpiring() {
        return found && endDate != null && requiredEnd != null && endDate.isBefore(requiredEnd);
    }

    public boolean isSettled() {
        return found && !"ISSUED".equals(status);
    }
}

package io.huitong.tender;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** One page of tenders, newest registration first, with the total that matched the filter. */
public record TenderList(List<Summary> items, int page, int size, long total) {

    /** What a list shows of a tender; {@code GET /api/tenders/{id}} has the rest. */
    public record Summary(String id, String title, TenderStatus status, String statusLabel, Regime regime,
            Category category, ProcurementMethod procurementMethod, BigDecimal estimatedAmount, String regionCode,
            LocalDate documentIssueDate, OffsetDateTime bidDeadline, int round, Instant registeredAt,
            String registeredBy) {
    }

    /**
     * What to list: any of these statuses (none: all), a region code or its prefix ({@code 4115} for Xinyang's
     * counties), a regime, words of the title, only the caller's own registrations.
     */
    public record Filter(List<TenderStatus> statuses, String region, Regime regime, String text, boolean mine) {
    }
}

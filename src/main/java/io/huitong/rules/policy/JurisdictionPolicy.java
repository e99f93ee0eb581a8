package io.huitong.rules.policy;

import java.time.LocalDate;

/**
 * A local policy that applies to a region and a regime from a date (docs/rules.md §L): e.g. Xinyang (信阳,
 * region codes 4115xx) waives document fees and bid bonds in government procurement.
 */
public record JurisdictionPolicy(String id, String name, String regionPrefix, String regime,
        boolean waiveDocumentFee, boolean waiveBidBond, LocalDate effectiveFrom, LocalDate effectiveTo,
        boolean enabled, String citation, String tag) {

    /** The last day in force: {@code effectiveTo}, or never-ending. */
    public LocalDate getEffectiveUntil() {
        return effectiveTo == null ? LocalDate.MAX : effectiveTo;
    }
}

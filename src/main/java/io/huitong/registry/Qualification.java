package io.huitong.registry;

import java.time.LocalDate;

/**
 * A qualification (资质) of an entity: its kind (施工总承包 建筑工程, ...), grade (特级, 一级, ...), issuer, certificate
 * number, and validity, both dates inclusive.
 */
public record Qualification(String id, String creditCode, String kind, String grade, String issuer, String number,
        LocalDate validFrom, LocalDate validTo, Source source, String checkId) {

    /** Whether it is valid on that day (both ends inclusive). */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }
}

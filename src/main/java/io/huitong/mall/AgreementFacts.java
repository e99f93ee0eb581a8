package io.huitong.mall;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A framework agreement as the rules see it: its term and the amount above which an order goes to competition. */
public record AgreementFacts(String agreementId, String number, AgreementKind kind, LocalDate validFrom,
        LocalDate validTo, SecondStage secondStage, BigDecimal secondaryCompetitionAbove) {

    /** In force on the day, both ends inclusive. */
    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }
}

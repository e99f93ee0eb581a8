package io.huitong.remote;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a main centre and a partner agreed (协作协议, J4): the partner's place in the order the main centre asks,
 * and the compensation (副场补偿, J16: no national figure; set by the agreement) per session and per expert.
 */
public record Agreement(String id, String mainCentre, String partnerCentre, int priority, BigDecimal feePerSession,
        BigDecimal feePerExpert, LocalDate validFrom, LocalDate validTo, String terms) {

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /** The compensation for one session with this many of the partner's experts. */
    public BigDecimal compensation(int experts) {
        return feePerSession.add(feePerExpert.multiply(BigDecimal.valueOf(experts)));
    }
}

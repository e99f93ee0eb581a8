package io.huitong.tender.registration;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.huitong.shared.time.PeriodUnit;
import io.huitong.tender.BondForm;
import io.huitong.tender.Regime;
import io.huitong.tender.registration.Conclusions.SmeReservationMode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the rules decided for a registration (the {@code decisions} object of the REST contract).
 *
 * @param mustTender whether the procurement must be tendered (must be openly tendered, under government
 *     procurement of goods and services)
 * @param procurementMethodAllowed whether the requested method may be used
 * @param approvalRoute the candidate group of each approval step, in order
 * @param documentFee the most the tender documents may cost
 * @param notes what the clerk should know about how the dates were computed
 */
public record RegistrationDecision(
        Regime applicableLaw,
        boolean mustTender,
        boolean openTenderRequired,
        boolean procurementMethodAllowed,
        List<String> approvalRoute,
        BigDecimal documentFee,
        BidBond bidBond,
        boolean smeReserved,
        SmeReservation smeReservation,
        List<Period> periods,
        List<String> citations,
        List<String> notes) {

    /** The bid bond: required only when the purchaser asks; its cap; the forms bidders may choose. */
    public record BidBond(boolean required, BigDecimal maxAmount, List<BondForm> allowedForms) {
    }

    /** SME reservation: the whole procurement (EXCLUSIVE) or a share of the budget (PARTIAL). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SmeReservation(SmeReservationMode mode, BigDecimal minShare, BigDecimal smallMicroMinShare,
            String citation) {
    }

    /**
     * A legal period: the earliest day (forward from document issue) or the latest day (back from the bid
     * deadline), with its length, unit and citation.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Period(String name, String label, LocalDate earliest, LocalDate latest, int length,
            PeriodUnit unit, String citation, String rule, boolean enforced) {
    }
}

package io.huitong.bidding;

import io.huitong.tender.BondForm;
import io.huitong.tender.Regime;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A bid at submission, as rules see it: who bids (the bidder and its consortium members), the bond, when, and
 * the tender it is for (the law that governs it, its status, its deadline, its agency). Its price is sealed in the
 * bid file: no rule sees it before the opening.
 */
public record BidFacts(
        Regime law,
        Regime regime,
        boolean mustTender,
        String tenderStatus,
        String bidderId,
        List<String> parties,
        Bond bond,
        Instant submittedAt,
        Instant deadline,
        LocalDate bidDate,
        String agencyId,
        SmeSize smeSize,
        boolean smeReserved) {

    /** At or after the deadline: transmission not finished by the deadline is not a bid (EB20 26). */
    public boolean isAfterDeadline() {
        return !submittedAt.isBefore(deadline);
    }

    /** The announcement has not been published yet. */
    public boolean isNotYetOpen() {
        return "APPROVED".equals(tenderStatus);
    }

    /** Bidding has been closed by the lifecycle, or the tender has moved on. */
    public boolean isClosed() {
        return !"BIDDING".equals(tenderStatus) && !"SUSPENDED".equals(tenderStatus) && !isNotYetOpen();
    }

    public boolean isSuspended() {
        return "SUSPENDED".equals(tenderStatus);
    }

    public boolean hasBond() {
        return bond != null;
    }

    public BondForm getBondForm() {
        return bond == null ? null : bond.form();
    }

    public BigDecimal getBondAmount() {
        return bond == null ? null : bond.amount();
    }

    public boolean isPaidInCashOrCheque() {
        return bond != null && (bond.form() == BondForm.CASH || bond.form() == BondForm.CHEQUE);
    }

    public boolean isGuarantee() {
        return bond != null && bond.form().isGuarantee();
    }

    public boolean isPayerAccountMissing() {
        return bond == null || bond.payerAccount() == null || bond.payerAccount().isBlank();
    }

    public boolean isGuaranteeNoMissing() {
        return bond == null || bond.guaranteeNo() == null || bond.guaranteeNo().isBlank();
    }

    /** The first day of the three-year look-back of GPL 22(五). */
    public LocalDate getLookBackStart() {
        return bidDate.minusYears(3);
    }

    /** The request field that names the party: the bidder itself or one of its consortium members. */
    public String fieldOf(String partyId) {
        return partyId.equals(bidderId) ? "bidderId" : "consortiumMembers";
    }
}

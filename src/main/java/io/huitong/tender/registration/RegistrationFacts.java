package io.huitong.tender.registration;

import io.huitong.tender.BondForm;
import io.huitong.tender.Category;
import io.huitong.tender.InvitationGround;
import io.huitong.tender.ProcurementMethod;
import io.huitong.tender.Regime;
import io.huitong.tender.ServiceKind;
import io.huitong.tender.TieBreak;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Set;

/**
 * What is known of a project at registration, as rules see it. Amounts are yuan, exact; dates are dates in
 * China ({@code bidDeadlineDate} is the deadline's calendar day in Asia/Shanghai).
 */
public record RegistrationFacts(
        Regime regime,
        Category category,
        ServiceKind serviceKind,
        BigDecimal estimatedAmount,
        BigDecimal budgetFunds,
        BigDecimal totalInvestment,
        boolean stateControlled,
        boolean foreignLoanOrAid,
        String regionCode,
        ProcurementMethod procurementMethod,
        InvitationGround invitationGround,
        ProcurementMethod approvedProcurementMethod,
        boolean afterFailedTender,
        boolean electronicDocuments,
        boolean suitableForSme,
        BigDecimal documentFee,
        BigDecimal bidBondAmount,
        Set<BondForm> bidBondForms,
        LocalDate documentIssueDate,
        LocalDate bidDeadlineDate,
        LocalDate registrationDate,
        TieBreak tieBreak) {

    private static final BigDecimal HUNDRED = new BigDecimal(100);

    /**
     * Facts with the defaults the law implies: under government procurement the budget is fiscal money
     * (GPL 2), so budget funds default to the budget and total investment to the budget funds.
     */
    public static RegistrationFacts normalised(Regime regime, Category category, ServiceKind serviceKind,
            BigDecimal estimatedAmount, BigDecimal budgetFunds, BigDecimal totalInvestment, boolean stateControlled,
            boolean foreignLoanOrAid, String regionCode, ProcurementMethod procurementMethod,
            InvitationGround invitationGround, ProcurementMethod approvedProcurementMethod, boolean afterFailedTender,
            boolean electronicDocuments, boolean suitableForSme, BigDecimal documentFee, BigDecimal bidBondAmount,
            Set<BondForm> bidBondForms, LocalDate documentIssueDate, LocalDate bidDeadlineDate,
            LocalDate registrationDate) {
        return normalised(regime, category, serviceKind, estimatedAmount, budgetFunds, totalInvestment,
                stateControlled, foreignLoanOrAid, regionCode, procurementMethod, invitationGround,
                approvedProcurementMethod, afterFailedTender, electronicDocuments, suitableForSme, documentFee,
                bidBondAmount, bidBondForms, documentIssueDate, bidDeadlineDate, registrationDate, null);
    }

    /** The same, with the tender documents' method for candidates ranked equal ({@code null}: none stated). */
    public static RegistrationFacts normalised(Regime regime, Category category, ServiceKind serviceKind,
            BigDecimal estimatedAmount, BigDecimal budgetFunds, BigDecimal totalInvestment, boolean stateControlled,
            boolean foreignLoanOrAid, String regionCode, ProcurementMethod procurementMethod,
            InvitationGround invitationGround, ProcurementMethod approvedProcurementMethod, boolean afterFailedTender,
            boolean electronicDocuments, boolean suitableForSme, BigDecimal documentFee, BigDecimal bidBondAmount,
            Set<BondForm> bidBondForms, LocalDate documentIssueDate, LocalDate bidDeadlineDate,
            LocalDate registrationDate, TieBreak tieBreak) {
        BigDecimal funds = budgetFunds;
        BigDecimal investment = totalInvestment;
        if (regime == Regime.GOVERNMENT_PROCUREMENT) {
            funds = funds == null ? estimatedAmount : funds;
            investment = investment == null ? funds : investment;
        }
        return new RegistrationFacts(regime, category, serviceKind, estimatedAmount, funds, investment,
                stateControlled, foreignLoanOrAid, regionCode, procurementMethod, invitationGround,
                approvedProcurementMethod, afterFailedTender, electronicDocuments, suitableForSme, documentFee,
                bidBondAmount, bidBondForms == null ? Set.of() : Set.copyOf(bidBondForms), documentIssueDate,
                bidDeadlineDate, registrationDate, tieBreak);
    }

    /** OPEN or INVITATION: tendering in the sense of TBL 10. */
    public boolean isTendered() {
        return procurementMethod.isTendering();
    }

    /** The purchaser asks for a bid bond (TBR 26, GPR 33: a bond is required only if the documents ask). */
    public boolean isBondRequested() {
        return bidBondAmount != null && bidBondAmount.signum() > 0;
    }

    public boolean isDocumentFeeRequested() {
        return documentFee != null && documentFee.signum() > 0;
    }

    public String getRegimeName() {
        return regime.name();
    }

    /** Budget funds are at least {@code share} (0.10 = 10%) of total investment, inclusive (CC 1259). */
    public boolean budgetFundsShareAtLeast(BigDecimal share) {
        return budgetFunds != null && totalInvestment != null && totalInvestment.signum() > 0
                && budgetFunds.compareTo(totalInvestment.multiply(share)) >= 0;
    }

    /** Budget funds are more than {@code share} (0.50 = half) of total investment. */
    public boolean budgetFundsShareAbove(BigDecimal share) {
        return budgetFunds != null && totalInvestment != null && totalInvestment.signum() > 0
                && budgetFunds.compareTo(totalInvestment.multiply(share)) > 0;
    }

    /** {@code percent}% of the estimate (the budget under government procurement), rounded down to the fen. */
    public BigDecimal percentOfEstimate(BigDecimal percent) {
        return estimatedAmount.multiply(percent).divide(HUNDRED, 2, RoundingMode.DOWN);
    }

    /** {@code percent}% of the estimate, rounded down to the fen: {@code percentOfEstimate(2)} for 2%. */
    public BigDecimal percentOfEstimate(int percent) {
        return percentOfEstimate(BigDecimal.valueOf(percent));
    }

    /** The project is in the region (or under it): its region code starts with the region's prefix (4115...). */
    public boolean inRegion(String regionPrefix) {
        return regionCode != null && regionPrefix != null && regionCode.startsWith(regionPrefix);
    }

    /** The purchaser named bond forms and at least one of them is a letter of guarantee (保函). */
    public boolean isGuaranteeOffered() {
        return bidBondForms.stream().anyMatch(BondForm::isGuarantee);
    }
}

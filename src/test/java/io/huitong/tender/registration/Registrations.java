package io.huitong.tender.registration;

import io.huitong.tender.BondForm;
import io.huitong.tender.Category;
import io.huitong.tender.InvitationGround;
import io.huitong.tender.ProcurementMethod;
import io.huitong.tender.Regime;
import io.huitong.tender.ServiceKind;
import io.huitong.tender.TieBreak;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * Registration facts for rule tests: a state-controlled Tendering-Law works project of 5,000,000 in
 * Zhengzhou (410100), open tender, documents issued 2026-12-01 and bids due 2026-12-21 (20 days), no fee, no
 * bond, equal totals decided by the lower evaluated price. Each test changes what it is about.
 */
final class Registrations {

    Regime regime = Regime.TENDERING_LAW;
    Category category = Category.WORKS;
    ServiceKind serviceKind;
    BigDecimal estimatedAmount = new BigDecimal("5000000.00");
    BigDecimal budgetFunds = new BigDecimal("5000000.00");
    BigDecimal totalInvestment = new BigDecimal("10000000.00");
    boolean stateControlled = true;
    boolean foreignLoanOrAid;
    String regionCode = "410100";
    ProcurementMethod method = ProcurementMethod.OPEN;
    InvitationGround invitationGround;
    ProcurementMethod approvedMethod;
    boolean afterFailedTender;
    boolean electronicDocuments = true;
    boolean suitableForSme = true;
    BigDecimal documentFee;
    BigDecimal bidBond;
    Set<BondForm> bondForms = EnumSet.noneOf(BondForm.class);
    LocalDate issued = LocalDate.of(2026, 12, 1);
    LocalDate deadline = LocalDate.of(2026, 12, 21);
    LocalDate registered = LocalDate.of(2026, 11, 27);
    TieBreak tieBreak = TieBreak.LOWER_EVALUATED_PRICE;

    static Registrations worksUnderTenderingLaw() {
        return new Registrations();
    }

    /** Government procurement of goods, budget 1,500,000, in Zhengzhou. */
    static Registrations goodsUnderGovernmentProcurement() {
        Registrations r = new Registrations();
        r.regime = Regime.GOVERNMENT_PROCUREMENT;
        r.category = Category.GOODS;
        r.estimatedAmount = new BigDecimal("1500000.00");
        r.budgetFunds = null;
        r.totalInvestment = null;
        r.stateControlled = false;
        return r;
    }

    Registrations regime(Regime regime) {
        this.regime = regime;
        return this;
    }

    Registrations category(Category category) {
        this.category = category;
        return this;
    }

    Registrations serviceKind(ServiceKind serviceKind) {
        this.serviceKind = serviceKind;
        return this;
    }

    Registrations estimate(String amount) {
        this.estimatedAmount = new BigDecimal(amount);
        return this;
    }

    Registrations funds(String budgetFunds, String totalInvestment) {
        this.budgetFunds = budgetFunds == null ? null : new BigDecimal(budgetFunds);
        this.totalInvestment = totalInvestment == null ? null : new BigDecimal(totalInvestment);
        return this;
    }

    Registrations stateControlled(boolean stateControlled) {
        this.stateControlled = stateControlled;
        return this;
    }

    Registrations foreignLoanOrAid(boolean foreignLoanOrAid) {
        this.foreignLoanOrAid = foreignLoanOrAid;
        return this;
    }

    Registrations region(String regionCode) {
        this.regionCode = regionCode;
        return this;
    }

    Registrations method(ProcurementMethod method) {
        this.method = method;
        return this;
    }

    Registrations invitationGround(InvitationGround ground) {
        this.invitationGround = ground;
        return this;
    }

    Registrations approvedMethod(ProcurementMethod approvedMethod) {
        this.approvedMethod = approvedMethod;
        return this;
    }

    Registrations afterFailedTender() {
        this.afterFailedTender = true;
        return this;
    }

    Registrations paperDocuments() {
        this.electronicDocuments = false;
        return this;
    }

    Registrations notSuitableForSme() {
        this.suitableForSme = false;
        return this;
    }

    Registrations documentFee(String fee) {
        this.documentFee = new BigDecimal(fee);
        return this;
    }

    Registrations bidBond(String amount, BondForm... forms) {
        this.bidBond = new BigDecimal(amount);
        this.bondForms = forms.length == 0 ? EnumSet.noneOf(BondForm.class) : EnumSet.of(forms[0], forms);
        return this;
    }

    Registrations issued(LocalDate issued) {
        this.issued = issued;
        return this;
    }

    Registrations deadline(LocalDate deadline) {
        this.deadline = deadline;
        return this;
    }

    Registrations registered(LocalDate registered) {
        this.registered = registered;
        return this;
    }

    Registrations tieBreak(TieBreak tieBreak) {
        this.tieBreak = tieBreak;
        return this;
    }

    RegistrationFacts facts() {
        return RegistrationFacts.normalised(regime, category, serviceKind, estimatedAmount, budgetFunds,
                totalInvestment, stateControlled, foreignLoanOrAid, regionCode, method, invitationGround,
                approvedMethod, afterFailedTender, electronicDocuments, suitableForSme, documentFee, bidBond,
                bondForms, issued, deadline, registered, tieBreak);
    }
}

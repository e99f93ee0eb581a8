package io.huitong.tender.registration;

import static io.huitong.tender.registration.Registrations.goodsUnderGovernmentProcurement;
import static io.huitong.tender.registration.Registrations.worksUnderTenderingLaw;
import static org.assertj.core.api.Assertions.assertThat;

import io.huitong.rules.FiredRule;
import io.huitong.shared.time.PeriodUnit;
import io.huitong.shared.web.Violation;
import io.huitong.support.RuleSets;
import io.huitong.tender.BondForm;
import io.huitong.tender.Category;
import io.huitong.tender.InvitationGround;
import io.huitong.tender.ProcurementMethod;
import io.huitong.tender.Regime;
import io.huitong.tender.ServiceKind;
import io.huitong.tender.registration.Conclusions.SmeReservationMode;
import io.huitong.tender.registration.RegistrationDecision.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The registration rules of {@code rules/registration/}, facts in, decisions out, at the boundaries docs/rules.md
 * sets ("以上" includes the figure: 4,000,000.00 is in, 3,999,999.99 is out; 19 days is not 20). The last check
 * makes sure every rule of the rule set fired in at least one of these tests.
 */
class RegistrationRulesTest {

    private static final Set<String> FIRED = new HashSet<>();

    static RegistrationEvaluation decide(Registrations registration) {
        RegistrationEvaluation evaluation = new RegistrationRules().evaluate(registration.facts(), RuleSets.current());
        evaluation.firedRules().stream().map(FiredRule::rule).forEach(FIRED::add);
        return evaluation;
    }

    static List<String> refusedBy(RegistrationEvaluation e) {
        return e.violations().stream().map(Violation::rule).toList();
    }

    static Violation refusal(RegistrationEvaluation e, String field) {
        return e.violations().stream().filter(v -> field.equals(v.field())).findFirst()
                .orElseThrow(() -> new AssertionError("no refusal of " + field + " in " + e.violations()));
    }

    static Period period(RegistrationEvaluation e, String name) {
        return e.decisions().periods().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no period " + name + " in " + e.decisions().periods()));
    }

    static BigDecimal yuan(String amount) {
        return new BigDecimal(amount);
    }

    @AfterAll
    static void everyRuleIsExercised() {
        assertThat(io.huitong.support.RuleCoverage.unfired(FIRED, "io.huitong.rules.registration"))
                .as("registration rules that no test made fire").isEmpty();
    }

    @Nested
    class Must_tender_under_the_Tendering_Law {

        @Test
        void works_of_exactly_4_000_000_must_be_tendered() {
            var e = decide(worksUnderTenderingLaw().estimate("4000000.00"));
            assertThat(e.decisions().mustTender()).isTrue();
            assertThat(e.decisions().citations()).contains("MT16 5(1)");
        }

        @Test
        void works_of_3_999_999_99_need_not_be() {
            assertThat(decide(worksUnderTenderingLaw().estimate("3999999.99")).decisions().mustTender()).isFalse();
        }

        @Test
        void important_goods_from_2_000_000() {
            var goods = worksUnderTenderingLaw().category(Category.GOODS);
            assertThat(decide(goods.estimate("2000000.00")).decisions().mustTender()).isTrue();
            assertThat(decide(goods.estimate("1999999.99")).decisions().mustTender()).isFalse();
        }

        @Test
        void survey_design_and_supervision_from_1_000_000() {
            var services = worksUnderTenderingLaw().category(Category.SERVICES)
                    .serviceKind(ServiceKind.SURVEY_DESIGN_SUPERVISION);
            assertThat(decide(services.estimate("1000000.00")).decisions().mustTender()).isTrue();
            assertThat(decide(services.estimate("999999.99")).decisions().mustTender()).isFalse();
        }

        @Test
        void other_services_are_not_in_MT16_article_5() {
            var other = worksUnderTenderingLaw().category(Category.SERVICES).serviceKind(ServiceKind.OTHER)
                    .estimate("50000000.00");
            assertThat(decide(other).decisions().mustTender()).isFalse();
        }

        @Test
        void budget_funds_of_exactly_2_000_000_and_exactly_10_percent_bring_a_project_in_scope() {
            var e = decide(worksUnderTenderingLaw().stateControlled(false).estimate("4000000.00")
                    .funds("2000000.00", "20000000.00"));
            assertThat(e.decisions().mustTender()).isTrue();
            assertThat(e.decisions().citations()).contains("MT16 2(1)").doesNotContain("MT16 2(2)");
        }

        @Test
        void budget_funds_of_1_999_999_99_do_not() {
            var e = decide(worksUnderTenderingLaw().stateControlled(false).estimate("4000000.00")
                    .funds("1999999.99", "19999999.90"));
            assertThat(e.decisions().mustTender()).isFalse();
        }

        @Test
        void budget_funds_just_under_10_percent_do_not() {
            var e = decide(worksUnderTenderingLaw().stateControlled(false).estimate("4000000.00")
                    .funds("2000000.00", "20000000.01"));
            assertThat(e.decisions().mustTender()).isFalse();
        }

        @Test
        void state_control_alone_brings_a_project_in_scope() {
            var e = decide(worksUnderTenderingLaw().funds("0", "10000000.00").estimate("4000000.00"));
            assertThat(e.decisions().mustTender()).isTrue();
            assertThat(e.decisions().citations()).contains("MT16 2(2)");
        }

        @Test
        void international_loans_or_aid_bring_a_project_in_scope() {
            var e = decide(worksUnderTenderingLaw().stateControlled(false).funds("0", "10000000.00")
                    .foreignLoanOrAid(true).estimate("4000000.00"));
            assertThat(e.decisions().mustTender()).isTrue();
            assertThat(e.decisions().citations()).contains("MT16 3");
        }

        @Test
        void private_money_is_not_in_scope_whatever_the_amount() {
            var e = decide(worksUnderTenderingLaw().stateControlled(false).funds("0", "100000000.00")
                    .estimate("90000000.00"));
            assertThat(e.decisions().mustTender()).isFalse();
        }
    }

    @Nested
    class Government_procurement {

        @Test
        void goods_at_the_open_tender_threshold_are_tendered_openly() {
            var e = decide(goodsUnderGovernmentProcurement().estimate("2000000.00"));
            assertThat(e.decisions().mustTender()).isTrue();
            assertThat(e.decisions().openTenderRequired()).isTrue();
            assertThat(e.decisions().applicableLaw()).isEqualTo(Regime.GOVERNMENT_PROCUREMENT);
        }

        @Test
        void goods_just_under_it_are_not() {
            var e = decide(goodsUnderGovernmentProcurement().estimate("1999999.99"));
            assertThat(e.decisions().mustTender()).isFalse();
            assertThat(e.decisions().openTenderRequired()).isFalse();
        }

        @Test
        void tendered_works_follow_the_Tendering_Law() {
            var e = decide(goodsUnderGovernmentProcurement().category(Category.WORKS).estimate("4000000.00"));
            assertThat(e.decisions().applicableLaw()).isEqualTo(Regime.TENDERING_LAW);
            assertThat(e.decisions().mustTender()).isTrue();
            assertThat(e.decisions().citations()).contains("GPR 7", "MT16 5(1)");
        }

        @Test
        void works_that_must_be_tendered_cannot_be_negotiated() {
            var e = decide(goodsUnderGovernmentProcurement().category(Category.WORKS).estimate("4000000.00")
                    .method(ProcurementMethod.COMPETITIVE_NEGOTIATION));
            assertThat(refusedBy(e)).contains("GPR-25 must-tender government-procurement works are tendered");
            assertThat(e.decisions().procurementMethodAllowed()).isFalse();
        }

        @Test
        void smaller_works_may_be_negotiated_under_the_Government_Procurement_Law() {
            var e = decide(goodsUnderGovernmentProcurement().category(Category.WORKS).estimate("3999999.99")
                    .method(ProcurementMethod.COMPETITIVE_NEGOTIATION));
            assertThat(e.accepted()).as(e.violations().toString()).isTrue();
            assertThat(e.decisions().applicableLaw()).isEqualTo(Regime.GOVERNMENT_PROCUREMENT);
        }

        @Test
        void untendered_works_are_never_bought_by_price_inquiry() {
            var e = decide(goodsUnderGovernmentProcurement().category(Category.WORKS).estimate("1500000.00")
                    .method(ProcurementMethod.PRICE_INQUIRY));
            assertThat(refusal(e, "procurementMethod").rule())
                    .isEqualTo("GPR-25 untendered works use competitive negotiation or single source");
        }

        @Test
        void invited_works_need_a_ground_and_the_project_approval_authority_of_the_Tendering_Law() {
            var works = goodsUnderGovernmentProcurement().category(Category.WORKS).estimate("5000000.00")
                    .method(ProcurementMethod.INVITATION);
            assertThat(refusal(decide(works), "invitationGround").citation()).isEqualTo("TBR 8");
            var e = decide(works.invitationGround(InvitationGround.TECHNICAL_COMPLEXITY_OR_FEW_SUPPLIERS));
            assertThat(e.accepted()).as(e.violations().toString()).isTrue();
            assertThat(e.decisions().approvalRoute()).contains("project-approval-authority")
                    .doesNotContain("finance-department");
        }
    }

    @Nested
    class Procurement_method {

        @Test
        void state_funded_must_tender_projects_invite_only_with_a_ground_of_TBR_8() {
            var e = decide(worksUnderTenderingLaw().method(ProcurementMethod.INVITATION));
            Violation v = refusal(e, "invitationGround");
            assertThat(v.citation()).isEqualTo("TBR 8");
            assertThat(v.message()).contains("公开招标").contains("openly");
            assertThat(e.decisions().procurementMethodAllowed()).isFalse();
        }

        @Test
        void invitation_with_a_ground_goes_to_the_project_approval_authority() {
            var e = decide(worksUnderTenderingLaw().method(ProcurementMethod.INVITATION)
                    .invitationGround(InvitationGround.DISPROPORTIONATE_COST));
            assertThat(e.accepted()).isTrue();
            assertThat(e.decisions().procurementMethodAllowed()).isTrue();
            assertThat(e.decisions().approvalRoute())
                    .containsExactly("registration-clerk", "project-approval-authority", "centre-director");
        }

        @Test
        void must_tender_projects_cannot_use_single_source() {
            var e = decide(worksUnderTenderingLaw().method(ProcurementMethod.SINGLE_SOURCE));
            assertThat(refusal(e, "procurementMethod").citation()).isEqualTo("TBL 3, 4, 10");
        }

        @Test
        void budget_funds_over_half_of_the_investment_are_state_control() {
            var e = decide(worksUnderTenderingLaw().stateControlled(false).funds("5000000.01", "10000000.00")
                    .method(ProcurementMethod.INVITATION));
            assertThat(refusal(e, "invitationGround").citation()).isEqualTo("TBR 8");
            assertThat(e.firedRules()).extracting(FiredRule::rule)
                    .contains("Budget funds over half of the investment are state-owned funds in control");
            var half = decide(worksUnderTenderingLaw().stateControlled(false).funds("5000000.00", "10000000.00")
                    .method(ProcurementMethod.INVITATION));
            assertThat(half.accepted()).as("exactly half is not over half").isTrue();
        }

        @Test
        void private_must_tender_projects_may_invite_freely() {
            var e = decide(worksUnderTenderingLaw().stateControlled(false).funds("2000000.00", "10000000.00")
                    .method(ProcurementMethod.INVITATION));
            assertThat(e.decisions().mustTender()).isTrue();
            assertThat(e.accepted()).isTrue();
            assertThat(e.decisions().approvalRoute()).doesNotContain("project-approval-authority");
        }

        @Test
        void projects_that_need_not_be_tendered_may_use_other_methods() {
            var e = decide(worksUnderTenderingLaw().estimate("3000000.00").method(ProcurementMethod.SINGLE_SOURCE)
                    .deadline(LocalDate.of(2026, 12, 2)));
            assertThat(e.accepted()).as(e.violations().toString()).isTrue();
            assertThat(e.decisions().periods()).isEmpty();
        }

        @Test
        void a_method_other_than_the_approved_one_needs_re_approval() {
            var e = decide(worksUnderTenderingLaw().stateControlled(false).funds("2000000.00", "10000000.00")
                    .approvedMethod(ProcurementMethod.OPEN).method(ProcurementMethod.INVITATION));
            assertThat(e.decisions().approvalRoute()).contains("project-approval-authority");
            assertThat(e.decisions().citations()).contains("TBR 7; G1117 (二)");
            var same = decide(worksUnderTenderingLaw().approvedMethod(ProcurementMethod.OPEN));
            assertThat(same.decisions().approvalRoute()).doesNotContain("project-approval-authority");
        }

        @Test
        void government_procurement_above_the_threshold_needs_finance_for_a_non_open_method() {
            var e = decide(goodsUnderGovernmentProcurement().estimate("5000000.00")
                    .method(ProcurementMethod.COMPETITIVE_NEGOTIATION));
            assertThat(e.accepted()).as(e.violations().toString()).isTrue();
            assertThat(e.decisions().approvalRoute())
                    .containsExactly("registration-clerk", "finance-department", "centre-director");
            var below = decide(goodsUnderGovernmentProcurement().estimate("1999999.99")
                    .method(ProcurementMethod.COMPETITIVE_NEGOTIATION));
            assertThat(below.decisions().approvalRoute()).containsExactly("registration-clerk");
        }

        @Test
        void single_source_above_the_threshold_is_publicised_for_5_working_days() {
            var e = decide(goodsUnderGovernmentProcurement().estimate("2000000.00")
                    .method(ProcurementMethod.SINGLE_SOURCE));
            assertThat(e.decisions().approvalRoute()).contains("finance-department");
            Period publicity = period(e, "singleSourcePublicity");
            assertThat(publicity.unit()).isEqualTo(PeriodUnit.WORKING_DAYS);
            assertThat(publicity.earliest()).isEqualTo(LocalDate.of(2026, 12, 8));
            assertThat(publicity.enforced()).isFalse();
        }

        @Test
        void another_method_after_a_failed_procurement_needs_finance() {
            var e = decide(goodsUnderGovernmentProcurement().afterFailedTender()
                    .method(ProcurementMethod.COMPETITIVE_NEGOTIATION));
            assertThat(e.decisions().approvalRoute()).contains("finance-department");
            assertThat(e.decisions().citations()).contains("GPL 37; O87 43");
        }
    }

    @Nested
    class Approval_route {

        @Test
        void every_project_goes_to_the_registration_clerk() {
            assertThat(decide(worksUnderTenderingLaw().estimate("3999999.99")).decisions().approvalRoute())
                    .containsExactly("registration-clerk");
        }

        @Test
        void from_4_000_000_also_to_the_centre_director() {
            assertThat(decide(worksUnderTenderingLaw().estimate("4000000.00")).decisions().approvalRoute())
                    .containsExactly("registration-clerk", "centre-director");
            assertThat(decide(worksUnderTenderingLaw().estimate("49999999.99")).decisions().approvalRoute())
                    .containsExactly("registration-clerk", "centre-director");
        }

        @Test
        void from_50_000_000_also_to_the_supervisor() {
            var e = decide(worksUnderTenderingLaw().estimate("50000000.00").funds("50000000.00", "90000000.00"));
            assertThat(e.decisions().approvalRoute())
                    .containsExactly("registration-clerk", "centre-director", "supervisor");
        }
    }

    @Nested
    class Document_fees {

        @Test
        void electronic_government_procurement_documents_are_free() {
            var e = decide(goodsUnderGovernmentProcurement().documentFee("0.01"));
            Violation v = refusal(e, "documentFee");
            assertThat(v.citation()).isEqualTo("CK38 §3; O87 24");
            assertThat(v.limit()).isEqualTo(BigDecimal.ZERO);
            assertThat(decide(goodsUnderGovernmentProcurement().documentFee("0")).accepted()).isTrue();
        }

        @Test
        void paper_government_procurement_documents_at_cost_up_to_the_parameter() {
            var paper = goodsUnderGovernmentProcurement().paperDocuments();
            assertThat(decide(paper.documentFee("500.00")).decisions().documentFee()).isEqualByComparingTo("500");
            assertThat(decide(paper.documentFee("500.00")).accepted()).isTrue();
            assertThat(refusal(decide(paper.documentFee("500.01")), "documentFee").rule())
                    .isEqualTo("O87-24 paper government-procurement documents at printing and postage cost");
        }

        @Test
        void electronic_documents_under_the_Tendering_Law_are_free_by_default() {
            assertThat(decide(worksUnderTenderingLaw().documentFee("0")).accepted()).isTrue();
            assertThat(refusal(decide(worksUnderTenderingLaw().documentFee("0.01")), "documentFee").rule())
                    .isEqualTo("TBR-16 electronic documents under the Tendering Law");
        }

        @Test
        void paper_documents_under_the_Tendering_Law_at_cost() {
            var paper = worksUnderTenderingLaw().paperDocuments();
            assertThat(decide(paper.documentFee("500.00")).accepted()).isTrue();
            assertThat(refusal(decide(paper.documentFee("500.01")), "documentFee").citation()).isEqualTo("TBR 16");
        }
    }

    @Nested
    class Bid_bonds {

        @Test
        void no_bond_is_required_unless_the_purchaser_asks() {
            var bond = decide(worksUnderTenderingLaw()).decisions().bidBond();
            assertThat(bond.required()).isFalse();
            assertThat(bond.maxAmount()).isNull();
            assertThat(bond.allowedForms()).isEmpty();
        }

        @Test
        void a_bond_of_exactly_2_percent_of_the_estimate_is_allowed() {
            var e = decide(worksUnderTenderingLaw().estimate("5000000.00").bidBond("100000.00"));
            assertThat(e.accepted()).isTrue();
            assertThat(e.decisions().bidBond().required()).isTrue();
            assertThat(e.decisions().bidBond().maxAmount()).isEqualByComparingTo("100000.00");
        }

        @Test
        void a_fen_more_is_refused_citing_TBR_26() {
            Violation v = refusal(decide(worksUnderTenderingLaw().estimate("5000000.00").bidBond("100000.01")),
                    "bidBondAmount");
            assertThat(v.citation()).isEqualTo("TBR 26");
            assertThat(v.limit()).isEqualTo(yuan("100000.00"));
            assertThat(v.value()).isEqualTo(yuan("100000.01"));
        }

        @Test
        void two_percent_rounds_down_to_the_fen() {
            var e = decide(worksUnderTenderingLaw().estimate("12345678.91").bidBond("246913.57"));
            assertThat(e.decisions().bidBond().maxAmount()).isEqualByComparingTo("246913.57");
            assertThat(e.accepted()).isTrue();
            assertThat(decide(worksUnderTenderingLaw().estimate("12345678.91").bidBond("246913.58")).accepted())
                    .isFalse();
        }

        @Test
        void works_and_goods_bonds_stop_at_800_000() {
            var big = worksUnderTenderingLaw().estimate("50000000.00").funds("50000000.00", "90000000.00");
            var e = decide(big.bidBond("800000.00"));
            assertThat(e.accepted()).isTrue();
            assertThat(e.decisions().bidBond().maxAmount()).isEqualByComparingTo("800000.00");
            var over = decide(big.bidBond("800000.01"));
            assertThat(refusedBy(over)).containsExactly("O30-37 works and goods bonds at most 800,000");
            assertThat(refusal(over, "bidBondAmount").citation()).isEqualTo("O30 37; O27 34");
        }

        @Test
        void survey_design_and_supervision_bonds_stop_at_100_000() {
            var services = worksUnderTenderingLaw().category(Category.SERVICES)
                    .serviceKind(ServiceKind.SURVEY_DESIGN_SUPERVISION).estimate("6000000.00");
            assertThat(decide(services.bidBond("100000.00")).accepted()).isTrue();
            assertThat(refusedBy(decide(services.bidBond("100000.01"))))
                    .containsExactly("Survey, design and supervision bonds at most 100,000");
        }

        @Test
        void other_services_have_only_the_2_percent_cap() {
            var services = worksUnderTenderingLaw().category(Category.SERVICES).serviceKind(ServiceKind.OTHER)
                    .estimate("50000000.00");
            assertThat(decide(services.bidBond("1000000.00")).accepted()).isTrue();
            assertThat(decide(services.bidBond("1000000.01")).accepted()).isFalse();
        }

        @Test
        void government_procurement_caps_at_2_percent_of_the_budget() {
            var goods = goodsUnderGovernmentProcurement().estimate("3000000.00");
            assertThat(decide(goods.bidBond("60000.00")).accepted()).isTrue();
            assertThat(refusal(decide(goods.bidBond("60000.01")), "bidBondAmount").citation()).isEqualTo("GPR 33");
        }

        @Test
        void government_procurement_refuses_cash() {
            var e = decide(goodsUnderGovernmentProcurement().bidBond("10000.00", BondForm.CASH, BondForm.E_GUARANTEE));
            assertThat(refusal(e, "bidBondForms").rule()).isEqualTo("GPR-33 government-procurement bonds are not paid in cash");
            var open = decide(goodsUnderGovernmentProcurement().bidBond("10000.00"));
            assertThat(open.decisions().bidBond().allowedForms()).doesNotContain(BondForm.CASH)
                    .contains(BondForm.E_GUARANTEE, BondForm.BANK_GUARANTEE);
        }

        @Test
        void government_procurement_must_let_suppliers_choose_a_guarantee() {
            var e = decide(goodsUnderGovernmentProcurement().bidBond("10000.00", BondForm.CHEQUE));
            assertThat(refusal(e, "bidBondForms").citation()).isEqualTo("CK38 §3");
            var ok = decide(goodsUnderGovernmentProcurement().bidBond("10000.00", BondForm.CHEQUE,
                    BondForm.BANK_GUARANTEE));
            assertThat(ok.accepted()).isTrue();
            assertThat(ok.decisions().bidBond().allowedForms()).containsExactly(BondForm.CHEQUE, BondForm.BANK_GUARANTEE);
        }

        @Test
        void the_Tendering_Law_accepts_cash() {
            assertThat(decide(worksUnderTenderingLaw().bidBond("10000.00", BondForm.CASH)).accepted()).isTrue();
        }
    }

    @Nested
    class Xinyang_policy {

        static final String XINYANG = "信阳";

        @Test
        void refuses_a_bid_bond_in_government_procurement_citing_the_policy() {
            var e = decide(goodsUnderGovernmentProcurement().region("411500").bidBond("10000.00"));
            Violation v = refusal(e, "bidBondAmount");
            assertThat(v.rule()).isEqualTo("Jurisdiction policy waives the bid bond");
            assertThat(v.citation()).contains(XINYANG);
            assertThat(v.limit()).isEqualTo(BigDecimal.ZERO);
        }

        @Test
        void refuses_a_document_fee_citing_the_policy() {
            var e = decide(goodsUnderGovernmentProcurement().region("411521").paperDocuments().documentFee("50.00"));
            assertThat(refusal(e, "documentFee").citation()).contains(XINYANG);
            assertThat(e.decisions().documentFee()).isEqualByComparingTo("0");
        }

        @Test
        void covers_the_counties_but_not_the_neighbours() {
            assertThat(decide(goodsUnderGovernmentProcurement().region("411528").bidBond("10000.00")).accepted())
                    .isFalse();
            assertThat(decide(goodsUnderGovernmentProcurement().region("411600").bidBond("10000.00")).accepted())
                    .isTrue();
            assertThat(decide(goodsUnderGovernmentProcurement().region("410100").bidBond("10000.00")).accepted())
                    .isTrue();
        }

        @Test
        void does_not_touch_the_Tendering_Law() {
            assertThat(decide(worksUnderTenderingLaw().region("411500").bidBond("10000.00")).accepted()).isTrue();
        }

        @Test
        void applies_from_its_effective_date() {
            var before = goodsUnderGovernmentProcurement().region("411500").bidBond("10000.00")
                    .registered(LocalDate.of(2020, 11, 12)).issued(LocalDate.of(2020, 11, 12))
                    .deadline(LocalDate.of(2020, 12, 10));
            assertThat(decide(before).accepted()).isTrue();
            assertThat(decide(before.registered(LocalDate.of(2020, 11, 13))).accepted()).isFalse();
        }

        @Test
        void accepts_government_procurement_without_fee_or_bond() {
            var e = decide(goodsUnderGovernmentProcurement().region("411502"));
            assertThat(e.accepted()).isTrue();
            assertThat(e.decisions().documentFee()).isEqualByComparingTo("0");
            assertThat(e.decisions().bidBond().required()).isFalse();
        }
    }

    @Nested
    class Periods {

        @Test
        void nineteen_days_from_documents_to_bids_are_refused() {
            var e = decide(worksUnderTenderingLaw().issued(LocalDate.of(2026, 12, 1))
                    .deadline(LocalDate.of(2026, 12, 20)));
            Violation v = refusal(e, "bidDeadline");
            assertThat(v.citation()).isEqualTo("TBL 24");
            assertThat(v.limit()).isEqualTo(LocalDate.of(2026, 12, 21));
            assertThat(v.value()).isEqualTo(LocalDate.of(2026, 12, 20));
        }

        @Test
        void twenty_days_are_accepted() {
            var e = decide(worksUnderTenderingLaw().issued(LocalDate.of(2026, 12, 1))
                    .deadline(LocalDate.of(2026, 12, 21)));
            assertThat(e.accepted()).isTrue();
            Period p = period(e, "bidPreparation");
            assertThat(p.earliest()).isEqualTo(LocalDate.of(2026, 12, 21));
            assertThat(p.unit()).isEqualTo(PeriodUnit.CALENDAR_DAYS);
            assertThat(p.length()).isEqualTo(20);
            assertThat(p.enforced()).isTrue();
        }

        @Test
        void issued_on_the_2nd_a_deadline_on_the_22nd_is_allowed() {
            var e = decide(worksUnderTenderingLaw().issued(LocalDate.of(2026, 12, 2))
                    .deadline(LocalDate.of(2026, 12, 22)));
            assertThat(e.accepted()).isTrue();
        }

        @Test
        void a_period_ending_on_a_weekend_ends_on_the_next_working_day() {
            var issuedOnSunday = worksUnderTenderingLaw().issued(LocalDate.of(2026, 12, 6));
            assertThat(refusal(decide(issuedOnSunday.deadline(LocalDate.of(2026, 12, 26))), "bidDeadline").limit())
                    .isEqualTo(LocalDate.of(2026, 12, 28));
            assertThat(decide(issuedOnSunday.deadline(LocalDate.of(2026, 12, 27))).accepted()).isFalse();
            assertThat(decide(issuedOnSunday.deadline(LocalDate.of(2026, 12, 28))).accepted()).isTrue();
        }

        @Test
        void a_period_ending_in_the_national_day_holiday_ends_after_it() {
            var e = decide(worksUnderTenderingLaw().registered(LocalDate.of(2026, 9, 1))
                    .issued(LocalDate.of(2026, 9, 11)).deadline(LocalDate.of(2026, 10, 7)));
            assertThat(refusal(e, "bidDeadline").limit()).isEqualTo(LocalDate.of(2026, 10, 8));
        }

        @Test
        void a_period_ending_on_a_make_up_workday_ends_there() {
            var e = decide(worksUnderTenderingLaw().registered(LocalDate.of(2026, 9, 1))
                    .issued(LocalDate.of(2026, 9, 20)).deadline(LocalDate.of(2026, 10, 10)));
            assertThat(e.accepted()).as(e.violations().toString()).isTrue();
        }

        @Test
        void projects_that_need_not_be_tendered_keep_documents_on_sale_5_days() {
            var voluntary = worksUnderTenderingLaw().estimate("3000000.00");
            Violation v = refusal(decide(voluntary.deadline(LocalDate.of(2026, 12, 6))), "bidDeadline");
            assertThat(v.citation()).isEqualTo("TBR 16");
            assertThat(v.limit()).as("1 December + 5 days is a Sunday").isEqualTo(LocalDate.of(2026, 12, 7));
            var e = decide(voluntary.deadline(LocalDate.of(2026, 12, 7)));
            assertThat(e.accepted()).isTrue();
            assertThat(e.decisions().periods()).extracting(Period::name).doesNotContain("bidPreparation");
            assertThat(e.decisions().notes()).anySatisfy(note -> assertThat(note).contains("2026-11-22"));
        }

        @Test
        void every_government_procurement_tender_needs_20_days() {
            var goods = goodsUnderGovernmentProcurement().estimate("500000.00");
            assertThat(refusal(decide(goods.deadline(LocalDate.of(2026, 12, 20))), "bidDeadline").citation())
                    .isEqualTo("GPL 35");
            assertThat(decide(goods.deadline(LocalDate.of(2026, 12, 21))).accepted()).isTrue();
        }

        @Test
        void negotiation_needs_3_working_days() {
            var negotiation = goodsUnderGovernmentProcurement().method(ProcurementMethod.COMPETITIVE_NEGOTIATION)
                    .issued(LocalDate.of(2026, 12, 4));
            Violation v = refusal(decide(negotiation.deadline(LocalDate.of(2026, 12, 8))), "bidDeadline");
            assertThat(v.citation()).isEqualTo("O74 29, 45");
            assertThat(v.limit()).isEqualTo(LocalDate.of(2026, 12, 9));
            assertThat(decide(negotiation.deadline(LocalDate.of(2026, 12, 9))).accepted()).isTrue();
        }

        @Test
        void price_inquiry_working_days_skip_the_holiday_and_count_the_make_up_day() {
            var inquiry = goodsUnderGovernmentProcurement().method(ProcurementMethod.PRICE_INQUIRY)
                    .registered(LocalDate.of(2026, 9, 1)).issued(LocalDate.of(2026, 9, 30));
            assertThat(refusal(decide(inquiry.deadline(LocalDate.of(2026, 10, 9))), "bidDeadline").limit())
                    .isEqualTo(LocalDate.of(2026, 10, 10));
        }

        @Test
        void reported_periods_under_the_Tendering_Law() {
            var e = decide(worksUnderTenderingLaw());
            assertThat(period(e, "documentPeriod").earliest()).isEqualTo(LocalDate.of(2026, 12, 7));
            assertThat(period(e, "clarificationLatest").latest()).isEqualTo(LocalDate.of(2026, 12, 6));
            assertThat(period(e, "clarificationLatest").citation()).isEqualTo("TBL 23; TBR 21");
            assertThat(period(e, "objectionLatest").latest()).isEqualTo(LocalDate.of(2026, 12, 11));
        }

        @Test
        void reported_periods_under_government_procurement() {
            var e = decide(goodsUnderGovernmentProcurement());
            Period documents = period(e, "documentPeriod");
            assertThat(documents.unit()).isEqualTo(PeriodUnit.WORKING_DAYS);
            assertThat(documents.earliest()).isEqualTo(LocalDate.of(2026, 12, 8));
            assertThat(period(e, "clarificationLatest").citation()).isEqualTo("GPR 31; O87 27");
        }

        @Test
        void a_provisional_year_counts_its_statutory_holidays_and_says_so() {
            var e = decide(worksUnderTenderingLaw().issued(LocalDate.of(2026, 12, 12))
                    .deadline(LocalDate.of(2027, 1, 1)));
            assertThat(refusal(e, "bidDeadline").limit()).as("New Year's Day 2027 is a statutory day off")
                    .isEqualTo(LocalDate.of(2027, 1, 4));
            assertThat(e.decisions().notes()).singleElement().asString().contains("2027").contains("statutory");
        }

        @Test
        void a_year_without_a_holiday_file_counts_weekends_only_and_says_so() {
            var e = decide(worksUnderTenderingLaw().registered(LocalDate.of(2027, 12, 1))
                    .issued(LocalDate.of(2027, 12, 20)).deadline(LocalDate.of(2028, 1, 15)));
            assertThat(period(e, "bidPreparation").earliest()).isEqualTo(LocalDate.of(2028, 1, 10));
            assertThat(e.decisions().notes()).anySatisfy(note -> assertThat(note).contains("2028").contains("weekends only"));
        }
    }

    @Nested
    class Tie_break {

        static final String RULE = "G1117 a Tendering-Law tender states how candidates with equal scores are decided, never by lot";

        @Test
        void a_Tendering_Law_tender_without_a_method_for_equal_scores_is_refused() {
            var e = decide(worksUnderTenderingLaw().tieBreak(null));
            Violation v = refusal(e, "tieBreak");
            assertThat(v.rule()).isEqualTo(RULE);
            assertThat(v.citation()).contains("G1117 (二)");
            assertThat(e.accepted()).isFalse();
        }

        @Test
        void with_any_method_it_is_not() {
            for (io.huitong.tender.TieBreak method : io.huitong.tender.TieBreak.values()) {
                assertThat(refusedBy(decide(worksUnderTenderingLaw().tieBreak(method)))).doesNotContain(RULE);
            }
        }

        @Test
        void tendered_government_procurement_works_follow_the_Tendering_Law_here_too() {
            var works = goodsUnderGovernmentProcurement().category(Category.WORKS).estimate("5000000.00").tieBreak(null);
            assertThat(refusedBy(decide(works))).contains(RULE);
        }

        @Test
        void government_procurement_of_goods_may_leave_it_to_a_draw() {
            assertThat(refusedBy(decide(goodsUnderGovernmentProcurement().tieBreak(null)))).doesNotContain(RULE);
        }
    }

    @Nested
    class SME_reservation {

        @Test
        void goods_up_to_2_000_000_are_for_SMEs_only() {
            var e = decide(goodsUnderGovernmentProcurement().estimate("2000000.00"));
            assertThat(e.decisions().smeReserved()).isTrue();
            assertThat(e.decisions().smeReservation().mode()).isEqualTo(SmeReservationMode.EXCLUSIVE);
        }

        @Test
        void above_2_000_000_a_30_percent_share_is_reserved() {
            var e = decide(goodsUnderGovernmentProcurement().estimate("2000000.01"));
            assertThat(e.decisions().smeReserved()).isFalse();
            assertThat(e.decisions().smeReservation().mode()).isEqualTo(SmeReservationMode.PARTIAL);
            assertThat(e.decisions().smeReservation().minShare()).isEqualByComparingTo("0.30");
            assertThat(e.decisions().smeReservation().smallMicroMinShare()).isEqualByComparingTo("0.60");
        }

        @Test
        void from_the_procurement_limit_and_not_below() {
            assertThat(decide(goodsUnderGovernmentProcurement().estimate("1000000.00")).decisions().smeReserved())
                    .isTrue();
            assertThat(decide(goodsUnderGovernmentProcurement().estimate("999999.99")).decisions().smeReservation())
                    .isNull();
        }

        @Test
        void works_up_to_4_000_000() {
            var works = goodsUnderGovernmentProcurement().category(Category.WORKS);
            assertThat(decide(works.estimate("4000000.00")).decisions().smeReserved()).isTrue();
            assertThat(decide(works.estimate("4000000.01")).decisions().smeReservation().mode())
                    .isEqualTo(SmeReservationMode.PARTIAL);
            assertThat(decide(works.estimate("1199999.99")).decisions().smeReservation()).isNull();
        }

        @Test
        void not_when_unsuitable_for_SMEs_nor_under_the_Tendering_Law() {
            assertThat(decide(goodsUnderGovernmentProcurement().notSuitableForSme()).decisions().smeReservation())
                    .isNull();
            assertThat(decide(worksUnderTenderingLaw()).decisions().smeReservation()).isNull();
        }
    }
}

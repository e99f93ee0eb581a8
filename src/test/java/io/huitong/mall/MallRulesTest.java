package io.huitong.mall;

import static org.assertj.core.api.Assertions.assertThat;

import io.huitong.credit.CreditRecord;
import io.huitong.rules.FiredRule;
import io.huitong.rules.Refusal;
import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetCompiler;
import io.huitong.shared.time.LegalClock;
import io.huitong.support.RuleCoverage;
import io.huitong.support.RuleSets;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@code rules/mall} at their boundaries: the amount at the procurement quota and one fen above (the
 * national quota, and a province's own), a unit price at the cap and one fen above, the agreement's last valid day
 * and the day after, the supplier admitted or not, debarred or not, the secondary-competition amount, the split
 * sum at the public-tender threshold and one fen above, and the admissions of closed and open agreements.
 */
class MallRulesTest {

    private static final Set<String> FIRED = new HashSet<>();
    static final String SUPPLIER = "91410100MA0000001X";
    static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    static final String AGREEMENT = "a1";
    static final AgreementFacts IN_FORCE = new AgreementFacts(AGREEMENT, "KJXY-2026-01", AgreementKind.CLOSED,
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), SecondStage.DIRECT, null);
    static final AdmittedSupplier ADMITTED = new AdmittedSupplier(AGREEMENT, SUPPLIER, "供应商1",
            LocalDate.of(2025, 12, 20));

    static final String QUOTA = "O110-3 an order above the procurement quota does not go through the mall";
    static final String PROVINCE_QUOTA =
            "O110-3 an order above the province's procurement quota does not go through the mall";
    static final String PRICE = "O110 a unit price at or under the item's maximum unit price";
    static final String IN_FORCE_RULE = "O110 an order under an agreement in force on the order day";
    static final String ADMITTED_RULE = "O110 an order to a supplier admitted to the agreement";
    static final String DEBARRED = "GPL-77 a debarred supplier sells nothing through the mall";
    static final String SECONDARY = "O110 an order above the agreement's amount goes to secondary competition";
    static final String SPLIT =
            "GPR-28 purchases of one category under one budget item adding up above the public-tender threshold";
    static final String CLOSED = "O110 a closed agreement admits no supplier after its first stage";
    static final String TERM = "O110 no supplier joins an agreement after its term";

    static RuleSet.Evaluation evaluate(RuleSet ruleSet, LocalDate day, Object... facts) {
        RuleSet.Evaluation e = ruleSet.evaluate(day, List.of(facts));
        e.firedRules().stream().map(FiredRule::rule).forEach(FIRED::add);
        return e;
    }

    @AfterAll
    static void everyMallRuleIsExercised() {
        assertThat(RuleCoverage.unfired(FIRED, "io.huitong.rules.mall")).as("mall rules that no test made fire")
                .isEmpty();
    }

    static OrderFacts order(String amount, LocalDate day) {
        return new OrderFacts("某某局", "2026-办公设备", day.getYear(), "台式计算机", QuotaKind.GOODS_SERVICES, "410100",
                new BigDecimal(amount), SUPPLIER, AGREEMENT, day);
    }

    static List<String> refusedBy(RuleSet ruleSet, LocalDate day, Object... facts) {
        return evaluate(ruleSet, day, facts).all(Refusal.class).stream().map(r -> r.by().rule()).toList();
    }

    static List<String> refusedBy(Object... facts) {
        return refusedBy(RuleSets.current(), DAY, facts);
    }

    @Test
    void an_order_at_the_quota_goes_through_the_mall_one_fen_above_it_does_not() {
        assertThat(refusedBy(order("1000000.00", DAY), IN_FORCE, ADMITTED)).isEmpty();
        assertThat(refusedBy(order("1000000.01", DAY), IN_FORCE, ADMITTED)).containsExactly(QUOTA);
        assertThat(evaluate(RuleSets.current(), DAY, order("1000000.01", DAY), IN_FORCE, ADMITTED)
                .all(Refusal.class).get(0).by().citation()).isEqualTo("O110 3");
    }

    @Test
    void a_province_s_own_quota_replaces_the_national_one() throws IOException {
        String parameters = Files.readString(Path.of("rules/policy/parameters.yaml")).replace("parameters:\n", """
                parameters:
                  mall.quota.41.goods-services:
                    value: 500000
                    unit: CNY
                    tag: L
                    citation: O110 3 (a test's province quota)
                    note: test
                """);
        RuleSet henan = new RuleSetCompiler(new LegalClock())
                .compile(RuleSets.projectRulesWith(Map.of("policy/parameters.yaml", parameters)));
        assertThat(refusedBy(henan, DAY, order("500000.00", DAY), IN_FORCE, ADMITTED)).isEmpty();
        assertThat(refusedBy(henan, DAY, order("500000.01", DAY), IN_FORCE, ADMITTED)).containsExactly(PROVINCE_QUOTA);
    }

    @Test
    void a_unit_price_at_the_cap_passes_one_fen_above_it_is_refused_naming_the_line() {
        OrderLineFacts atCap = new OrderLineFacts(0, "i1", "台式计算机 i5/16G/512G", new BigDecimal("2"),
                new BigDecimal("4500.00"), new BigDecimal("4500.00"));
        OrderLineFacts above = new OrderLineFacts(1, "i1", "台式计算机 i5/16G/512G", BigDecimal.ONE,
                new BigDecimal("4500.01"), new BigDecimal("4500.00"));
        assertThat(refusedBy(order("9000.00", DAY), IN_FORCE, ADMITTED, atCap)).isEmpty();
        RuleSet.Evaluation e = evaluate(RuleSets.current(), DAY, order("13500.01", DAY), IN_FORCE, ADMITTED, atCap,
                above);
        assertThat(e.all(Refusal.class)).extracting(r -> r.by().rule(), Refusal::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PRICE, "lines[1].unitPrice"));
    }

    @Test
    void an_order_on_the_agreement_s_last_valid_day_passes_the_day_after_it_is_refused() {
        LocalDate last = IN_FORCE.validTo();
        assertThat(refusedBy(RuleSets.current(), last, order("100.00", last), IN_FORCE, ADMITTED)).isEmpty();
        assertThat(refusedBy(RuleSets.current(), last.plusDays(1), order("100.00", last.plusDays(1)), IN_FORCE,
                ADMITTED)).containsExactly(IN_FORCE_RULE);
        assertThat(refusedBy(RuleSets.current(), IN_FORCE.validFrom().minusDays(1),
                order("100.00", IN_FORCE.validFrom().minusDays(1)), IN_FORCE, ADMITTED))
                .as("the day before it starts").containsExactly(IN_FORCE_RULE);
    }

    @Test
    void only_a_supplier_admitted_by_the_order_day_may_sell() {
        assertThat(refusedBy(order("100.00", DAY), IN_FORCE)).containsExactly(ADMITTED_RULE);
        assertThat(refusedBy(order("100.00", DAY), IN_FORCE,
                new AdmittedSupplier(AGREEMENT, SUPPLIER, "供应商1", DAY))).as("admitted that day").isEmpty();
        assertThat(refusedBy(order("100.00", DAY), IN_FORCE,
                new AdmittedSupplier(AGREEMENT, SUPPLIER, "供应商1", DAY.plusDays(1)))).containsExactly(ADMITTED_RULE);
        assertThat(refusedBy(order("100.00", DAY), IN_FORCE,
                new AdmittedSupplier("other", SUPPLIER, "供应商1", DAY.minusDays(9)))).containsExactly(ADMITTED_RULE);
    }

    static CreditRecord debarment(LocalDate from, LocalDate to, CreditRecord.Scope scope) {
        return new CreditRecord("c1", SUPPLIER, "供应商1", CreditRecord.Kind.DEBARMENT, scope, "提供虚假材料", from, to,
                "GPL 77", "supervisor", Instant.parse("2026-01-01T00:00:00Z"), null, null, null);
    }

    @Test
    void a_supplier_debarred_on_the_order_day_is_refused_citing_its_record() {
        RuleSet.Evaluation e = evaluate(RuleSets.current(), DAY, order("100.00", DAY), IN_FORCE, ADMITTED,
                debarment(DAY, DAY.plusYears(1), CreditRecord.Scope.GOVERNMENT_PROCUREMENT));
        assertThat(e.all(Refusal.class)).extracting(r -> r.by().rule()).containsExactly(DEBARRED);
        assertThat(e.all(Refusal.class).get(0).by().citation()).isEqualTo("GPL 77");
        assertThat(refusedBy(order("100.00", DAY), IN_FORCE, ADMITTED,
                debarment(DAY.minusYears(1), DAY.minusDays(1), CreditRecord.Scope.ALL))).as("ended the day before")
                .isEmpty();
        assertThat(refusedBy(order("100.00", DAY), IN_FORCE, ADMITTED,
                debarment(DAY, null, CreditRecord.Scope.TENDERING_LAW))).as("a Tendering-Law debarment").isEmpty();
    }

    @Test
    void an_order_above_the_agreement_s_amount_goes_to_secondary_competition_at_it_it_does_not() {
        AgreementFacts competition = new AgreementFacts(AGREEMENT, "KJXY-2026-02", AgreementKind.OPEN,
                IN_FORCE.validFrom(), IN_FORCE.validTo(), SecondStage.SECONDARY_COMPETITION,
                new BigDecimal("200000.00"));
        assertThat(refusedBy(order("200000.00", DAY), competition, ADMITTED)).isEmpty();
        assertThat(refusedBy(order("200000.01", DAY), competition, ADMITTED)).containsExactly(SECONDARY);
    }

    static SplitPurchaseSum sum(String earlier, String total) {
        return new SplitPurchaseSum("某某局", "台式计算机", "2026-办公设备", 2026, new BigDecimal(earlier),
                new BigDecimal(total));
    }

    @Test
    void purchases_adding_up_to_the_public_tender_threshold_are_not_flagged_one_fen_above_they_are() {
        RuleSet.Evaluation at = evaluate(RuleSets.current(), DAY, order("500000.00", DAY), IN_FORCE, ADMITTED,
                sum("1500000.00", "2000000.00"));
        assertThat(at.all(MallFlag.class)).isEmpty();
        RuleSet.Evaluation above = evaluate(RuleSets.current(), DAY, order("500000.01", DAY), IN_FORCE, ADMITTED,
                sum("1500000.00", "2000000.01"));
        assertThat(above.all(Refusal.class)).as("a flag, not a refusal").isEmpty();
        assertThat(above.all(MallFlag.class)).extracting(f -> f.by().rule(), f -> f.by().citation())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SPLIT, "GPR 28"));
        assertThat(above.all(MallFlag.class).get(0).messageZh()).contains("2000000.01", "化整为零");
    }

    static AdmissionFacts admission(AgreementKind kind, LocalDate on) {
        return new AdmissionFacts(AGREEMENT, "KJXY-2026-01", kind, IN_FORCE.validFrom(), IN_FORCE.validTo(),
                SUPPLIER, on);
    }

    @Test
    void a_closed_agreement_admits_up_to_the_day_its_term_starts_an_open_one_during_its_term() {
        LocalDate from = IN_FORCE.validFrom();
        assertThat(refusedBy(RuleSets.current(), from, admission(AgreementKind.CLOSED, from))).isEmpty();
        assertThat(refusedBy(RuleSets.current(), from.plusDays(1), admission(AgreementKind.CLOSED, from.plusDays(1))))
                .containsExactly(CLOSED);
        LocalDate to = IN_FORCE.validTo();
        assertThat(refusedBy(RuleSets.current(), to, admission(AgreementKind.OPEN, to))).isEmpty();
        assertThat(refusedBy(RuleSets.current(), to.plusDays(1), admission(AgreementKind.OPEN, to.plusDays(1))))
                .containsExactly(TERM);
    }
}

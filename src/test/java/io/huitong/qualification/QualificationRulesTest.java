package io.huitong.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import io.huitong.bidding.BidInvalidated;
import io.huitong.registry.ManagerAssignment;
import io.huitong.registry.PerformanceRecord;
import io.huitong.registry.Qualification;
import io.huitong.registry.RegisteredPerson;
import io.huitong.registry.Source;
import io.huitong.rules.FiredRule;
import io.huitong.rules.Refusal;
import io.huitong.rules.RuleSet;
import io.huitong.support.RuleCoverage;
import io.huitong.support.RuleSets;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@code rules/qualification} at their boundaries: a qualification valid on the deadline's day and not the
 * day before, the grade ladder, the performance count, amount and period, the manager's registration, and another
 * project that stood still 119 or 120 days.
 */
class QualificationRulesTest {

    private static final Set<String> FIRED = new HashSet<>();
    static final String CODE = "91410100MA0000001X";
    static final String CERT = "豫141000000001";
    static final LocalDate DEADLINE = LocalDate.of(2026, 12, 21);
    static final String KIND = "建筑工程施工总承包";

    static RuleSet.Evaluation evaluate(Object... facts) {
        RuleSet.Evaluation e = RuleSets.current().evaluate(DEADLINE, List.of(facts));
        e.firedRules().stream().map(FiredRule::rule).forEach(FIRED::add);
        return e;
    }

    @AfterAll
    static void everyQualificationRuleIsExercised() {
        assertThat(RuleCoverage.unfired(FIRED, "io.huitong.rules.qualification"))
                .as("qualification rules that no test made fire").isEmpty();
    }

    static List<String> refusedBy(Object... facts) {
        return evaluate(facts).all(Refusal.class).stream().map(r -> r.by().rule()).toList();
    }

    static Qualification qualification(String grade, LocalDate from, LocalDate to) {
        return new Qualification("q", CODE, KIND, grade, "河南省住房和城乡建设厅", "D1", from, to, Source.MOHURD, "c");
    }

    static final RegistryEntry REGISTERED = new RegistryEntry(CODE, true);
    static final QualificationRequired GRADE_TWO = new QualificationRequired(CODE, KIND, "二级", DEADLINE);

    @Test
    void a_qualification_counts_on_the_deadline_s_day_and_not_after_it_expired_the_day_before() {
        assertThat(refusedBy(REGISTERED, GRADE_TWO, qualification("二级", DEADLINE.minusYears(5), DEADLINE)))
                .as("valid to the deadline's day itself").isEmpty();
        assertThat(refusedBy(REGISTERED, GRADE_TWO, qualification("二级", DEADLINE, DEADLINE.plusYears(5))))
                .as("valid from the deadline's day").isEmpty();
        assertThat(refusedBy(REGISTERED, GRADE_TWO, qualification("二级", DEADLINE.minusYears(5),
                DEADLINE.minusDays(1)))).containsExactly(
                        "TBL-26 the qualification the documents require, valid on the deadline");
        assertThat(refusedBy(REGISTERED, GRADE_TWO, qualification("二级", DEADLINE.plusDays(1), DEADLINE.plusYears(5))))
                .as("not yet valid").containsExactly(
                        "TBL-26 the qualification the documents require, valid on the deadline");
        assertThat(refusedBy(REGISTERED, GRADE_TWO, qualification("二级", DEADLINE.minusYears(5), DEADLINE.minusDays(1)),
                qualification("二级", DEADLINE.minusDays(1), DEADLINE.plusYears(5))))
                .as("a renewed certificate counts").isEmpty();
    }

    @Test
    void a_higher_grade_of_the_kind_meets_the_one_required_a_lower_one_or_another_kind_does_not() {
        LocalDate from = DEADLINE.minusYears(1);
        LocalDate to = DEADLINE.plusYears(1);
        for (String higher : List.of("二级", "一级", "甲级", "特级")) {
            assertThat(refusedBy(REGISTERED, GRADE_TWO, qualification(higher, from, to))).as(higher).isEmpty();
        }
        assertThat(refusedBy(REGISTERED, GRADE_TWO, qualification("三级", from, to))).containsExactly(
                "TBL-26 the qualification the documents require: none of that kind and grade");
        assertThat(refusedBy(REGISTERED, GRADE_TWO, new Qualification("q", CODE, "市政公用工程施工总承包", "特级", "部",
                "D2", from, to, Source.MOHURD, "c"))).containsExactly(
                        "TBL-26 the qualification the documents require: none of that kind and grade");
        assertThat(refusedBy(REGISTERED, new QualificationRequired(CODE, KIND, "专业承包", DEADLINE),
                qualification("专业承包", from, to))).as("off the ladder: itself only").isEmpty();
        assertThat(refusedBy(new RegistryEntry(CODE, false), GRADE_TWO)).as("not in the registry")
                .containsExactly("O6 a bidder the registry holds");
    }

    static PerformanceRecord done(BigDecimal amount, LocalDate end) {
        return new PerformanceRecord("p" + end + amount, CODE, "项目", "业主", amount, end.minusYears(1), end, "施工总承包",
                "房屋建筑工程", Source.SELF, null);
    }

    @Test
    void performance_counts_projects_of_the_kind_amount_and_period_required() {
        LocalDate since = DEADLINE.minusYears(3);
        PerformanceRequired two = new PerformanceRequired(CODE, "房屋建筑工程", 2, new BigDecimal("10000000.00"), since,
                DEADLINE);
        BigDecimal enough = new BigDecimal("10000000.00");
        assertThat(refusedBy(REGISTERED, two, done(enough, since), done(enough, DEADLINE)))
                .as("the period's first and last days count, the amount itself counts").isEmpty();
        assertThat(refusedBy(REGISTERED, two, done(enough, since.minusDays(1)), done(enough, DEADLINE)))
                .containsExactly("The performance the documents require");
        assertThat(refusedBy(REGISTERED, two, done(new BigDecimal("9999999.99"), since), done(enough, DEADLINE)))
                .containsExactly("The performance the documents require");
        assertThat(refusedBy(REGISTERED, two, done(enough, since))).as("one of two")
                .containsExactly("The performance the documents require");
    }

    static final ManagerRequired MANAGER = new ManagerRequired("bid-1", CODE, "投标人1", CERT, "建筑工程", DEADLINE,
            "tender-1");
    static final RegisteredPerson REGISTERED_MANAGER = new RegisteredPerson(CERT, "李建一", "一级注册建造师", "建筑工程",
            CODE, DEADLINE, Source.MOHURD, "c");

    static List<String> invalidatedBy(Object... facts) {
        return evaluate(facts).all(BidInvalidated.class).stream().map(i -> i.by().rule()).toList();
    }

    static ManagerAssignment other(LocalDate completed, LocalDate stopped, boolean consent, String projectCode) {
        return new ManagerAssignment("a", CERT, "91410100MA00000021", "另一工程", projectCode, "业主",
                DEADLINE.minusYears(1), completed, stopped, consent, Source.MOHURD, "c");
    }

    @Test
    void the_manager_is_the_bidder_s_registered_constructor_of_the_speciality_on_the_deadline() {
        assertThat(invalidatedBy(MANAGER, REGISTERED_MANAGER)).as("registered to the deadline's day").isEmpty();
        assertThat(invalidatedBy(MANAGER, new RegisteredPerson(CERT, "李建一", "一级注册建造师", "建筑工程", CODE,
                DEADLINE.minusDays(1), Source.MOHURD, "c"))).containsExactly(
                        "O2 the project manager is the bidder's registered constructor of the speciality");
        assertThat(invalidatedBy(MANAGER, new RegisteredPerson(CERT, "李建一", "一级注册建造师", "市政公用工程", CODE,
                DEADLINE, Source.MOHURD, "c"))).as("another speciality").containsExactly(
                        "O2 the project manager is the bidder's registered constructor of the speciality");
        assertThat(invalidatedBy(MANAGER, new RegisteredPerson(CERT, "李建一", "一级注册建造师", "建筑工程",
                "91410100MA00000021", DEADLINE, Source.MOHURD, "c"))).as("another company's").containsExactly(
                        "O2 the project manager is the bidder's registered constructor of the speciality");
        assertThat(invalidatedBy(new ManagerRequired("bid-1", CODE, "投标人1", null, "建筑工程", DEADLINE, "tender-1")))
                .as("the file names none").containsExactly(
                        "O2 the project manager is the bidder's registered constructor of the speciality");
    }

    @Test
    void another_works_project_in_progress_invalidates_the_bid_unless_an_exception_of_article_9_applies() {
        String busy = "O2 the project manager is not the manager of another works project in progress";
        assertThat(invalidatedBy(MANAGER, REGISTERED_MANAGER, other(null, null, false, "X-1"))).containsExactly(busy);
        assertThat(invalidatedBy(MANAGER, REGISTERED_MANAGER, other(DEADLINE.plusDays(1), null, false, "X-1")))
                .as("accepted the day after the deadline").containsExactly(busy);
        assertThat(invalidatedBy(MANAGER, REGISTERED_MANAGER, other(DEADLINE, null, false, "X-1")))
                .as("accepted as completed on the deadline's day").isEmpty();
        assertThat(invalidatedBy(MANAGER, REGISTERED_MANAGER, other(null, DEADLINE.minusDays(120), true, "X-1")))
                .as("stood still 120 days with the client's consent").isEmpty();
        assertThat(invalidatedBy(MANAGER, REGISTERED_MANAGER, other(null, DEADLINE.minusDays(119), true, "X-1")))
                .as("119 days").containsExactly(busy);
        assertThat(invalidatedBy(MANAGER, REGISTERED_MANAGER, other(null, DEADLINE.minusDays(200), false, "X-1")))
                .as("without the client's consent").containsExactly(busy);
        assertThat(invalidatedBy(MANAGER, REGISTERED_MANAGER, other(null, null, false, "tender-1")))
                .as("another section of this project").isEmpty();
        List<Object> later = new ArrayList<>(List.of(MANAGER, REGISTERED_MANAGER));
        later.add(new ManagerAssignment("a", CERT, CODE, "明年开工", "X-2", "业主", DEADLINE.plusDays(1), null, null, false,
                Source.SELF, null));
        assertThat(invalidatedBy(later.toArray())).as("starting after the deadline").isEmpty();
        ManagerAssignment ownDeclaration = new ManagerAssignment("b", CERT, CODE, "自报在建", "X-3", "业主",
                DEADLINE.minusYears(1), null, null, false, Source.SELF, null);
        assertThat(invalidatedBy(MANAGER, REGISTERED_MANAGER, ownDeclaration)).as("its own declaration counts")
                .containsExactly(busy);
        ManagerAssignment rivalsDeclaration = new ManagerAssignment("c", CERT, "91410100MA00000021", "对手自报",
                "X-4", "业主", DEADLINE.minusYears(1), null, null, false, Source.SELF, null);
        assertThat(invalidatedBy(MANAGER, REGISTERED_MANAGER, rivalsDeclaration))
                .as("another entity's own declaration does not").isEmpty();
    }
}

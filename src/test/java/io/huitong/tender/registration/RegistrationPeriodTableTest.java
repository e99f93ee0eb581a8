package io.huitong.tender.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.huitong.shared.time.LegalCalendar;
import io.huitong.shared.time.PeriodUnit;
import io.huitong.shared.web.Violation;
import io.huitong.support.DecisionTableRows;
import io.huitong.support.DecisionTableRows.Row;
import io.huitong.support.RuleSets;
import io.huitong.tender.ProcurementMethod;
import io.huitong.tender.Regime;
import io.huitong.tender.registration.Conclusions.Anchor;
import io.huitong.tender.registration.RegistrationDecision.Period;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Boundary tests generated from the decision table {@code rules/registration/periods.csv}, one a row: a registration
 * that meets the row's conditions gets the row's period from the row's rule, dated through the legal calendar at
 * exactly its length ({@code length − 1} and {@code length + 1} give other days: 19 days is not 20); an enforced
 * period refuses a bid deadline one day before its end, naming the row's rule, and accepts one on its last day.
 */
class RegistrationPeriodTableTest {

    private static final String TABLE = "registration/periods.csv";
    /** A Thursday: 4 to 6 and 19 to 21 days later are working days, so the periods of today's table part strictly. */
    private static final LocalDate ISSUED = LocalDate.of(2026, 12, 3);
    private static final LocalDate DEADLINE = LocalDate.of(2026, 12, 23);

    @TestFactory
    Stream<DynamicTest> each_row_gives_its_period_at_its_length_and_an_enforced_one_refuses_a_day_less() {
        LegalCalendar calendar = RuleSets.current().policy().calendar();
        return DecisionTableRows.of(TABLE).stream().filter(r -> r.has("length"))
                .map(row -> DynamicTest.dynamicTest(row.toString(), () -> check(row, calendar)));
    }

    /** A registration that meets the row's conditions: its law or regime, its procurement method, its threshold. */
    static Registrations meeting(Row row) {
        boolean procurement = Regime.GOVERNMENT_PROCUREMENT.name().equals(row.get("applicable law"))
                || Regime.GOVERNMENT_PROCUREMENT.name().equals(row.get("regime"));
        Registrations r = procurement ? Registrations.goodsUnderGovernmentProcurement()
                : Registrations.worksUnderTenderingLaw();
        if (row.has("procurement method")) {
            r.method(ProcurementMethod.valueOf(row.get("procurement method").split(",")[0].strip()));
        }
        if (row.has("open tender required")) {
            r.estimate("2000000.00");
        }
        return r.issued(ISSUED).deadline(DEADLINE);
    }

    static RegistrationEvaluation decide(Registrations r) {
        return new RegistrationRules().evaluate(r.facts(), RuleSets.current());
    }

    private static void check(Row row, LegalCalendar calendar) {
        int length = Integer.parseInt(row.get("length"));
        PeriodUnit unit = PeriodUnit.valueOf(row.get("unit"));
        RegistrationEvaluation e = decide(meeting(row));
        Period p = e.decisions().periods().stream().filter(x -> x.rule().equals(row.rule())).findFirst()
                .orElseThrow(() -> new AssertionError(row + ": the rule gives no period for a registration meeting "
                        + "its conditions; periods: " + e.decisions().periods()));
        assertThat(p.name()).isEqualTo(row.get("period"));
        assertThat(p.citation()).isEqualTo(row.get("citation"));
        assertThat(p.length()).isEqualTo(length);
        assertThat(p.unit()).isEqualTo(unit);
        assertThat(p.enforced()).isEqualTo(Boolean.parseBoolean(row.get("enforced")));
        if (Anchor.valueOf(row.get("anchor")) == Anchor.AFTER_DOCUMENT_ISSUE) {
            assertThat(p.earliest()).as(row + ": the end, counted from the documents' issue")
                    .isEqualTo(calendar.periodEnd(ISSUED, length, unit));
            LocalDate shorter = calendar.periodEnd(ISSUED, length - 1, unit);
            LocalDate longer = calendar.periodEnd(ISSUED, length + 1, unit);
            // a calendar-day period whose last day is a rest day rolls over (CC 203): then a unit less or more may
            // end on the same day, and only the order holds
            boolean rolled = unit == PeriodUnit.CALENDAR_DAYS && !(p.earliest().equals(ISSUED.plusDays(length))
                    && shorter.equals(ISSUED.plusDays(length - 1)) && longer.equals(ISSUED.plusDays(length + 1)));
            if (rolled) {
                assertThat(shorter).as(row + ": a unit less").isBeforeOrEqualTo(p.earliest());
                assertThat(longer).as(row + ": a unit more").isAfterOrEqualTo(p.earliest());
            } else {
                assertThat(shorter).as(row + ": a unit less").isBefore(p.earliest());
                assertThat(longer).as(row + ": a unit more").isAfter(p.earliest());
            }
            if (p.enforced()) {
                assertThat(decide(meeting(row).deadline(p.earliest().minusDays(1))).violations())
                        .as(row + ": a bid deadline the day before the period ends").extracting(Violation::rule)
                        .contains(row.rule());
                assertThat(decide(meeting(row).deadline(p.earliest())).violations())
                        .as(row + ": a bid deadline on the period's last day").extracting(Violation::rule)
                        .doesNotContain(row.rule());
            }
        } else {
            assertThat(p.latest()).as(row + ": the latest day, counted back from the bid deadline")
                    .isEqualTo(calendar.latestBefore(DEADLINE, length, unit));
            assertThat(calendar.latestBefore(DEADLINE, length - 1, unit)).as(row + ": a unit less")
                    .isAfter(p.latest());
            assertThat(calendar.latestBefore(DEADLINE, length + 1, unit)).as(row + ": a unit more")
                    .isBefore(p.latest());
        }
    }
}

package io.huitong.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.huitong.shared.time.LegalCalendar;
import io.huitong.shared.time.PeriodUnit;
import io.huitong.support.DecisionTableRows;
import io.huitong.support.DecisionTableRows.Row;
import io.huitong.support.RuleSets;
import io.huitong.tender.Category;
import io.huitong.tender.ProcurementMethod;
import io.huitong.tender.Regime;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Boundary tests generated from the decision table {@code rules/lifecycle/periods.csv}, one a row: the rules give the
 * row's period (its rule, length and unit) for the row's law, and through the legal calendar of the rule set the
 * period ends on the day {@code length} units after its start: {@code length − 1} units end earlier and {@code
 * length + 1} later (19 days is not 20), counted from days before a weekend and before the National Day holidays,
 * where working days and calendar days part. A cell changed in the table changes what these tests expect.
 */
class LifecyclePeriodTableTest {

    private static final String TABLE = "lifecycle/periods.csv";
    /** A Friday; the eve of the National Day holidays of 2026; an ordinary Monday. */
    private static final List<LocalDate> STARTS = List.of(LocalDate.of(2026, 12, 4), LocalDate.of(2026, 9, 30),
            LocalDate.of(2026, 11, 16));

    @TestFactory
    Stream<DynamicTest> each_row_gives_its_period_and_ends_at_its_length_not_a_day_earlier_or_later() {
        LegalCalendar calendar = RuleSets.current().policy().calendar();
        return DecisionTableRows.of(TABLE).stream().filter(r -> r.has("length"))
                .map(row -> DynamicTest.dynamicTest(row.toString(), () -> check(row, calendar)));
    }

    private static void check(Row row, LegalCalendar calendar) {
        Regime law = Regime.valueOf(row.get("law"));
        int length = Integer.parseInt(row.get("length"));
        PeriodUnit unit = PeriodUnit.valueOf(row.get("unit"));
        List<LegalPeriod> periods = RuleSets.current().evaluate(List.of(
                new LifecycleFacts(law, law, Category.WORKS, ProcurementMethod.OPEN, true, false),
                new PeriodQuery(row.get("period")))).all(LegalPeriod.class);
        assertThat(periods).as("%s: one period '%s' under %s", row, row.get("period"), law).singleElement()
                .satisfies(p -> {
                    assertThat(p.by().rule()).isEqualTo(row.rule());
                    assertThat(p.by().citation()).isEqualTo(row.get("citation"));
                    assertThat(p.length()).isEqualTo(length);
                    assertThat(p.unit()).isEqualTo(unit);
                    assertThat(p.countedFromEndOf()).isEqualTo(row.has("counted from the end of")
                            ? row.get("counted from the end of") : null);
                    for (LocalDate start : STARTS) {
                        LocalDate end = calendar.periodEnd(start, p.length(), p.unit());
                        LocalDate shorter = calendar.periodEnd(start, length - 1, unit);
                        LocalDate longer = calendar.periodEnd(start, length + 1, unit);
                        if (unit == PeriodUnit.WORKING_DAYS) {
                            assertThat(counted(calendar, start, end)).as("%s from %s: working days up to its end",
                                    row, start).isEqualTo(length);
                            assertThat(calendar.isWorkingDay(end)).as("%s ends on a working day", row).isTrue();
                        } else {
                            // CC 201, 203: the start day not counted; a last day that is a rest day rolls over
                            assertThat(end).as("%s from %s", row, start).isAfterOrEqualTo(start.plusDays(length));
                            for (LocalDate d = start.plusDays(length); d.isBefore(end); d = d.plusDays(1)) {
                                assertThat(calendar.isWorkingDay(d)).as("%s from %s: rolled over %s", row, start, d)
                                        .isFalse();
                            }
                        }
                        // one unit less ends earlier, one more later; calendar days only where none rolls over
                        boolean rolled = unit == PeriodUnit.CALENDAR_DAYS && !(end.equals(start.plusDays(length))
                                && shorter.equals(start.plusDays(length - 1))
                                && longer.equals(start.plusDays(length + 1)));
                        if (!rolled) {
                            assertThat(shorter).as("%s from %s: %d %s end earlier", row, start, length - 1, unit)
                                    .isBefore(end);
                            assertThat(longer).as("%s from %s: %d %s end later", row, start, length + 1, unit)
                                    .isAfter(end);
                        } else {
                            assertThat(shorter).isBeforeOrEqualTo(end);
                            assertThat(longer).isAfterOrEqualTo(end);
                        }
                    }
                });
    }

    /** The working days between {@code start} (not counted) and {@code end} (counted), day by day. */
    private static int counted(LegalCalendar calendar, LocalDate start, LocalDate end) {
        int n = 0;
        for (LocalDate d = start.plusDays(1); !d.isAfter(end); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }
}

package io.huitong.shared.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huitong.support.RuleSets;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Counting legal periods per docs/rules.md X11, with the 2026 holiday arrangement of the project's rules. */
class LegalCalendarTest {

    private final LegalCalendar calendar = RuleSets.current().policy().calendar();

    private static LocalDate d(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    @Test
    void the_start_day_is_not_counted() {
        assertThat(calendar.periodEnd(d(2026, 12, 2), 20, PeriodUnit.CALENDAR_DAYS)).isEqualTo(d(2026, 12, 22));
        assertThat(calendar.periodEnd(d(2026, 12, 2), 0, PeriodUnit.CALENDAR_DAYS)).isEqualTo(d(2026, 12, 2));
    }

    @Test
    void a_calendar_day_period_ending_on_a_rest_day_ends_on_the_next_working_day() {
        assertThat(calendar.periodEnd(d(2026, 12, 6), 20, PeriodUnit.CALENDAR_DAYS)).isEqualTo(d(2026, 12, 28));
        assertThat(calendar.periodEnd(d(2026, 9, 11), 20, PeriodUnit.CALENDAR_DAYS)).isEqualTo(d(2026, 10, 8));
        assertThat(calendar.periodEnd(d(2026, 1, 29), 20, PeriodUnit.CALENDAR_DAYS))
                .as("20 days from 29 January end on 18 February, in the Spring Festival (15–23 February)")
                .isEqualTo(d(2026, 2, 24));
    }

    @Test
    void a_make_up_workday_is_a_working_day() {
        assertThat(calendar.isWorkingDay(d(2026, 10, 10))).isTrue();
        assertThat(calendar.isWorkingDay(d(2026, 2, 14))).isTrue();
        assertThat(calendar.isWorkingDay(d(2026, 10, 11))).isFalse();
        assertThat(calendar.periodEnd(d(2026, 9, 20), 20, PeriodUnit.CALENDAR_DAYS)).isEqualTo(d(2026, 10, 10));
    }

    @Test
    void working_days_skip_weekends_and_days_off() {
        assertThat(calendar.periodEnd(d(2026, 12, 4), 3, PeriodUnit.WORKING_DAYS)).isEqualTo(d(2026, 12, 9));
        assertThat(calendar.periodEnd(d(2026, 9, 30), 3, PeriodUnit.WORKING_DAYS)).isEqualTo(d(2026, 10, 10));
        assertThat(calendar.periodEnd(d(2026, 9, 30), 5, PeriodUnit.WORKING_DAYS)).isEqualTo(d(2026, 10, 13));
    }

    @Test
    void latest_day_before_a_deadline() {
        assertThat(calendar.latestBefore(d(2026, 12, 21), 15, PeriodUnit.CALENDAR_DAYS)).isEqualTo(d(2026, 12, 6));
        // acting on Sunday 6 December leaves 7, 8, 9, 10 and 11 December: five working days
        assertThat(calendar.latestBefore(d(2026, 12, 11), 5, PeriodUnit.WORKING_DAYS)).isEqualTo(d(2026, 12, 6));
        assertThat(calendar.periodEnd(d(2026, 12, 6), 5, PeriodUnit.WORKING_DAYS)).isEqualTo(d(2026, 12, 11));
        // the National Day holiday does not count: two working days before 9 October begin after 7 October
        assertThat(calendar.latestBefore(d(2026, 10, 9), 2, PeriodUnit.WORKING_DAYS)).isEqualTo(d(2026, 10, 7));
        assertThat(calendar.latestBefore(d(2026, 10, 9), 3, PeriodUnit.WORKING_DAYS)).isEqualTo(d(2026, 9, 29));
    }

    @Test
    void a_provisional_year_has_its_statutory_days_off() {
        assertThat(calendar.isPublished(2027)).isFalse();
        assertThat(calendar.isProvisional(2027)).isTrue();
        assertThat(calendar.isWorkingDay(d(2027, 1, 1))).isFalse();
        assertThat(calendar.isWorkingDay(d(2027, 2, 5))).as("除夕 2027").isFalse();
        assertThat(calendar.isWorkingDay(d(2027, 10, 4))).as("only 1–3 October are statutory").isTrue();
    }

    @Test
    void a_year_without_its_holiday_file_has_weekends_only() {
        assertThat(calendar.isPublished(2026)).isTrue();
        assertThat(calendar.isPublished(2028)).isFalse();
        assertThat(calendar.isProvisional(2028)).isFalse();
        assertThat(calendar.isWorkingDay(d(2028, 1, 3))).isTrue();
        assertThat(calendar.isWorkingDay(d(2028, 1, 1))).isFalse();
    }

    @Test
    void without_weekend_roll_over_only_days_off_move_a_period() {
        var holidaysOnly = new LegalCalendar(Set.of(d(2026, 10, 1)), Set.of(), Set.of(2026), false);
        assertThat(holidaysOnly.periodEnd(d(2026, 12, 6), 20, PeriodUnit.CALENDAR_DAYS)).isEqualTo(d(2026, 12, 26));
        assertThat(holidaysOnly.periodEnd(d(2026, 9, 11), 20, PeriodUnit.CALENDAR_DAYS)).isEqualTo(d(2026, 10, 2));
    }

    @Test
    void a_negative_period_is_a_programming_error() {
        assertThatThrownBy(() -> calendar.periodEnd(d(2026, 1, 1), -1, PeriodUnit.CALENDAR_DAYS))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

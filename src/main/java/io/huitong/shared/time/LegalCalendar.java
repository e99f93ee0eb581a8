package io.huitong.shared.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Counts legal periods the way the Civil Code does (docs/rules.md X11):
 * <ul>
 *   <li>CC 201: the start day is not counted;</li>
 *   <li>CC 203: a period whose last day is a rest day ends on the next working day;</li>
 *   <li>working days skip weekends and official days off, and include make-up workdays (调休上班).</li>
 * </ul>
 * Days off and make-up workdays come from the holiday files of a rule-set version; for a year without a file
 * only weekends are rest days. Whether a weekend counts as a 法定休假日 for CC 203 is open in the law [M]:
 * {@code rollOverWeekends} decides it.
 */
public final class LegalCalendar {

    private final Set<LocalDate> daysOff;
    private final Set<LocalDate> makeUpWorkdays;
    private final Set<Integer> publishedYears;
    private final Set<Integer> provisionalYears;
    private final boolean rollOverWeekends;

    public LegalCalendar(Set<LocalDate> daysOff, Set<LocalDate> makeUpWorkdays, Set<Integer> publishedYears,
            boolean rollOverWeekends) {
        this(daysOff, makeUpWorkdays, publishedYears, Set.of(), rollOverWeekends);
    }

    public LegalCalendar(Set<LocalDate> daysOff, Set<LocalDate> makeUpWorkdays, Set<Integer> publishedYears,
            Set<Integer> provisionalYears, boolean rollOverWeekends) {
        this.daysOff = Set.copyOf(daysOff);
        this.makeUpWorkdays = Set.copyOf(makeUpWorkdays);
        this.publishedYears = Set.copyOf(publishedYears);
        this.provisionalYears = Set.copyOf(provisionalYears);
        this.rollOverWeekends = rollOverWeekends;
    }

    public boolean isWorkingDay(LocalDate day) {
        if (makeUpWorkdays.contains(day)) {
            return true;
        }
        if (daysOff.contains(day)) {
            return false;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** Whether the official arrangement of days off for this year is in the calendar. */
    public boolean isPublished(int year) {
        return publishedYears.contains(year);
    }

    /** Whether this year holds only the statutory days off, its arrangement (调休) not yet published. */
    public boolean isProvisional(int year) {
        return provisionalYears.contains(year);
    }

    /**
     * The last day of a period of {@code length} units that starts on {@code start} (not counted). A period of
     * calendar days whose last day is a rest day ends on the next working day (CC 203).
     */
    public LocalDate periodEnd(LocalDate start, int length, PeriodUnit unit) {
        requireNonNegative(length);
        if (unit == PeriodUnit.WORKING_DAYS) {
            LocalDate day = start;
            int counted = 0;
            while (counted < length) {
                day = day.plusDays(1);
                if (isWorkingDay(day)) {
                    counted++;
                }
            }
            return day;
        }
        LocalDate end = start.plusDays(length);
        while (rollsOver(end)) {
            end = end.plusDays(1);
        }
        return end;
    }

    /**
     * The latest day on which something may happen so that at least {@code length} units still lie between it
     * (not counted) and {@code end}: "no later than 15 days before the deadline". Acting earlier is always
     * possible, so nothing rolls over.
     */
    public LocalDate latestBefore(LocalDate end, int length, PeriodUnit unit) {
        requireNonNegative(length);
        if (unit == PeriodUnit.CALENDAR_DAYS) {
            return end.minusDays(length);
        }
        LocalDate day = end;
        int counted = 0;
        while (counted < length) {
            if (isWorkingDay(day)) {
                counted++;
            }
            day = day.minusDays(1);
        }
        return day;
    }

    private boolean rollsOver(LocalDate day) {
        return rollOverWeekends ? !isWorkingDay(day) : daysOff.contains(day);
    }

    private static void requireNonNegative(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("a period cannot be negative: " + length);
        }
    }
}

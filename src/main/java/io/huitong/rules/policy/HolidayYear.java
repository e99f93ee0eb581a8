package io.huitong.rules.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * The official arrangement of days off (放假) and make-up workdays (调休上班) for one year. A provisional year
 * holds only the statutory days off of 《全国年节及纪念日放假办法》 until the State Council publishes its
 * arrangement.
 */
public record HolidayYear(int year, String source, Boolean provisional, List<DaysOff> daysOff,
        List<Workday> workdays) {

    public boolean isProvisional() {
        return Boolean.TRUE.equals(provisional);
    }

    /** A block of days off, both ends included. */
    public record DaysOff(LocalDate from, LocalDate to, String name) {
    }

    /** A weekend day that is a working day. */
    public record Workday(LocalDate date, String name) {
    }
}

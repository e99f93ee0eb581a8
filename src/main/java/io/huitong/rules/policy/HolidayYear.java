package io.huitong.rules.policy;

import java.time.LocalDate;
import java.util.List;

/** The official arrangement of days off (放假) and make-up workdays (调休上班) for one year. */
public record HolidayYear(int year, String source, List<DaysOff> daysOff, List<Workday> workdays) {

    /** A block of days off, both ends included. */
    public record DaysOff(LocalDate from, LocalDate to, String name) {
    }

    /** A weekend day that is a working day. */
    public record Workday(LocalDate date, String name) {
    }
}

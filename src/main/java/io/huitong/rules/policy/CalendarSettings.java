package io.huitong.rules.policy;

/**
 * Calendar settings: whether a calendar-day period ending on a weekend rolls over to the next working day
 * (CC 203 speaks of 法定休假日; whether a weekend is one is open, docs/rules.md X11 [M]).
 */
public record CalendarSettings(boolean rollOverWeekends) {
}

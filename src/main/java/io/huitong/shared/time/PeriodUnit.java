package io.huitong.shared.time;

/** The unit a legal period is counted in (X5: "5 日" and "5 个工作日" are different periods). */
public enum PeriodUnit {
    /** 日: calendar days. */
    CALENDAR_DAYS("日", "days"),
    /** 工作日: working days, after the holiday calendar of the rule-set version. */
    WORKING_DAYS("个工作日", "working days");

    private final String zh;
    private final String en;

    PeriodUnit(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}

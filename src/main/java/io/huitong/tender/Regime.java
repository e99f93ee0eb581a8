package io.huitong.tender;

/** The two legal regimes a tender runs under; each has its own rules and calendar. */
public enum Regime {
    /** 招标投标法 (TBL/TBR): engineering tendering. */
    TENDERING_LAW,
    /** 政府采购法 (GPL/GPR/O87): government procurement. */
    GOVERNMENT_PROCUREMENT
}

package io.huitong.bidding;

/** Enterprise size as declared in the 中小企业声明函 (SME46 11): the only proof of SME status (H15). */
public enum SmeSize {
    LARGE, MEDIUM, SMALL, MICRO;

    /** Small and micro firms are treated the same for price deductions (H12). */
    public boolean isSmallOrMicro() {
        return this == SMALL || this == MICRO;
    }

    public boolean isSme() {
        return this != LARGE;
    }
}

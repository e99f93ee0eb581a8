package io.huitong.tender;

/** How a bid bond (投标保证金) may be given. */
public enum BondForm {
    /** 现金. */
    CASH,
    /** 支票. */
    CHEQUE,
    /** 银行保函. */
    BANK_GUARANTEE,
    /** 电子保函. */
    E_GUARANTEE,
    /** 保证保险. */
    INSURANCE_GUARANTEE;

    /** A letter of guarantee of any kind (保函), which CK38 §3 says suppliers must be free to choose. */
    public boolean isGuarantee() {
        return this == BANK_GUARANTEE || this == E_GUARANTEE || this == INSURANCE_GUARANTEE;
    }
}

package io.huitong.tender;

/** How a bid bond (投标保证金) may be given. */
public enum BondForm {
    CASH("现金"),
    CHEQUE("支票"),
    BANK_GUARANTEE("银行保函"),
    E_GUARANTEE("电子保函"),
    INSURANCE_GUARANTEE("保证保险");

    private final String zh;

    BondForm(String zh) {
        this.zh = zh;
    }

    /** The form's name in Chinese (现金, 电子保函, ...). */
    public String zh() {
        return zh;
    }

    /** A letter of guarantee of any kind (保函), which CK38 §3 says suppliers must be free to choose. */
    public boolean isGuarantee() {
        return this == BANK_GUARANTEE || this == E_GUARANTEE || this == INSURANCE_GUARANTEE;
    }
}

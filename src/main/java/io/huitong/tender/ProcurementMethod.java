package io.huitong.tender;

/** 采购方式 / 招标方式. Only OPEN and INVITATION are tendering (TBL 10). */
public enum ProcurementMethod {
    /** 公开招标. */
    OPEN,
    /** 邀请招标. */
    INVITATION,
    /** 竞争性谈判. */
    COMPETITIVE_NEGOTIATION,
    /** 单一来源. */
    SINGLE_SOURCE,
    /** 询价. */
    PRICE_INQUIRY;

    public boolean isTendering() {
        return this == OPEN || this == INVITATION;
    }
}

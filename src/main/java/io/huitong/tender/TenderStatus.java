package io.huitong.tender;

/** Where a tender stands. Registration covers the first three; the lifecycle adds the rest. */
public enum TenderStatus {
    /** 待审批: registered, its approval route running. */
    PENDING_APPROVAL("待审批", "Pending approval"),
    /** 已批准: every step of the route approved. */
    APPROVED("已批准", "Approved"),
    /** 已退回: a step returned it to the purchaser with reasons. */
    RETURNED("已退回", "Returned");

    private final String zh;
    private final String en;

    TenderStatus(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String label() {
        return zh + " / " + en;
    }
}

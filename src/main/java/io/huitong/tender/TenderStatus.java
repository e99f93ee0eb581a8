package io.huitong.tender;

/** Where a tender stands, from registration to archive. */
public enum TenderStatus {
    /** 待审批: registered, its approval route running. */
    PENDING_APPROVAL("待审批", "Pending approval"),
    /** 已退回: a step returned it to the purchaser with reasons. */
    RETURNED("已退回", "Returned"),
    /** 已批准: approved; the announcement waits for the day the documents are issued. */
    APPROVED("已批准", "Approved"),
    /** 招标中: announced, documents issued, bids accepted until the deadline. */
    BIDDING("招标中", "Open for bids"),
    /** 暂停: an objection or challenge suspends the procedure until it is answered (TBR 22). */
    SUSPENDED("暂停（异议处理中）", "Suspended for an objection"),
    /** 已截标: the bid deadline has passed. */
    CLOSED("已截标", "Bids closed"),
    /** 已开标. */
    OPENED("已开标", "Opened"),
    /** 评标中. */
    EVALUATING("评标中", "Under evaluation"),
    /** 中标候选人公示 (Tendering Law). */
    PUBLICITY("中标候选人公示", "Candidates publicised"),
    /** 定标中: the purchaser determines the winner (government procurement). */
    AWARDING("定标中", "Winner being determined"),
    /** 已发中标通知书. */
    AWARDED("已定标", "Awarded"),
    /** 已签订合同. */
    CONTRACTED("已签订合同", "Contract signed"),
    /** 已归档. */
    ARCHIVED("已归档", "Archived"),
    /** 流标/废标: failed; re-tender or another method. */
    FAILED("流标/废标", "Failed"),
    /** 变更采购方式: another method was approved after the failure. */
    METHOD_CHANGED("已变更采购方式", "Method changed"),
    /** 终止招标. */
    TERMINATED("已终止", "Terminated");

    private final String zh;
    private final String en;

    TenderStatus(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String label() {
        return zh + " / " + en;
    }

    /** Still running: the procedure may be terminated (C10). */
    public boolean isTerminable() {
        return switch (this) {
            case APPROVED, BIDDING, SUSPENDED, CLOSED, OPENED, EVALUATING, PUBLICITY, AWARDING, FAILED -> true;
            default -> false;
        };
    }
}

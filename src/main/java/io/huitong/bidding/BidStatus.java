package io.huitong.bidding;

/** Where a bid stands. */
public enum BidStatus {
    /** 已递交: sealed until the opening. */
    SUBMITTED,
    /**
     * 已撤回: withdrawn by the bidder before the deadline (TBL 29), or deemed withdrawn when its file could not be
     * decrypted for a reason outside the bidder (EB20 31): its bond is refunded.
     */
    WITHDRAWN,
    /** 视为撤销: not decrypted through the bidder's fault (EB20 31); the tenderer may keep the bond (TBR 35). */
    REVOKED,
    /** 有效: opened and not rejected. */
    VALID,
    /** 无效: rejected at opening or in the review, with the reason and its article. */
    INVALID
}

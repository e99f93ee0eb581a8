package io.huitong.bidding;

/** Where a bid stands. */
public enum BidStatus {
    /** 已递交: sealed until the opening. */
    SUBMITTED,
    /** 已撤回: withdrawn by the bidder before the deadline (TBL 29). */
    WITHDRAWN,
    /** 有效: opened and not rejected. */
    VALID,
    /** 无效: rejected at opening or in the review, with the reason and its article. */
    INVALID
}

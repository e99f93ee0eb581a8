package io.huitong.bidding;

/** Whose fault it is that a bid file could not be decrypted (EB20 31). */
public enum DecryptionFault {
    /** 投标人原因: the bidder's file cannot be opened with its own password, or does not hold a bid. */
    BIDDER,
    /** 投标人之外的原因: the platform (a damaged copy, an outage) or anyone else. */
    PLATFORM
}

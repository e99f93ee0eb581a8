package io.huitong.bidding;

import io.huitong.tender.Regime;

/** A bid whose file was not decrypted when the window closed, as the opening rules see it (EB20 31). */
public record UndecryptedBid(Regime law, String bidId, String bidderName, boolean holdsBond, DecryptionFault fault,
        String note) {

    /** Whether anyone but the bidder caused it: a recorded platform fault. Nothing recorded is the bidder's. */
    public boolean isOutsideTheBidder() {
        return fault == DecryptionFault.PLATFORM;
    }
}

package io.huitong.bidding;

import java.time.Instant;

/**
 * What happens at an opening, as it happens, for the public feed (EB20 32): a bidder decrypted its bid, a bid could
 * not be decrypted (and whose fault it was), or the bids were opened. Nothing of a bid's content travels here.
 */
public record OpeningEvent(String tenderId, int round, Kind kind, String bidderName, String detail, Instant at) {

    public enum Kind {
        DECRYPTED, DECRYPTION_FAILED, OPENED
    }
}

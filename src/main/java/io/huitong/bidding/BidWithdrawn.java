package io.huitong.bidding;

/** Published when a bidder withdraws a bid that holds a bond: the bond falls due for refund. */
public record BidWithdrawn(String tenderId, String bidId) {
}

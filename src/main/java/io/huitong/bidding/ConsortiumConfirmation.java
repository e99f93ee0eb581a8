package io.huitong.bidding;

import java.time.Instant;

/**
 * A member of a consortium bid confirms, through its own account and before the deadline, that it bids in that
 * consortium: its part of the joint bidding agreement the bid must carry (TBL 31; GPL 24).
 */
public record ConsortiumConfirmation(String bidId, String memberId, String confirmedBy, Instant confirmedAt) {
}

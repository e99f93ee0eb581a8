package io.huitong.shared.party;

import java.time.Instant;

/** A bidder account and the one trading entity it acts for: its unified social credit code and name. */
public record BidderAccount(String userId, String creditCode, String name, Instant updatedAt, String updatedBy) {
}

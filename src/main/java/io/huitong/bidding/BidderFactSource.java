package io.huitong.bidding;

import java.util.List;

/**
 * Facts another module adds to a bid's decisions: at submission, from what the bidder declares in the clear (its
 * credit code: registry facts about it are public and read nothing sealed); at the opening, from the decrypted bid
 * files (what they name: a project manager). The decision records keep them under {@code registry}, keyed by the
 * fact's type, so that a decision is decided again on the same facts ({@link #factTypes}).
 */
public interface BidderFactSource {

    /** Facts for the submission's rules about the bid's bidder. */
    List<Object> atSubmission(String tenderId, BidFacts bid);

    /** Facts for the opening's rules about the decrypted bids of the round. */
    List<Object> atOpening(String tenderId, List<DecryptedBid> bids);

    /** The record types of the facts it adds, by which a kept decision reads them back. */
    List<Class<? extends Record>> factTypes();
}

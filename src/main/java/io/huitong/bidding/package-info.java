/**
 * Bids (投标): submission until the deadline, the bond checked against the tender's registration decision,
 * the bidder's eligibility decided by rules (debarment, the 3-year look-back, agency and platform conflicts),
 * and at opening the checks that concern several bidders (related bidders, consortium overlap), so that
 * nothing about other bidders is known before the deadline (TBL 22).
 *
 * <p>Where things are: {@link io.huitong.bidding.Bid} is the aggregate, changed only through its guarded
 * transitions and saved by {@code Bids}. One class per use case: {@code BidSubmission} (submit, replace, withdraw,
 * consortium confirmations), {@code BidDecryption} (the window, faults, progress), {@code Opening} (the opening
 * rules and record), {@code CollusionCases} (flags, decisions, reports), {@code BidReview} (the committee's
 * rejections and scores), {@code BondRefunds} and {@code LateFees}. {@link io.huitong.bidding.BidService} is what
 * other modules ask of bidding; the rules' facts and outputs are the records beside them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "certification", "credit", "guarantee", "rules",
        "rules :: policy", "tender", "tender :: registration", "shared", "shared :: *" })
package io.huitong.bidding;

/**
 * Bids (投标): submission until the deadline, the bond checked against the tender's registration decision,
 * the bidder's eligibility decided by rules (debarment, the 3-year look-back, agency and platform conflicts),
 * and at opening the checks that concern several bidders (related bidders, consortium overlap), so that
 * nothing about other bidders is known before the deadline (TBL 22).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "credit", "guarantee", "rules",
        "rules :: policy", "tender", "tender :: registration", "shared", "shared :: *" })
package io.huitong.bidding;

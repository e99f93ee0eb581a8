package io.huitong.bidding;

import io.huitong.tender.Regime;
import java.util.List;

/**
 * A bid at opening, as the opening rules see it. {@code consortiumMembers} are the members the bid names,
 * {@code confirmedMembers} those of them that confirmed it through their own accounts before the deadline (the joint
 * bidding agreement, TBL 31; GPL 24); {@code parties} are the bidder and its confirmed members only: a company named
 * without its consent is no party to the bid.
 */
public record OpenedBid(Regime law, String bidId, String bidderId, String bidderName, List<String> parties,
        List<String> consortiumMembers, List<String> confirmedMembers, String legalRepresentative,
        String legalRepresentativeIdNo) {

    /**
     * The legal representative's identity: the ID number, upper case and without blanks, or null where the bid
     * gives none. Only a number identifies a person.
     */
    public String getRepresentativeId() {
        return legalRepresentativeIdNo == null || legalRepresentativeIdNo.isBlank() ? null
                : legalRepresentativeIdNo.replaceAll("\\s", "").toUpperCase();
    }

    /** The legal representative's name without blanks: evidence, never an identity. */
    public String getRepresentativeName() {
        return legalRepresentative == null ? "" : legalRepresentative.replaceAll("\\s", "");
    }

    public boolean isConsortium() {
        return !consortiumMembers.isEmpty();
    }

    /** The members the bid names that did not confirm it. */
    public List<String> getUnconfirmedMembers() {
        return consortiumMembers.stream().filter(m -> !confirmedMembers.contains(m)).toList();
    }

    /** Every member the bid names confirmed it: the joint bidding agreement is complete. */
    public boolean isAgreed() {
        return confirmedMembers.containsAll(consortiumMembers);
    }
}

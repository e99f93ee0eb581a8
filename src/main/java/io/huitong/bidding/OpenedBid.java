package io.huitong.bidding;

import io.huitong.tender.Regime;
import java.util.List;

/** A bid at opening, as the opening rules see it. */
public record OpenedBid(Regime law, String bidId, String bidderId, String bidderName, List<String> parties,
        List<String> consortiumMembers, String legalRepresentative, String legalRepresentativeIdNo) {

    /**
     * Who the legal representative is: the ID number where the bid gives one, else the name. Two people of one
     * name are not one person, so a name matches only a bid that gives no number either.
     */
    public String getRepresentative() {
        return legalRepresentativeIdNo == null || legalRepresentativeIdNo.isBlank()
                ? "name:" + legalRepresentative.strip() : "id:" + legalRepresentativeIdNo.strip().toUpperCase();
    }

    public boolean isConsortium() {
        return !consortiumMembers.isEmpty();
    }
}

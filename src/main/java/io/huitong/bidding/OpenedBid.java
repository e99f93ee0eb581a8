package io.huitong.bidding;

import io.huitong.tender.Regime;
import java.util.List;

/** A bid at opening, as the opening rules see it. */
public record OpenedBid(Regime law, String bidId, String bidderId, String bidderName, List<String> parties,
        List<String> consortiumMembers, String legalRepresentative) {

    public boolean isConsortium() {
        return !consortiumMembers.isEmpty();
    }
}

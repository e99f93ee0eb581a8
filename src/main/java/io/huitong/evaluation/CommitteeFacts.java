package io.huitong.evaluation;

import io.huitong.tender.Regime;
import java.math.BigDecimal;
import java.util.Set;

/** A committee as the composition rules see it. */
public record CommitteeFacts(Regime law, Regime regime, boolean mustTender, BigDecimal estimatedAmount, int size,
        int experts, int chairs, boolean chairIsPurchaserRepresentative) {

    /** The tenderer's (purchaser's) representatives: every member who is not an expert. */
    public int getRepresentatives() {
        return size - experts;
    }

    public boolean isOdd() {
        return size % 2 == 1;
    }

    /** The tenderer (招标人) or purchaser (采购人) named with the committee, by its credit code. */
    public record Tenderer(String partyId) {
    }

    /**
     * A member sitting as an expert, as the expert pool records where the member works: the employer, and the
     * parties with which the member holds a post on the day.
     */
    public record ExpertMember(String userId, String employerId, Set<String> posts) {

        public boolean worksFor(String partyId) {
            return partyId.equals(employerId) || posts.contains(partyId);
        }
    }

    /**
     * A member sitting as an expert, and whether the pool of evaluation experts holds it (the expert group of the
     * identity service): {@code rules/evaluation/expert-pool.drl} decides whether it may sit.
     */
    public record ExpertSeat(String userId, boolean inPool) {
    }
}

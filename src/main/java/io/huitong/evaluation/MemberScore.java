package io.huitong.evaluation;

import java.math.BigDecimal;

/**
 * One sitting member's technical score of one bid as the review rules see it: how far it lies from the median of
 * the members' scores of that bid, as a share of the most points a member may give.
 */
public record MemberScore(String bidId, String bidderName, String memberId, String memberName, BigDecimal technical,
        BigDecimal median, BigDecimal deviationShare, int members) {
}

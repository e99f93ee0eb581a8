package io.huitong.rules.policy;

import java.util.List;

/**
 * How an approval route is assembled: {@code order} lists every group that can appear in a route, in the
 * order the steps run; {@code signOffLevels} are the centre's internal levels by amount.
 */
public record ApprovalRoutePolicy(List<String> order, List<SignOffLevel> signOffLevels) {

    /** The position of a group in the route; groups not listed run last, in the order rules named them. */
    public int position(String group) {
        int i = order.indexOf(group);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}

package io.huitong.bench.lifecycle;

import java.util.Map;

/**
 * The people of one tender's lifecycle, automated: purchaser, approvers, bidders, clerk, the committee, finance.
 * One implementation goes through HTTP as their portals and Tasklist do, the other calls the service layer.
 */
public interface Actors {

    /** Registers the project; returns the tender id and the approval route's groups. */
    Registered register(String json) throws Exception;

    record Registered(String tenderId, java.util.List<String> route) {
    }

    /** The demo user who decides each approval step, by candidate group. */
    Map<String, String> APPROVER = Map.of("registration-clerk", "clerk", "centre-director", "director",
            "supervisor", "supervisor", "finance-department", "finance", "project-approval-authority", "approval");

    void approve(String tenderId, String group) throws Exception;

    /** The bidder's account submits a bid (the request body as its portal sends it); returns the bid id. */
    String bid(String tenderId, String bidder, String json) throws Exception;

    void decrypt(String tenderId, String bidder, String bidId, String password) throws Exception;

    /** The clerk records the committee (the members' JSON array). */
    void committee(String tenderId, String membersJson) throws Exception;

    /** The chair's review: every bid qualifies. */
    void review(String tenderId, String chair) throws Exception;

    void score(String tenderId, String member, Map<String, Integer> scoreByBidId) throws Exception;

    void sign(String tenderId, String member) throws Exception;

    /** The bid ranked first by the committee. */
    String rankOne(String tenderId) throws Exception;

    void award(String tenderId, String bidId) throws Exception;

    /** Completes the tender's open task of that key as the user, as Tasklist does. */
    void complete(String tenderId, String user, String taskKey) throws Exception;

    String status(String tenderId) throws Exception;
}

package io.huitong.remote;

/** Names shared with {@code processes/remote-evaluation.bpmn}: defined once. */
public final class RemoteProcess {

    public static final String KEY = "remote-evaluation";
    public static final String SETTLEMENT = "remote-settlement";

    // variables
    public static final String EVALUATION_ID = "evaluationId";
    public static final String MAIN_GROUP = "mainGroup";
    public static final String PARTNER_CENTRE = "partnerCentre";
    public static final String VENUE_ID = "venueId";
    public static final String SEAT_ID = "seatId";

    // messages
    public static final String LINK_DOWN = "linkDown";
    public static final String LINK_RESTORED = "linkRestored";
    public static final String MEMBER_REPLACED = "memberReplaced";
    public static final String EVALUATION_CONFIRMED = "evaluationConfirmed";

    // errors
    public static final String POOL_EXHAUSTED = "poolExhausted";

    // user tasks
    public static final String PLAN = "planEvaluation";
    public static final String ANSWER_REQUEST = "answerRequest";
    public static final String ADD_PARTNERS = "addPartners";
    public static final String WIDEN_POOL = "widenPool";
    public static final String PREPARE_VENUE = "prepareVenue";
    public static final String SIGN_IN = "signIn";
    public static final String SIGN_IN_REPLACEMENT = "signInReplacement";
    public static final String LINK_DECISION = "tendererLinkDecision";
    public static final String RESCHEDULE = "reschedule";
    public static final String CONFIRM = "confirmResult";
    public static final String HAND_BACK = "handBackRecords";

    private RemoteProcess() {
    }
}

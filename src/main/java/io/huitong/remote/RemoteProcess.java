package io.huitong.remote;

import io.huitong.shared.workflow.ModelElement;

/** Names shared with {@code processes/remote-evaluation.bpmn}: defined once. */
public final class RemoteProcess {

    @ModelElement(process = "remote-evaluation", kind = ModelElement.Kind.PROCESS)
    public static final String KEY = "remote-evaluation";
    @ModelElement(process = "remote-settlement", kind = ModelElement.Kind.PROCESS)
    public static final String SETTLEMENT = "remote-settlement";

    // variables
    public static final String EVALUATION_ID = "evaluationId";
    public static final String MAIN_GROUP = "mainGroup";
    public static final String PARTNER_CENTRE = "partnerCentre";
    public static final String VENUE_ID = "venueId";
    public static final String SEAT_ID = "seatId";

    // messages
    @ModelElement(process = "remote-evaluation", kind = ModelElement.Kind.MESSAGE)
    public static final String LINK_DOWN = "linkDown";
    @ModelElement(process = "remote-evaluation", kind = ModelElement.Kind.MESSAGE)
    public static final String LINK_RESTORED = "linkRestored";
    @ModelElement(process = "remote-evaluation", kind = ModelElement.Kind.MESSAGE)
    public static final String MEMBER_REPLACED = "memberReplaced";
    @ModelElement(process = "remote-evaluation", kind = ModelElement.Kind.MESSAGE)
    public static final String JOINT_DRAW_REVEALED = "jointDrawRevealed";
    @ModelElement(process = "remote-settlement", kind = ModelElement.Kind.MESSAGE)
    public static final String EVALUATION_CONFIRMED = "evaluationConfirmed";

    // errors
    @ModelElement(process = "remote-evaluation", kind = ModelElement.Kind.ERROR)
    public static final String POOL_EXHAUSTED = "poolExhausted";

    // user tasks
    @ModelElement(process = "remote-evaluation", kind = ModelElement.Kind.USER_TASK)
    public static final String PLAN = "planEvaluation";
    @ModelElement(process = "remote-evaluation", kind = ModelElement.Kind.USER_TASK)
    public static final String ANSWER_REQUEST = "answerRequest";
    @ModelElement(process = "remote-evaluation", kind = ModelElement.Kind.USER_TASK)
    public static final String ADD_PARTNERS = "addPartners";
    @ModelElement(process = "remote-evaluation", kind = ModelElement.Kind.USER_TASK)
    public static final String WIDEN_POOL = "widenPool";
    @ModelElement(process = "remote-evaluation", kind = ModelElement.Kind.USER_TASK)
    public static final String PREPARE_VENUE = "prepareVenue";
    @ModelElement(process = "remote-evaluation", kind = ModelElement.Kind.USER_TASK)
    public static final String SIGN_IN = "signIn";
    @ModelElement(process = "remote-evaluation", kind = ModelElement.Kind.USER_TASK)
    public static final String SIGN_IN_REPLACEMENT = "signInReplacement";
    @ModelElement(process = "remote-evaluation", kind = ModelElement.Kind.USER_TASK)
    public static final String LINK_DECISION = "tendererLinkDecision";
    @ModelElement(process = "remote-evaluation", kind = ModelElement.Kind.USER_TASK)
    public static final String RESCHEDULE = "reschedule";
    @ModelElement(process = "remote-evaluation", kind = ModelElement.Kind.USER_TASK)
    public static final String CONFIRM = "confirmResult";
    @ModelElement(process = "remote-settlement", kind = ModelElement.Kind.USER_TASK)
    public static final String HAND_BACK = "handBackRecords";

    private RemoteProcess() {
    }
}

package io.huitong.remote;

import io.huitong.shared.workflow.ModelElement;

/** Names shared with {@code processes/partner-venue.bpmn}: defined once. */
public final class PartnerVenueProcess {

    @ModelElement(process = "partner-venue", kind = ModelElement.Kind.PROCESS)
    public static final String KEY = "partner-venue";

    // variables
    public static final String ENGAGEMENT_ID = "engagementId";
    public static final String PARTNER_GROUP = "partnerGroup";
    public static final String MAIN_CENTRE = "mainCentre";

    // messages
    @ModelElement(process = "partner-venue", kind = ModelElement.Kind.MESSAGE)
    public static final String COMMITTEE_DRAWN = "committeeDrawn";
    @ModelElement(process = "partner-venue", kind = ModelElement.Kind.MESSAGE)
    public static final String EVALUATION_CONFIRMED = "evaluationConfirmed";
    @ModelElement(process = "partner-venue", kind = ModelElement.Kind.MESSAGE)
    public static final String COMPENSATION_SETTLED = "compensationSettled";
    @ModelElement(process = "partner-venue", kind = ModelElement.Kind.MESSAGE)
    public static final String REQUEST_WITHDRAWN = "requestWithdrawn";

    // user tasks
    @ModelElement(process = "partner-venue", kind = ModelElement.Kind.USER_TASK)
    public static final String ANSWER_REQUEST = "answerRequest";
    @ModelElement(process = "partner-venue", kind = ModelElement.Kind.USER_TASK)
    public static final String PREPARE_VENUE = "prepareVenue";
    @ModelElement(process = "partner-venue", kind = ModelElement.Kind.USER_TASK)
    public static final String SIGN_IN = "signIn";
    @ModelElement(process = "partner-venue", kind = ModelElement.Kind.USER_TASK)
    public static final String HAND_BACK = "handBackRecords";

    private PartnerVenueProcess() {
    }
}

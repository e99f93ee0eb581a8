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

    // messages: their names are the engine's, across every model (remote-settlement starts on evaluationConfirmed)
    @ModelElement(process = "partner-venue", kind = ModelElement.Kind.MESSAGE)
    public static final String COMMITTEE_DRAWN = "partnerCommitteeDrawn";
    @ModelElement(process = "partner-venue", kind = ModelElement.Kind.MESSAGE)
    public static final String EVALUATION_CONFIRMED = "partnerEvaluationConfirmed";
    @ModelElement(process = "partner-venue", kind = ModelElement.Kind.MESSAGE)
    public static final String COMPENSATION_SETTLED = "partnerCompensationSettled";
    @ModelElement(process = "partner-venue", kind = ModelElement.Kind.MESSAGE)
    public static final String SCORING_OPENED = "partnerScoringOpened";
    @ModelElement(process = "partner-venue", kind = ModelElement.Kind.MESSAGE)
    public static final String REPORT_READY = "partnerReportReady";
    @ModelElement(process = "partner-venue", kind = ModelElement.Kind.MESSAGE)
    public static final String REQUEST_WITHDRAWN = "partnerRequestWithdrawn";

    // user tasks
    @ModelElement(process = "partner-venue", kind = ModelElement.Kind.USER_TASK)
    public static final String ANSWER_REQUEST = "answerRequest";
    @ModelElement(process = "partner-venue", kind = ModelElement.Kind.USER_TASK)
    public static final String PREPARE_VENUE = "prepareVenue";
    @ModelElement(process = "partner-venue", kind = ModelElement.Kind.USER_TASK)
    public static final String SIGN_IN = "signIn";
    @ModelElement(process = "partner-venue", kind = ModelElement.Kind.USER_TASK)
    public static final String SCORE_BIDS = "scoreBids";
    @ModelElement(process = "partner-venue", kind = ModelElement.Kind.USER_TASK)
    public static final String SIGN_REPORT = "signReport";
    @ModelElement(process = "partner-venue", kind = ModelElement.Kind.USER_TASK)
    public static final String HAND_BACK = "handBackRecords";

    private PartnerVenueProcess() {
    }
}

package io.huitong.tender.workflow;

import io.huitong.shared.workflow.ModelElement;

/** Names shared with {@code processes/tender-registration.bpmn}: defined here once. */
public final class RegistrationProcess {

    /** The process definition key. The business key is the tender id. */
    @ModelElement(process = "tender-registration", kind = ModelElement.Kind.PROCESS)
    public static final String KEY = "tender-registration";
    /** The user task of each approval step (multi-instance, sequential). */
    @ModelElement(process = "tender-registration", kind = ModelElement.Kind.USER_TASK)
    public static final String APPROVAL_TASK = "approveRegistration";

    /** The tender's id. */
    public static final String TENDER_ID = "tenderId";
    /** The ordered candidate groups of the approval route (a list of strings). */
    public static final String APPROVAL_ROUTE = "approvalRoute";
    /** The candidate group of the current step (the multi-instance element variable). */
    public static final String APPROVER_GROUP = "approverGroup";
    /** Set by each step: true approves, false returns the registration. */
    public static final String APPROVED = "approved";
    /** The approver's comment; the reasons when returning. */
    public static final String COMMENT = "comment";
    /** The engine's counter of the multi-instance approval task, from 0 (steps count from 1). */
    public static final String LOOP_COUNTER = "loopCounter";

    private RegistrationProcess() {
    }
}

package io.huitong.lifecycle;

import io.huitong.shared.workflow.ModelElement;
import io.huitong.shared.workflow.ModelElement.Kind;

/**
 * Names shared with {@code processes/tender-lifecycle.bpmn}, the stage models it calls and
 * {@code local-evaluation.bpmn}: defined once.
 */
public final class LifecycleProcess {

    @ModelElement(process = "tender-lifecycle", kind = Kind.PROCESS)
    public static final String KEY = "tender-lifecycle";
    @ModelElement(process = "tender-bidding", kind = Kind.PROCESS)
    public static final String BIDDING = "tender-bidding";
    @ModelElement(process = "tender-opening", kind = Kind.PROCESS)
    public static final String OPENING = "tender-opening";
    @ModelElement(process = "tender-award", kind = Kind.PROCESS)
    public static final String AWARD = "tender-award";
    @ModelElement(process = "tender-contract", kind = Kind.PROCESS)
    public static final String CONTRACT = "tender-contract";
    @ModelElement(process = "tender-after-failure", kind = Kind.PROCESS)
    public static final String AFTER_FAILURE = "tender-after-failure";
    /** The stages {@code tender-lifecycle} calls, each a model of its own carrying the tender id as business key. */
    public static final java.util.Set<String> STAGES = java.util.Set.of(BIDDING, OPENING, AWARD, CONTRACT,
            AFTER_FAILURE);
    @ModelElement(process = "local-evaluation", kind = Kind.PROCESS)
    public static final String LOCAL_EVALUATION = "local-evaluation";
    @ModelElement(process = "remote-evaluation", kind = Kind.PROCESS)
    public static final String REMOTE_EVALUATION = "remote-evaluation";

    // variables
    public static final String TENDER_ID = "tenderId";
    public static final String LAW = "law";
    public static final String ROUND = "round";
    public static final String MINIMUM_BIDS = "minimumBids";
    public static final String NEW_DECISION_ID = "newDecisionId";
    public static final String EVALUATION_PROCESS = "evaluationProcess";
    public static final String METHOD_CHANGE_APPROVER = "methodChangeApprover";
    public static final String BID_COUNT = "bidCount";
    public static final String VALID_BID_COUNT = "validBidCount";
    public static final String EVALUATION_OUTCOME = "evaluationOutcome";
    public static final String NEXT_STEP = "nextStep";
    public static final String NEW_DOCUMENT_ISSUE_DATE = "newDocumentIssueDate";
    public static final String NEW_BID_DEADLINE = "newBidDeadline";
    public static final String NEW_METHOD = "newMethod";
    public static final String REASON = "reason";
    public static final String METHOD_CHANGE_APPROVED = "methodChangeApproved";
    public static final String WINNER_BID_ID = "winnerBidId";
    public static final String LOSERS_BONDS_HELD = "losersBondsHeld";
    public static final String BONDS_HELD = "bondsHeld";

    // messages
    @ModelElement(process = "tender-bidding", kind = Kind.MESSAGE)
    public static final String CLARIFICATION_ISSUED = "clarificationIssued";
    @ModelElement(process = "tender-bidding", kind = Kind.MESSAGE)
    public static final String OBJECTION_RAISED = "objectionRaised";
    @ModelElement(process = "tender-lifecycle", kind = Kind.MESSAGE)
    public static final String TENDER_TERMINATED = "tenderTerminated";
    @ModelElement(process = "tender-lifecycle", kind = Kind.MESSAGE)
    public static final String BOND_REFUND_DUE = "bondRefundDue";
    @ModelElement(process = "tender-opening", kind = Kind.MESSAGE)
    public static final String BIDS_DECRYPTED = "bidsDecrypted";

    // user tasks the API completes
    @ModelElement(process = "tender-bidding", kind = Kind.USER_TASK)
    public static final String ANSWER_OBJECTION = "answerObjection";
    @ModelElement(process = "tender-award", kind = Kind.USER_TASK)
    public static final String ANSWER_PUBLICITY_OBJECTION = "answerPublicityObjection";
    @ModelElement(process = "tender-after-failure", kind = Kind.USER_TASK)
    public static final String DECIDE_AFTER_FAILURE = "decideAfterFailure";
    @ModelElement(process = "tender-after-failure", kind = Kind.USER_TASK)
    public static final String APPROVE_METHOD_CHANGE = "approveMethodChange";
    @ModelElement(process = "tender-award", kind = Kind.USER_TASK)
    public static final String CHOOSE_WINNER = "chooseWinner";
    @ModelElement(process = "tender-award", kind = Kind.USER_TASK)
    public static final String DETERMINE_WINNER = "determineWinner";

    /** Whether a process definition (by its id, {@code key:version:id}) is the lifecycle or one of its stages. */
    public static boolean isLifecycle(String processDefinitionId) {
        String key = processDefinitionId == null ? "" : processDefinitionId.split(":")[0];
        return key.equals(KEY) || STAGES.contains(key);
    }

    @ModelElement(process = "tender-contract", kind = Kind.USER_TASK)
    public static final String SIGN_CONTRACT = "signContract";
    @ModelElement(process = "tender-contract", kind = Kind.USER_TASK)
    public static final String PUBLISH_CONTRACT = "publishContract";
    @ModelElement(process = "tender-contract", kind = Kind.USER_TASK)
    public static final String FILE_CONTRACT = "fileContract";
    @ModelElement(process = "tender-contract", kind = Kind.USER_TASK)
    public static final String REPORT_TO_SUPERVISOR = "reportToSupervisor";

    /** What the purchaser decides after a failure. */
    public enum NextStep {
        RETENDER, METHOD_CHANGE
    }

    private LifecycleProcess() {
    }
}

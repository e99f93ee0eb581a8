package io.huitong.lifecycle;

/**
 * Names shared with {@code processes/tender-lifecycle.bpmn}, the stage models it calls and
 * {@code local-evaluation.bpmn}: defined once.
 */
public final class LifecycleProcess {

    public static final String KEY = "tender-lifecycle";
    /** The stages {@code tender-lifecycle} calls, each a model of its own carrying the tender id as business key. */
    public static final java.util.Set<String> STAGES = java.util.Set.of("tender-bidding", "tender-opening",
            "tender-award", "tender-contract", "tender-after-failure");
    public static final String LOCAL_EVALUATION = "local-evaluation";
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
    public static final String CLARIFICATION_ISSUED = "clarificationIssued";
    public static final String OBJECTION_RAISED = "objectionRaised";
    public static final String TENDER_TERMINATED = "tenderTerminated";
    public static final String BOND_REFUND_DUE = "bondRefundDue";
    public static final String BIDS_DECRYPTED = "bidsDecrypted";

    // user tasks the API completes
    public static final String ANSWER_OBJECTION = "answerObjection";
    public static final String ANSWER_PUBLICITY_OBJECTION = "answerPublicityObjection";
    public static final String DECIDE_AFTER_FAILURE = "decideAfterFailure";
    public static final String APPROVE_METHOD_CHANGE = "approveMethodChange";
    public static final String CHOOSE_WINNER = "chooseWinner";
    public static final String DETERMINE_WINNER = "determineWinner";

    /** Whether a process definition (by its id, {@code key:version:id}) is the lifecycle or one of its stages. */
    public static boolean isLifecycle(String processDefinitionId) {
        String key = processDefinitionId == null ? "" : processDefinitionId.split(":")[0];
        return key.equals(KEY) || STAGES.contains(key);
    }

    /** What the purchaser decides after a failure. */
    public enum NextStep {
        RETENDER, METHOD_CHANGE
    }

    private LifecycleProcess() {
    }
}

package io.huitong.remote.steps;

import static io.huitong.remote.steps.StepInputs.evaluationId;
import static io.huitong.remote.steps.StepInputs.removeAnswers;
import static io.huitong.remote.steps.StepInputs.string;
import static io.huitong.remote.steps.StepInputs.text;

import io.huitong.remote.CommitteeDraw;
import io.huitong.remote.LinkFailures;
import io.huitong.remote.MemberReplacement;
import io.huitong.remote.JointDrawMain;
import io.huitong.remote.PeerPartners;
import io.huitong.remote.PartnerRequests;
import io.huitong.remote.Postponement;
import io.huitong.remote.RemoteAccess;
import io.huitong.remote.RemotePlanning;
import io.huitong.remote.RemoteProcess;
import io.huitong.remote.Settlement;
import io.huitong.remote.VenueOperations;
import io.huitong.shared.security.Operator;
import io.huitong.shared.workflow.TaskTenders;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The bean {@code remote} of {@code processes/remote-evaluation.bpmn} (and of every deployed version of it): each
 * expression reads the ids and answers of its execution or task and calls one use case. The task listeners record
 * what a step was given, whoever completes it (Huitong's API, Tasklist, the engine's REST API), so the same checks
 * hold. The names and signatures stay as the models call them: instances of older versions still run.
 */
@Component("remote")
public class RemoteSteps {

    private final RemotePlanning planning;
    private final PartnerRequests requests;
    private final CommitteeDraw committee;
    private final VenueOperations venues;
    private final LinkFailures links;
    private final Postponement postponement;
    private final MemberReplacement replacement;
    private final Settlement settlement;
    private final RemoteAccess access;

    private final PeerPartners peers;
    private final JointDrawMain joint;

    RemoteSteps(RemotePlanning planning, PartnerRequests requests, CommitteeDraw committee, VenueOperations venues,
            LinkFailures links, Postponement postponement, MemberReplacement replacement, Settlement settlement,
            RemoteAccess access, PeerPartners peers, JointDrawMain joint) {
        this.peers = peers;
        this.joint = joint;
        this.planning = planning;
        this.requests = requests;
        this.committee = committee;
        this.venues = venues;
        this.links = links;
        this.postponement = postponement;
        this.replacement = replacement;
        this.settlement = settlement;
        this.access = access;
    }

    // ---- opening and planning -----------------------------------------------------------------------------------

    /** Service task {@code openRemote}: the evaluation opens at the tender's centre, whose group does its steps. */
    public void open(DelegateExecution execution) {
        RemotePlanning.Opened opened = planning.open((String) execution.getVariable("tenderId"),
                execution.getProcessInstanceId());
        execution.setVariable(RemoteProcess.EVALUATION_ID, opened.evaluationId());
        execution.setVariable(RemoteProcess.MAIN_GROUP, opened.mainGroup());
        if (execution.getVariable("law") == null) {
            execution.setVariable("law", opened.law());
        }
    }

    /** Listener of {@code planEvaluation}: the plan goes through {@code POST /plan}, where the rules decide. */
    public void planned(DelegateTask task) {
        planning.requirePlanned(evaluationId(task, access));
    }

    // ---- who does a step ------------------------------------------------------------------------------------------

    public String tenderer(String evaluationId) {
        return access.tenderer(evaluationId);
    }

    public String groupOf(String centreCode) {
        return access.groupOf(centreCode);
    }

    public String groupOfVenue(String venueId) {
        return access.groupOfVenue(venueId);
    }

    public String groupOfSeat(String seatId) {
        return access.groupOfSeat(seatId);
    }

    // ---- asking the partners ------------------------------------------------------------------------------------

    public int partnersToAsk(String evaluationId) {
        return requests.partnersToAsk(evaluationId);
    }

    public boolean enoughPartners(String evaluationId) {
        return requests.enoughPartners(evaluationId);
    }

    /** Service task {@code sendRequest}: the next partner is asked and becomes this turn's {@code partnerCentre}. */
    public void requestNext(DelegateExecution execution) {
        String evaluationId = (String) execution.getVariable(RemoteProcess.EVALUATION_ID);
        String centre = requests.askNext(evaluationId);
        // a partner on another platform gets the request as a signed message, sent with this step's commit
        peers.requested(evaluationId, centre);
        execution.setVariableLocal(RemoteProcess.PARTNER_CENTRE, centre);
    }

    public Date answerDue(String evaluationId, String centre) {
        return requests.answerDue(evaluationId, centre);
    }

    public void timedOut(String evaluationId, String centre) {
        requests.timedOut(evaluationId, centre);
        peers.withdrawn(evaluationId, centre, "逾期未答复 / No answer in time");
    }

    /** Listener of {@code answerRequest}: accepted with a venue, or refused with reasons. */
    public void answered(DelegateTask task) {
        String evaluationId = evaluationId(task, access);
        String centre = string(task, RemoteProcess.PARTNER_CENTRE);
        Object accepted = task.getVariable("accepted");
        String venueId = text(task.getVariable("venueId"));
        String reason = text(task.getVariable("reason"));
        removeAnswers(task, "accepted", "venueId", "reason");
        requests.recordAnswer(evaluationId, centre, accepted, venueId, reason, Operator.current());
    }

    /** Listener of {@code addPartners}: the partners the main venue adds. */
    public void partnersAdded(DelegateTask task) {
        String evaluationId = evaluationId(task, access);
        String given = text(task.getVariable("partners"));
        removeAnswers(task, "partners");
        requests.recordMorePartners(evaluationId, given);
    }

    public List<String> acceptedPartners(String evaluationId) {
        return requests.acceptedPartners(evaluationId);
    }

    // ---- the draw -----------------------------------------------------------------------------------------------

    public Date drawAt(String evaluationId) {
        return committee.drawAt(evaluationId);
    }

    /** Gateway {@code jointDrawGateway}: a partner that accepted runs its own platform. */
    public boolean jointDraw(String evaluationId) {
        return joint.jointDraw(evaluationId);
    }

    public java.util.Date revealDeadline(String evaluationId) {
        return joint.revealDeadline(evaluationId);
    }

    /** Service task {@code recordWithheld}: who did not commit or reveal in time, on the draw's record. */
    public void revealsWithheld(String evaluationId) {
        joint.withheld(evaluationId);
    }

    /** Service task {@code commitJointDraw}: this side's commitment, sent to the partners on other platforms. */
    public void commitJointDraw(String evaluationId) {
        joint.commit(evaluationId);
    }

    /**
     * Service task {@code drawCommittee} (a joint draw when a partner runs its own platform); too few eligible
     * experts: the BPMN error {@code poolExhausted}.
     */
    public void drawCommittee(String evaluationId) {
        try {
            if (joint.jointDraw(evaluationId)) {
                joint.drawCommittee(evaluationId);
            } else {
                committee.drawCommittee(evaluationId);
            }
        } catch (CommitteeDraw.PoolExhausted exhausted) {
            throw new BpmnError(RemoteProcess.POOL_EXHAUSTED, exhausted.getMessage());
        }
    }

    /** Service task {@code replaceMember}; too few eligible experts: the BPMN error {@code poolExhausted}. */
    public void drawReplacements(String evaluationId) {
        try {
            replacement.drawReplacements(evaluationId);
        } catch (CommitteeDraw.PoolExhausted exhausted) {
            throw new BpmnError(RemoteProcess.POOL_EXHAUSTED, exhausted.getMessage());
        }
    }

    // ---- the venues ---------------------------------------------------------------------------------------------

    public List<String> venuesToPrepare(String evaluationId) {
        return venues.venuesToPrepare(evaluationId);
    }

    public List<String> seatsToSignIn(String evaluationId) {
        return venues.seatsToSignIn(evaluationId);
    }

    /** Listener of {@code prepareVenue}: the seats ready and the video link checked. */
    public void prepared(DelegateTask task) {
        String evaluationId = evaluationId(task, access);
        String venueId = string(task, RemoteProcess.VENUE_ID);
        Object seatsReady = task.getVariable("seatsReady");
        String linkCheck = text(task.getVariable("linkCheck"));
        removeAnswers(task, "seatsReady", "linkCheck", "note");
        venues.recordPreparation(evaluationId, venueId, seatsReady, linkCheck, Operator.current());
    }

    /** Listener of {@code signIn} and {@code signInReplacement}: the clerk witnesses the member's identity. */
    public void signedIn(DelegateTask task) {
        String evaluationId = evaluationId(task, access);
        String seatId = string(task, RemoteProcess.SEAT_ID);
        String idNo = text(task.getVariable("idNo"));
        String userId = text(task.getVariable("userId"));
        String peerName = text(task.getVariable("peerName"));
        removeAnswers(task, "idNo", "userId", "peerName");
        venues.recordSignIn(evaluationId, seatId, idNo, userId, peerName, Operator.current());
    }

    public void start(String evaluationId) {
        venues.start(evaluationId);
    }

    public boolean started(String evaluationId) {
        return venues.started(evaluationId);
    }

    public boolean reviewed(String evaluationId) {
        return venues.reviewed(evaluationId);
    }

    public void markReviewed(String evaluationId) {
        venues.markReviewed(evaluationId);
    }

    // ---- link failures and postponement -------------------------------------------------------------------------

    public void lock(String evaluationId) {
        links.lock(evaluationId);
    }

    public void unlock(String evaluationId) {
        links.unlock(evaluationId);
    }

    public Date beforeStartThreshold(String evaluationId) {
        return links.beforeStartThreshold(evaluationId);
    }

    public Date duringThreshold(String evaluationId) {
        return links.duringThreshold(evaluationId);
    }

    public boolean goOn(String evaluationId) {
        return links.goOn(evaluationId);
    }

    /** Listener of {@code tendererLinkDecision}: go on, or postpone with reasons. */
    public void linkDecided(DelegateTask task) {
        String evaluationId = evaluationId(task, access);
        Object goOn = task.getVariable("goOn");
        String reason = text(task.getVariable("reason"));
        removeAnswers(task, "goOn", "reason");
        links.recordDecision(evaluationId, goOn, reason, Operator.current());
    }

    public void postpone(String evaluationId) {
        postponement.postpone(evaluationId);
    }

    /** Listener of {@code reschedule}: the new start. */
    public void rescheduled(DelegateTask task) {
        String evaluationId = evaluationId(task, access);
        String start = text(task.getVariable("scheduledStart"));
        removeAnswers(task, "scheduledStart");
        postponement.recordSchedule(evaluationId, start, Operator.current());
    }

    // ---- confirmation and settlement ----------------------------------------------------------------------------

    /** Listener of {@code confirmResult}. */
    public void confirmed(DelegateTask task) {
        settlement.recordConfirmation(evaluationId(task, access), Operator.current());
    }

    /** Message end event: the result goes back to the lifecycle; {@code remote-settlement} starts. */
    public void close(DelegateExecution execution) {
        String evaluationId = (String) execution.getVariable(RemoteProcess.EVALUATION_ID);
        settlement.conclude(evaluationId, execution.getVariable(TaskTenders.TENDER_TITLE));
        // partners on other platforms hear of it by a signed message, sent with this step's commit
        peers.confirmed(evaluationId);
    }

    public Date recordsDue(String evaluationId, String centre) {
        return settlement.recordsDue(evaluationId, centre);
    }

    public Date recordsEscalation(String evaluationId, String centre) {
        return settlement.recordsEscalation(evaluationId, centre);
    }

    public void remind(String evaluationId, String centre) {
        settlement.remind(evaluationId, centre);
    }

    public void escalate(String evaluationId, String centre) {
        settlement.escalate(evaluationId, centre);
    }

    /** Listener of {@code handBackRecords}: what the partner handed back. */
    public void handedBack(DelegateTask task) {
        String evaluationId = evaluationId(task, access);
        String centre = string(task, RemoteProcess.PARTNER_CENTRE);
        String note = text(task.getVariable("recordsNote"));
        removeAnswers(task, "recordsNote");
        settlement.recordHandBack(evaluationId, centre, note, Operator.current());
    }

    public void settle(String evaluationId, String centre) {
        settlement.settle(evaluationId, centre);
        peers.settled(evaluationId, centre);
    }

    public void finish(String evaluationId) {
        settlement.finish(evaluationId);
    }
}

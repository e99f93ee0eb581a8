package io.huitong.remote.steps;

import static io.huitong.remote.steps.StepInputs.removeAnswers;
import static io.huitong.remote.steps.StepInputs.string;
import static io.huitong.remote.steps.StepInputs.text;

import io.huitong.remote.PartnerVenue;
import io.huitong.remote.PartnerVenueProcess;
import io.huitong.shared.security.Operator;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The bean {@code partnerVenue} that {@code processes/partner-venue.bpmn} calls: thin steps that read the task's
 * inputs and hand them to {@link PartnerVenue}, which records them and sends the main centre its signed message.
 */
@Component("partnerVenue")
public class PartnerVenueSteps {

    private final PartnerVenue venue;

    PartnerVenueSteps(PartnerVenue venue) {
        this.venue = venue;
    }

    public Date answerDue(String engagementId) {
        return venue.answerDue(engagementId);
    }

    public boolean accepted(String engagementId) {
        return venue.accepted(engagementId);
    }

    /** Listener of {@code answerRequest}: accepted with a venue, or refused with reasons. */
    public void answered(DelegateTask task) {
        String engagementId = string(task, PartnerVenueProcess.ENGAGEMENT_ID);
        Object accepted = task.getVariable("accepted");
        String venueId = text(task.getVariable("venueId"));
        String reason = text(task.getVariable("reason"));
        removeAnswers(task, "accepted", "venueId", "reason");
        venue.recordAnswer(engagementId, accepted, venueId, reason, Operator.current());
    }

    /** Listener of {@code prepareVenue}: the seats ready and the link checked. */
    public void prepared(DelegateTask task) {
        String engagementId = string(task, PartnerVenueProcess.ENGAGEMENT_ID);
        Object seatsReady = task.getVariable("seatsReady");
        String linkCheck = text(task.getVariable("linkCheck"));
        String note = text(task.getVariable("note"));
        removeAnswers(task, "seatsReady", "linkCheck", "note");
        venue.recordPreparation(engagementId, seatsReady, linkCheck, note, Operator.current());
    }

    public java.util.List<Integer> seatsToSignIn(String engagementId) {
        return venue.seatsToSignIn(engagementId);
    }

    /** Listener of {@code signIn}: the clerk checked the expert's ID card. */
    public void signedIn(DelegateTask task) {
        String engagementId = string(task, PartnerVenueProcess.ENGAGEMENT_ID);
        Object seatNo = task.getVariable("seatNo");
        String idNo = text(task.getVariable("idNo"));
        removeAnswers(task, "idNo");
        venue.recordSignIn(engagementId, seatNo, idNo, Operator.current());
    }

    public java.util.List<Integer> seatsSignedIn(String engagementId) {
        return venue.seatsSignedIn(engagementId);
    }

    public String expertUser(String engagementId, Object seatNo) {
        return venue.expertUser(engagementId, seatNo);
    }

    /** Listener of {@code scoreBids}: the expert's scores, checked and sent to the main centre. */
    public void scored(DelegateTask task) {
        String engagementId = string(task, PartnerVenueProcess.ENGAGEMENT_ID);
        venue.recordScores(engagementId, task.getVariable("seatNo"), text(task.getVariable("scoresJson")),
                text(task.getVariable("objectiveJson")));
    }

    /** Listener of {@code signReport}: the expert's agreement or dissent, sent to the main centre. */
    public void signed(DelegateTask task) {
        String engagementId = string(task, PartnerVenueProcess.ENGAGEMENT_ID);
        venue.recordSignature(engagementId, task.getVariable("seatNo"), task.getVariable("agree"),
                text(task.getVariable("dissent")));
    }

    /** Listener of {@code handBackRecords}: the records handed back to the main centre. */
    public void handedBack(DelegateTask task) {
        String engagementId = string(task, PartnerVenueProcess.ENGAGEMENT_ID);
        String note = text(task.getVariable("note"));
        removeAnswers(task, "note");
        venue.recordHandBack(engagementId, note, Operator.current());
    }
}

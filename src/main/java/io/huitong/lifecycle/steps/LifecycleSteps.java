package io.huitong.lifecycle.steps;

import io.huitong.lifecycle.AwardStage;
import io.huitong.lifecycle.BiddingStage;
import io.huitong.lifecycle.ClosingStage;
import io.huitong.lifecycle.FailureStage;
import io.huitong.lifecycle.LifecycleProcess;
import io.huitong.lifecycle.Tenderers;
import io.huitong.shared.workflow.TaskProperties;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What the lifecycle's models call ({@code ${lifecycle.…}} in {@code tender-lifecycle.bpmn} and its stage
 * models, and in the flat model of older versions that instances in flight still run): each method reads the
 * ids and variables it needs and calls one step of a stage. The domain never sees the engine's execution.
 */
@Component("lifecycle")
public class LifecycleSteps {

    private final BiddingStage bidding;
    private final FailureStage failure;
    private final AwardStage award;
    private final ClosingStage closing;
    private final Tenderers tenderers;

    LifecycleSteps(BiddingStage bidding, FailureStage failure, AwardStage award, ClosingStage closing,
            Tenderers tenderers) {
        this.bidding = bidding;
        this.failure = failure;
        this.award = award;
        this.closing = closing;
        this.tenderers = tenderers;
    }

    // who does the tenderer's steps: candidate users and groups of the models' user tasks

    public List<String> tendererUsers(String tenderId) {
        return tenderers.users(tenderId);
    }

    public List<String> tendererGroups(String tenderId) {
        return tenderers.groups(tenderId);
    }

    // announcement, bidding, opening

    public void announce(DelegateExecution execution) {
        bidding.announce(tenderId(execution), lifecycleInstanceId(execution));
    }

    public void rescheduleBidding(String tenderId) {
        bidding.rescheduleBidding(tenderId);
    }

    public void resumeBidding(String tenderId) {
        bidding.resumeBidding(tenderId);
    }

    public int closeBidding(String tenderId) {
        return bidding.closeBidding(tenderId);
    }

    public int open(String tenderId) {
        return bidding.open(tenderId);
    }

    // failure and a new round

    public void fail(DelegateExecution execution) {
        failure.fail(tenderId(execution), (String) execution.getVariable(LifecycleProcess.EVALUATION_OUTCOME),
                (Integer) execution.getVariable(LifecycleProcess.VALID_BID_COUNT),
                (Integer) execution.getVariable(LifecycleProcess.BID_COUNT));
    }

    /** A new round: the round's variables are cleared and the new round number set. */
    public void startRound(DelegateExecution execution) {
        int round = failure.startRound(tenderId(execution),
                LocalDate.parse((String) execution.getVariable(LifecycleProcess.NEW_DOCUMENT_ISSUE_DATE)),
                OffsetDateTime.parse((String) execution.getVariable(LifecycleProcess.NEW_BID_DEADLINE)),
                (String) execution.getVariable(LifecycleProcess.NEW_DECISION_ID));
        for (String name : List.of(LifecycleProcess.BID_COUNT, LifecycleProcess.VALID_BID_COUNT,
                LifecycleProcess.EVALUATION_OUTCOME, LifecycleProcess.NEXT_STEP, LifecycleProcess.WINNER_BID_ID,
                LifecycleProcess.NEW_DECISION_ID)) {
            execution.removeVariable(name);
        }
        execution.setVariable(LifecycleProcess.ROUND, round);
    }

    public void changeMethod(DelegateExecution execution) {
        failure.changeMethod(tenderId(execution), (String) execution.getVariable(LifecycleProcess.NEW_METHOD),
                (String) execution.getVariable(LifecycleProcess.REASON));
    }

    // publicity and award

    public void publishCandidates(String tenderId) {
        award.publishCandidates(tenderId);
    }

    public void resumePublicity(String tenderId) {
        award.resumePublicity(tenderId);
    }

    public void startAwarding(String tenderId) {
        award.startAwarding(tenderId);
    }

    public String rankOne(String tenderId) {
        return award.rankOne(tenderId);
    }

    public void award(DelegateExecution execution) {
        boolean losersHold = award.award(tenderId(execution),
                (String) execution.getVariable(LifecycleProcess.WINNER_BID_ID));
        execution.setVariable(LifecycleProcess.LOSERS_BONDS_HELD, losersHold);
    }

    // contract, refunds, archive, termination

    public void contractOverdue(String tenderId) {
        closing.contractOverdue(tenderId);
    }

    public void recordContract(String tenderId) {
        closing.recordContract(tenderId);
    }

    public boolean bondsHeld(String tenderId) {
        return closing.bondsHeld(tenderId);
    }

    /** Task listener, on complete: what the task's properties {@code meets} and {@code refunds} say it did. */
    public void taskDone(DelegateTask task) {
        closing.stepDone((String) task.getVariable(LifecycleProcess.TENDER_ID),
                TaskProperties.of(task, TaskProperties.REFUNDS),
                TaskProperties.list(TaskProperties.of(task, TaskProperties.MEETS)),
                (Integer) task.getVariable("refundRound"));
    }

    public void archive(String tenderId) {
        closing.archive(tenderId);
    }

    public void terminate(DelegateExecution execution) {
        closing.terminate(tenderId(execution), (String) execution.getVariable(LifecycleProcess.REASON));
    }

    /**
     * The lifecycle's own instance: a stage runs in a model the lifecycle called, whose instance is not the one
     * to remember (the flat model of older versions runs every step in the lifecycle's instance itself).
     */
    private static String lifecycleInstanceId(DelegateExecution execution) {
        DelegateExecution instance = execution.getProcessInstance();
        while (instance.getSuperExecution() != null) {
            instance = instance.getSuperExecution().getProcessInstance();
        }
        return instance.getProcessInstanceId();
    }

    private static String tenderId(DelegateExecution execution) {
        return (String) execution.getVariable(LifecycleProcess.TENDER_ID);
    }
}

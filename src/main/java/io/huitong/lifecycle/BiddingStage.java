package io.huitong.lifecycle;

import io.huitong.bidding.BidService;
import io.huitong.bidding.BidsDecrypted;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.workflow.TaskTenders;
import io.huitong.tender.Regime;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderApproved;
import io.huitong.tender.TenderService;
import io.huitong.tender.TenderTimeline;
import io.huitong.tender.registration.RegistrationDecision;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * From the approval to the opening ({@code tender-lifecycle.bpmn}, {@code tender-bidding.bpmn},
 * {@code tender-opening.bpmn}): the lifecycle starts, the documents go out, bidding runs, is rescheduled and
 * resumed, closes at the deadline, and the bids are opened once decrypted. The model decides when, the tender
 * decides whether; each step runs in the engine's transaction.
 */
@Service
public class BiddingStage {

    private final TenderService tenders;
    private final TenderTimeline timeline;
    private final LegalPeriods periods;
    private final BidService bids;
    private final RuntimeService runtime;
    private final LegalClock clock;
    private final String evaluationProcess;

    BiddingStage(TenderService tenders, TenderTimeline timeline, LegalPeriods periods, BidService bids,
            RuntimeService runtime, LegalClock clock,
            @Value("${huitong.lifecycle.evaluation-process:}") String evaluationProcess) {
        this.tenders = tenders;
        this.timeline = timeline;
        this.periods = periods;
        this.bids = bids;
        this.runtime = runtime;
        this.clock = clock;
        this.evaluationProcess = evaluationProcess;
    }

    /** The registration's route ended approved: the lifecycle starts, waiting for the day of issue. */
    @EventListener
    public void start(TenderApproved approved) {
        Tender tender = tenders.get(approved.tenderId());
        RegistrationDecision decisions = tenders.decisions(tender);
        scheduleIssue(tender);
        runtime.startProcessInstanceByKey(LifecycleProcess.KEY, tender.id(), Variables.createVariables()
                .putValue(LifecycleProcess.TENDER_ID, tender.id())
                .putValue(TaskTenders.TENDER_NO, tender.id())
                .putValue(TaskTenders.TENDER_TITLE, tender.title())
                .putValue(LifecycleProcess.LAW, decisions.applicableLaw().name())
                .putValue(LifecycleProcess.ROUND, tender.round())
                .putValue(LifecycleProcess.MINIMUM_BIDS, periods.minimumBids(tender))
                .putValue(LifecycleProcess.EVALUATION_PROCESS, evaluationProcess.isBlank()
                        ? periods.evaluationProcess(tender) : evaluationProcess)
                .putValue(LifecycleProcess.METHOD_CHANGE_APPROVER,
                        decisions.applicableLaw() == Regime.TENDERING_LAW ? "project-approval-authority"
                                : "finance-department"));
    }

    /**
     * The documents are issued and the announcement published: bids are accepted until the deadline. When the
     * route ended after the planned day of issue, the documents go out today and the deadline moves to keep
     * every minimum period (TBL 24; GPL 35), a decision recorded with its articles.
     *
     * @param lifecycleInstanceId the lifecycle's own process instance (not a stage's)
     */
    public void announce(String tenderId, String lifecycleInstanceId) {
        LocalDate today = clock.today();
        Tender tender = tenders.change(tenderId, t -> t.announce(lifecycleInstanceId, today));
        periods.keepMinimumPeriods(tender);
        tender = tenders.get(tenderId);
        timeline.close(tenderId, tender.round(), "documentIssue", TenderTimeline.State.MET);
        periods.scheduleBidding(tender);
    }

    /** A clarification moved the deadline (or not): the periods around it are decided again. */
    public void rescheduleBidding(String tenderId) {
        periods.scheduleBidding(tenders.get(tenderId));
    }

    /** Every pending objection answered (the answer set the deadline): bidding resumes. */
    public void resumeBidding(String tenderId) {
        periods.scheduleBidding(tenders.change(tenderId, Tender::resume));
    }

    /**
     * The bid deadline has passed: bidding closes; returns the number of bids standing (F2, F3). When there are
     * enough, bidders decrypt their files within the window (EB20 30).
     */
    public int closeBidding(String tenderId) {
        Tender tender = tenders.change(tenderId, Tender::closeBidding);
        timeline.close(tenderId, tender.round(), "bidDeadline", TenderTimeline.State.MET);
        int standing = bids.submitted(tenderId, tender.round()).size();
        if (standing > 0) {
            periods.scheduleDecryption(tender);
        }
        return standing;
    }

    /** Every bid decrypted or settled before the window's end: the opening goes ahead. */
    @EventListener
    public void decrypted(BidsDecrypted event) {
        runtime.createMessageCorrelation(LifecycleProcess.BIDS_DECRYPTED).processInstanceBusinessKey(event.tenderId())
                .correlateAllWithResult();
    }

    /** Opens the bids (EB20 29, 31) once decrypted or the window is over; returns the number of valid bids. */
    public int open(String tenderId) {
        Tender tender = tenders.change(tenderId, Tender::open);
        timeline.close(tenderId, tender.round(), BidService.DECRYPTION_WINDOW, TenderTimeline.State.MET);
        return bids.open(tenderId, tender.round()).size();
    }

    /** A new round (after a failure): its day of issue is on the timeline until the documents go out. */
    void scheduleIssue(Tender tender) {
        OffsetDateTime issue = tender.documentIssueDate().atStartOfDay(LegalClock.CHINA).toOffsetDateTime();
        timeline.schedule(tender.id(), tender.round(), "documentIssue", "招标文件发出 / Documents issued", issue, null,
                null, null, null);
    }
}

package io.huitong.lifecycle;

import io.huitong.bidding.Bid;
import io.huitong.bidding.BidService;
import io.huitong.bidding.BidWithdrawn;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.workflow.TaskProperties;
import io.huitong.tender.Regime;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import io.huitong.tender.TenderTimeline;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * After the award and at any end ({@code tender-contract.bpmn}, the lifecycle's event sub-processes): the
 * contract and its delay, the refund steps and what each covers, the archive, termination.
 */
@Service
public class ClosingStage {

    private static final Logger log = LoggerFactory.getLogger(ClosingStage.class);
    private static final List<String> REFUND_KINDS = List.of("due", "due-except-winner", "due-of-round", "all-held");

    private final TenderService tenders;
    private final TenderTimeline timeline;
    private final LegalPeriods periods;
    private final BidService bids;
    private final RuntimeService runtime;
    private final TaskService taskService;
    private final TaskProperties taskProperties;
    private final LegalClock clock;
    private final ApplicationEventPublisher events;

    ClosingStage(TenderService tenders, TenderTimeline timeline, LegalPeriods periods, BidService bids,
            RuntimeService runtime, TaskService taskService, TaskProperties taskProperties, LegalClock clock,
            ApplicationEventPublisher events) {
        this.tenders = tenders;
        this.timeline = timeline;
        this.periods = periods;
        this.bids = bids;
        this.runtime = runtime;
        this.taskService = taskService;
        this.taskProperties = taskProperties;
        this.clock = clock;
        this.events = events;
    }

    /** A bid withdrawn before the deadline: its bond falls due for refund (TBR 35; O87 38), a task for finance. */
    @EventListener
    public void withdrawn(BidWithdrawn event) {
        Tender tender = tenders.get(event.tenderId());
        OffsetDateTime due = periods.schedule(tender, "withdrawalRefund", clock.instant());
        bids.bondsDue(event.tenderId(), tender.round(), due.toInstant(), b -> b.id().equals(event.bidId()));
        runtime.createMessageCorrelation(LifecycleProcess.BOND_REFUND_DUE).processInstanceBusinessKey(event.tenderId())
                .correlate();
    }

    /**
     * The contract was not signed in time: the delay is on record for the supervisor, citing the rule of the
     * contract period it overran ({@code rules/lifecycle/periods.drl}).
     */
    public void contractOverdue(String tenderId) {
        Tender tender = tenders.get(tenderId);
        LegalPeriod contract = periods.period(tender, "contract");
        timeline.schedule(tenderId, tender.round(), "contractOverdue", "合同逾期未签订，已报告 / Contract overdue, reported",
                OffsetDateTime.ofInstant(clock.instant(), LegalClock.CHINA), null, null, contract.by().citation(),
                contract.by().rule());
        timeline.close(tenderId, tender.round(), "contractOverdue", TenderTimeline.State.MET);
        log.warn("tender {}: the contract was not signed by its legal date", tenderId);
    }

    /** The contract is signed: its publication and filing (GP) and the remaining refunds fall due. */
    public void recordContract(String tenderId) {
        Tender tender = tenders.change(tenderId, Tender::contract);
        Instant now = clock.instant();
        if (periods.facts(tender).law() == Regime.GOVERNMENT_PROCUREMENT) {
            periods.schedule(tender, "contractPublication", now);
            periods.schedule(tender, "contractFiling", now);
        }
        if (bondsHeld(tenderId)) {
            OffsetDateTime due = periods.schedule(tender, "bondRefund", now);
            bids.bondsDue(tenderId, tender.round(), due.toInstant(), b -> b.bondRefundDue() == null);
        }
    }

    /** Whether any bond of the tender, in any round, is still to be refunded. */
    public boolean bondsHeld(String tenderId) {
        return !bids.bondsToRefund(tenderId).isEmpty();
    }

    /**
     * A step of the model is done: the due dates it meets and, for a refund step, the bonds it refunds, as the
     * model says them (the task's properties {@code meets} and {@code refunds}).
     *
     * @param refundRound for a failed round's refund step ({@code due-of-round}), the round it refunds
     */
    public void stepDone(String tenderId, Optional<String> refunds, List<String> meets, Integer refundRound) {
        Tender tender = tenders.get(tenderId);
        int round = tender.round();
        if (refunds.isPresent()) {
            // a refund task refunds what has fallen due (a failed round's task: that round's bonds)
            if (refunds.get().equals("due-of-round")) {
                round = refundRound;
            }
            bids.refunded(tenderId, covered(tender, refunds.get(), round));
        }
        for (String name : meets) {
            timeline.close(tenderId, round, name, TenderTimeline.State.MET);
        }
    }

    /** The bonds still to be refunded that an open refund step covers; empty for a step that refunds nothing. */
    public Optional<List<String>> coveredByRefundStep(String tenderId, Task task) {
        Optional<String> refunds = taskProperties.of(task, TaskProperties.REFUNDS);
        if (refunds.isEmpty()) {
            return Optional.empty();
        }
        Tender tender = tenders.get(tenderId);
        int round = refunds.get().equals("due-of-round")
                ? (Integer) taskService.getVariable(task.getId(), "refundRound") : tender.round();
        return Optional.of(covered(tender, refunds.get(), round));
    }

    /**
     * What a refund step refunds, by its model's {@code refunds}: {@code due} (every bond fallen due),
     * {@code due-except-winner} (the losers'), {@code due-of-round} (a failed round's), {@code all-held} (every
     * bond still held: a terminated tender).
     */
    private List<String> covered(Tender tender, String refunds, int round) {
        if (!REFUND_KINDS.contains(refunds)) {
            throw new IllegalStateException("a refund step's property 'refunds' is '" + refunds + "': one of "
                    + String.join(", ", REFUND_KINDS));
        }
        String winner = tender.winnerBidId();
        return bids.bondsToRefund(tender.id()).stream()
                .filter(b -> b.bondRefundDue() != null || refunds.equals("all-held"))
                .filter(b -> !refunds.equals("due-of-round") || b.round() == round)
                .filter(b -> !refunds.equals("due-except-winner") || !b.id().equals(winner))
                .map(Bid::id).toList();
    }

    public void archive(String tenderId) {
        Tender tender = tenders.change(tenderId, Tender::archive);
        timeline.cancelOpen(tenderId, tender.round());
        events.publishEvent(new TenderArchived(tenderId));
    }

    /** Terminated by the purchaser (TBR 31; O87 29): every fee and bond is to be refunded. */
    public void terminate(String tenderId, String reason) {
        Tender tender = tenders.change(tenderId, t -> t.terminate(reason));
        timeline.cancelOpen(tenderId, tender.round());
        if (bondsHeld(tenderId)) {
            OffsetDateTime due = periods.schedule(tender, "terminationRefund", clock.instant());
            bids.bondsDue(tenderId, tender.round(), due.toInstant(), b -> true);
        }
    }
}

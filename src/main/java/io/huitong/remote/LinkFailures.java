package io.huitong.remote;

import static io.huitong.remote.Inputs.invalid;

import io.huitong.remote.RemoteRecords.LinkFailure;
import io.huitong.remote.RemoteRecords.Status;
import io.huitong.shared.security.Operator;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.NotFoundException;
import io.huitong.shared.workflow.TaskActions;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A video link goes down (J6, J9, J10; docs/domain.md §4.5): a venue reports it, both venues lock and seal their
 * materials, and the thresholds of the local rule run — before the start, past the first the tenderer decides to go
 * on or postpone (K9: the centres only witness); during the evaluation, past the second it is postponed
 * ({@link Postponement}). The link back before then, the venues unlock.
 */
@Component
public class LinkFailures {

    private final RemoteEvaluations store;
    private final Centres centres;
    private final RemotePolicy policy;
    private final RemoteAccess access;
    private final TaskActions tasks;
    private final RuntimeService runtime;
    private final TransactionTemplate transactions;
    private final LegalClock clock;

    LinkFailures(RemoteEvaluations store, Centres centres, RemotePolicy policy, RemoteAccess access, TaskActions tasks,
            RuntimeService runtime, TransactionTemplate transactions, LegalClock clock) {
        this.store = store;
        this.centres = centres;
        this.policy = policy;
        this.access = access;
        this.tasks = tasks;
        this.runtime = runtime;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * A venue reports its link down (J9, J10): both venues lock and seal; the thresholds start. Only while the
     * venues prepare or evaluate.
     */
    public LinkFailure reportLinkFailure(String evaluationId, String venueId, String description, Operator operator) {
        return transactions.execute(s -> {
            RemoteRecords.Evaluation e = store.get(evaluationId);
            Centre.Venue venue = venueOf(e, venueId);
            access.requireCentreOrMain(e, venue.centreCode(), operator);
            if (store.openFailure(evaluationId).isPresent()) {
                throw new ConflictException("已有未排除的故障 / A failure is already open");
            }
            String stage = e.startedAt() == null ? "BEFORE_START" : "DURING";
            LinkFailure failure = store.reportFailure(evaluationId, venueId, stage, description, operator.userId(),
                    clock.instant());
            long waiting = runtime.createEventSubscriptionQuery().processInstanceId(e.processInstanceId())
                    .eventName(RemoteProcess.LINK_DOWN).count();
            if (waiting == 0) {
                throw new ConflictException("当前环节不受链路故障影响（仅在场地准备、签到和评标期间）/ A link failure "
                        + "matters only while the venues prepare, sign in and evaluate");
            }
            runtime.createMessageCorrelation(RemoteProcess.LINK_DOWN).processInstanceId(e.processInstanceId())
                    .correlate();
            return failure;
        });
    }

    /** The failing venue reports its link back; the venues unlock if the thresholds have not run out. */
    public LinkFailure reportRestored(String evaluationId, String failureId, Operator operator) {
        return transactions.execute(s -> {
            RemoteRecords.Evaluation e = store.get(evaluationId);
            LinkFailure failure = store.failures(evaluationId).stream().filter(f -> f.id().equals(failureId))
                    .findFirst().orElseThrow(() -> new NotFoundException("没有该故障 / No failure"));
            access.requireCentreOrMain(e, centres.venue(failure.venueId()).centreCode(), operator);
            if (!failure.isOpen() || failure.restoredAt() != null) {
                throw new ConflictException("该故障已处理 / The failure is settled");
            }
            store.restored(failureId, clock.instant());
            long waiting = runtime.createEventSubscriptionQuery().processInstanceId(e.processInstanceId())
                    .eventName(RemoteProcess.LINK_RESTORED).count();
            if (waiting > 0) {
                runtime.createMessageCorrelation(RemoteProcess.LINK_RESTORED).processInstanceId(e.processInstanceId())
                        .correlate();
            }
            return store.failures(evaluationId).stream().filter(f -> f.id().equals(failureId)).findFirst()
                    .orElseThrow();
        });
    }

    /** A link is down; both venues lock the system and seal the materials (J6). */
    public void lock(String evaluationId) {
        LinkFailure failure = store.openFailure(evaluationId).orElseThrow();
        store.sealed(failure.id(), clock.instant());
        store.status(evaluationId, Status.LOCKED);
    }

    /** The link is back (or the tenderer goes on): the venues unlock. */
    public void unlock(String evaluationId) {
        store.openFailure(evaluationId).ifPresent(f -> store.failureOutcome(f.id(),
                f.restoredAt() != null ? "RESTORED" : "GO_ON"));
        RemoteRecords.Evaluation e = store.get(evaluationId);
        store.status(evaluationId, e.startedAt() == null ? Status.PREPARING : Status.EVALUATING);
    }

    /**
     * Before the start: the tenderer decides once the failure lasts past the scheduled start by the first
     * threshold (J9: 2 hours, a parameter) — or at once, if that moment has passed when the failure is reported.
     */
    public Date beforeStartThreshold(String evaluationId) {
        RemoteRecords.Evaluation e = store.get(evaluationId);
        LinkFailure failure = store.openFailure(evaluationId).orElseThrow();
        Instant threshold = e.scheduledStart().toInstant()
                .plus(policy.hours(e, LockNotice.BEFORE_START));
        return Date.from(threshold.isBefore(failure.reportedAt()) ? failure.reportedAt() : threshold);
    }

    /** During the evaluation: the second threshold from the failure (J10: 4 hours, a parameter). */
    public Date duringThreshold(String evaluationId) {
        RemoteRecords.Evaluation e = store.get(evaluationId);
        LinkFailure failure = store.openFailure(evaluationId).orElseThrow();
        return Date.from(failure.reportedAt().plus(policy.hours(e, LockNotice.DURING)));
    }

    /** The tenderer's decision on a failure before the start: go on (true) or postpone. */
    public boolean goOn(String evaluationId) {
        return store.openFailure(evaluationId).map(f -> "GO_ON".equals(f.decision())).orElse(false);
    }

    /** The tenderer (purchaser) decides after the first threshold (the step records it: {@link #recordDecision}). */
    public void decideLink(String evaluationId, Boolean goOn, String reason, Operator operator) {
        transactions.executeWithoutResult(s -> {
            RemoteRecords.Evaluation e = store.get(evaluationId);
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("goOn", goOn);
            vars.put("reason", reason);
            tasks.complete(e.tenderId(), RemoteProcess.LINK_DECISION, operator, Variables.fromMap(vars));
        });
    }

    /** The tenderer decides after the first threshold: go on or postpone (J9); centres only witness (K9). */
    public void recordDecision(String evaluationId, Object goOn, String reason, Operator operator) {
        if (!(goOn instanceof Boolean decision)) {
            throw invalid("goOn", goOn, "请选择继续评标或推迟评标", "Go on or postpone: choose one");
        }
        if (!decision && reason == null) {
            throw invalid("reason", null, "推迟评标须说明理由", "A postponement gives its reasons");
        }
        access.requireTenderer(store.get(evaluationId), operator);
        LinkFailure failure = store.openFailure(evaluationId).orElseThrow(
                () -> new ConflictException("没有未处理的故障 / No open failure"));
        store.failureDecision(failure.id(), decision ? "GO_ON" : "POSTPONE", operator.userId());
    }

    private Centre.Venue venueOf(RemoteRecords.Evaluation e, String venueId) {
        boolean ours = venueId != null && (venueId.equals(e.mainVenueId())
                || store.accepted(e.id()).stream().anyMatch(p -> venueId.equals(p.venueId())));
        if (!ours) {
            throw new NotFoundException("该评标室不参加本次评标 / The venue is not in this evaluation");
        }
        return centres.venue(venueId);
    }
}

package io.huitong.remote;

import static io.huitong.remote.Inputs.invalid;

import io.huitong.evaluation.Evaluation;
import io.huitong.remote.RemoteRecords.Seat;
import io.huitong.remote.RemoteRecords.SeatStatus;
import io.huitong.remote.RemoteRecords.Status;
import io.huitong.shared.security.Operator;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.workflow.TaskActions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The evaluation is postponed (J9 by the tenderer's decision; J10 after the second threshold; O87 49 when the
 * committee cannot be completed): the materials are sealed, the committee dismissed, its scores void and its members
 * keep everything confidential; the tenderer sets the new start, a new seed is committed and a new committee drawn.
 */
@Component
public class Postponement {

    private final RemoteEvaluations store;
    private final Evaluation evaluation;
    private final CommitteeDraw draw;
    private final RemoteAccess access;
    private final TaskActions tasks;
    private final TransactionTemplate transactions;
    private final LegalClock clock;

    Postponement(RemoteEvaluations store, Evaluation evaluation, CommitteeDraw draw, RemoteAccess access,
            TaskActions tasks, TransactionTemplate transactions, LegalClock clock) {
        this.store = store;
        this.evaluation = evaluation;
        this.draw = draw;
        this.access = access;
        this.tasks = tasks;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The evaluation is postponed: sealed, the committee dismissed, the venues to prepare again. */
    public void postpone(String evaluationId) {
        RemoteRecords.Evaluation e = store.get(evaluationId);
        Instant now = clock.instant();
        store.openFailure(evaluationId).ifPresent(f -> {
            store.sealed(f.id(), now);
            store.failureOutcome(f.id(), "POSTPONED");
        });
        String reason = "评标暂停，重新组建评标委员会 / Evaluation postponed: a new committee is formed";
        for (Seat seat : store.seats(evaluationId)) {
            if (seat.isActive()) {
                store.endSeat(seat.id(), SeatStatus.DISMISSED, reason, null, now);
            }
        }
        evaluation.dismiss(e.tenderId(), reason);
        store.reschedule(evaluationId, null);
        store.unprepareAll(evaluationId);
        store.status(evaluationId, Status.POSTPONED);
    }

    /** The tenderer sets a new start after a postponement (the step records it: {@link #recordSchedule}). */
    public void reschedule(String evaluationId, OffsetDateTime scheduledStart, Operator operator) {
        transactions.executeWithoutResult(s -> {
            RemoteRecords.Evaluation e = store.get(evaluationId);
            access.requireTenderer(e, operator);
            tasks.complete(e.tenderId(), RemoteProcess.RESCHEDULE, operator,
                    Map.of("scheduledStart", scheduledStart == null ? "" : scheduledStart.toString()));
        });
    }

    /** The new start, in the future with its offset; the seed of the next draw is committed with it. */
    public void recordSchedule(String evaluationId, String start, Operator operator) {
        OffsetDateTime at;
        try {
            at = start == null ? null : OffsetDateTime.parse(start);
        } catch (DateTimeParseException ex) {
            at = null;
        }
        if (at == null || !at.toInstant().isAfter(clock.instant())) {
            throw invalid("scheduledStart", start, "请给出将来的评标开始时间（带时区）",
                    "Give a future start with its offset (2027-01-05T09:00:00+08:00)");
        }
        access.requireTenderer(store.get(evaluationId), operator);
        store.reschedule(evaluationId, at);
        draw.commitSeed(evaluationId);
    }
}

package io.huitong.remote;

import static io.huitong.remote.CommitteeDraw.EXPERT;
import static io.huitong.remote.CommitteeDraw.REPRESENTATIVE;
import static io.huitong.remote.Inputs.invalid;

import io.huitong.evaluation.Evaluation;
import io.huitong.remote.RemoteRecords.Seat;
import io.huitong.remote.RemoteRecords.SeatStatus;
import io.huitong.shared.security.Operator;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A member leaves the committee and is replaced (TBR 46, 48; O87 49): the member declares a conflict, or the venue's
 * clerk or the main venue reports illness or absence; an expert is replaced by a new draw in the same speciality
 * from the same centre's pool, a representative by the user the tenderer names. The leaving member's scores are void.
 */
@Component
public class MemberReplacement {

    private final RemoteEvaluations store;
    private final DrawRecords draws;
    private final CommitteeDraw committee;
    private final ExpertPool pool;
    private final Evaluation evaluation;
    private final RemoteAccess access;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final TransactionTemplate transactions;
    private final LegalClock clock;

    MemberReplacement(RemoteEvaluations store, DrawRecords draws, CommitteeDraw committee, ExpertPool pool,
            Evaluation evaluation, RemoteAccess access, RuntimeService runtime, IdentityService identity,
            TransactionTemplate transactions, LegalClock clock) {
        this.store = store;
        this.draws = draws;
        this.committee = committee;
        this.pool = pool;
        this.evaluation = evaluation;
        this.access = access;
        this.runtime = runtime;
        this.identity = identity;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Why a member leaves the committee. */
    public enum LeaveReason {
        /** 需要回避（成员主动申报）. */
        CONFLICT,
        ILLNESS,
        ABSENCE
    }

    /**
     * A member leaves: the member declares a conflict, or the venue's clerk or the main venue reports illness or
     * absence; a representative is replaced by the tenderer. The process draws the replacement at once.
     */
    public void requestReplacement(String evaluationId, String seatId, LeaveReason reason, String detail,
            String replacementUserId, Operator operator) {
        transactions.executeWithoutResult(s -> {
            RemoteRecords.Evaluation e = store.get(evaluationId);
            Seat seat = store.seat(seatId);
            if (!seat.evaluationId().equals(e.id())) {
                throw new NotFoundException("没有该席位 / No seat " + seatId);
            }
            if (REPRESENTATIVE.equals(seat.role())) {
                // a representative is named by the tenderer, never drawn
                access.requireTenderer(e, operator);
                if (replacementUserId == null || identity.createUserQuery().userId(replacementUserId).count() == 0
                        || store.seats(evaluationId).stream().anyMatch(x -> x.isActive()
                                && x.userId().equals(replacementUserId))) {
                    throw invalid("replacementUserId", replacementUserId, "请指定另一名招标人代表（系统用户，且不在委员会中）",
                            "Name another representative: a user not on the committee");
                }
            } else if (!seat.userId().equals(operator.userId())) {
                access.requireCentreOrMain(e, seat.centreCode(), operator);
            }
            if (!seat.isActive() || seat.status() == SeatStatus.REPLACING) {
                throw new ConflictException("该席位不在评标委员会中 / The seat is not on the committee");
            }
            if (detail == null || detail.isBlank()) {
                throw invalid("detail", detail, "请说明更换的情况", "Describe why the member leaves");
            }
            long waiting = runtime.createEventSubscriptionQuery().processInstanceId(e.processInstanceId())
                    .eventName(RemoteProcess.MEMBER_REPLACED).count();
            if (waiting == 0) {
                throw new ConflictException("当前环节不能更换成员（仅在准备、签到和评标期间）/ Members are replaced only "
                        + "while the venues prepare, sign in and evaluate");
            }
            store.endSeat(seatId, SeatStatus.REPLACING, reason.name() + "：" + detail.strip(), null, clock.instant());
            if (REPRESENTATIVE.equals(seat.role())) {
                store.replacementUser(seatId, replacementUserId);
            }
            runtime.createMessageCorrelation(RemoteProcess.MEMBER_REPLACED).processInstanceId(e.processInstanceId())
                    .correlate();
        });
    }

    /**
     * Each member who withdrew is replaced by a new draw in the same speciality from the same centre's pool; the
     * member's scores are void. Too few eligible experts: {@link CommitteeDraw.PoolExhausted} (the committee cannot
     * be completed: O87 49).
     */
    public void drawReplacements(String evaluationId) {
        RemoteRecords.Evaluation e = store.get(evaluationId);
        List<Seat> leaving = store.seats(evaluationId).stream().filter(s -> s.status() == SeatStatus.REPLACING)
                .toList();
        if (leaving.isEmpty()) {
            return;
        }
        Map<String, Integer> seatsByVenue = new LinkedHashMap<>();
        leaving.stream().filter(s -> EXPERT.equals(s.role())).forEach(s -> seatsByVenue.merge(s.venueId(), 1,
                Integer::sum));
        Map<String, List<String>> left = new LinkedHashMap<>();
        if (!seatsByVenue.isEmpty()) {
            committee.draw(e, "REPLACEMENT", seatsByVenue, committee.seated(evaluationId))
                    .forEach((venue, experts) -> left.put(venue, new ArrayList<>(experts)));
        }
        Instant now = clock.instant();
        for (Seat seat : leaving) {
            Seat replacement;
            if (EXPERT.equals(seat.role())) {
                String expertId = left.get(seat.venueId()).remove(0);
                replacement = store.addSeat(evaluationId, seat.seq(), seat.venueId(), seat.centreCode(), EXPERT,
                        expertId, pool.get(expertId).userId(), draws.last(evaluationId).id());
            } else {
                replacement = store.addSeat(evaluationId, seat.seq(), seat.venueId(), seat.centreCode(), REPRESENTATIVE,
                        null, seat.replacementUserId(), null);
            }
            evaluation.unseat(e.tenderId(), seat.userId(), seat.endReason());
            store.endSeat(seat.id(), SeatStatus.REPLACED, seat.endReason(), replacement.id(), now);
        }
        if (e.startedAt() != null && e.reviewedAt() != null) {
            // the leaving member's conclusions are void (TBR 48): the committee reviews again as it now sits
            evaluation.resetReview(e.tenderId());
            store.reviewed(evaluationId, null);
        }
    }
}

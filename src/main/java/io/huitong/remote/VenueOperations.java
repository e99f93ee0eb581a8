package io.huitong.remote;

import static io.huitong.remote.CommitteeDraw.EXPERT;
import static io.huitong.remote.CommitteeDraw.REPRESENTATIVE;
import static io.huitong.remote.Inputs.invalid;

import io.huitong.evaluation.CommitteeMember;
import io.huitong.evaluation.Evaluation;
import io.huitong.remote.RemoteRecords.Seat;
import io.huitong.remote.RemoteRecords.SeatStatus;
import io.huitong.shared.security.Operator;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.NotFoundException;
import io.huitong.shared.workflow.TaskActions;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The venues on the day (docs/domain.md §4.4): each venue's clerk prepares the seats and checks the video link, and
 * witnesses each member's sign-in (J5, J12) — an expert shows the ID card whose number the pool holds, a
 * representative is the user the plan named; the name is unsealed and the member seated. Once all have signed in at
 * prepared venues, the evaluation starts.
 */
@Component
public class VenueOperations {

    private final RemoteEvaluations store;
    private final Centres centres;
    private final ExpertPool pool;
    private final Evaluation evaluation;
    private final RemoteAccess access;
    private final TaskActions tasks;
    private final IdentityService identity;
    private final TransactionTemplate transactions;
    private final LegalClock clock;

    VenueOperations(RemoteEvaluations store, Centres centres, ExpertPool pool, Evaluation evaluation,
            RemoteAccess access, TaskActions tasks, IdentityService identity, TransactionTemplate transactions,
            LegalClock clock) {
        this.store = store;
        this.centres = centres;
        this.pool = pool;
        this.evaluation = evaluation;
        this.access = access;
        this.tasks = tasks;
        this.identity = identity;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Seats this centre's experts are drawn to as the partner of another platform (set once, at start). */
    private PartnerSignIns partnerSeats;

    @org.springframework.beans.factory.annotation.Autowired
    void partnerSeats(PartnerSignIns partnerSeats) {
        this.partnerSeats = partnerSeats;
    }

    /** The venues that have not confirmed their preparation: the main venue and every accepting partner's. */
    public List<String> venuesToPrepare(String evaluationId) {
        RemoteRecords.Evaluation e = store.get(evaluationId);
        List<String> venues = new ArrayList<>();
        if (e.mainPreparedAt() == null) {
            venues.add(e.mainVenueId());
        }
        store.accepted(evaluationId).stream().filter(p -> p.preparedAt() == null).forEach(p -> venues.add(p.venueId()));
        return venues;
    }

    /** The seats still to be signed in. */
    public List<String> seatsToSignIn(String evaluationId) {
        return store.seats(evaluationId).stream().filter(s -> s.status() == SeatStatus.DRAWN).map(Seat::id).toList();
    }

    /** A venue's clerk confirms the venue ready (the step records it: {@link #recordPreparation}). */
    public void prepare(String evaluationId, String venueId, Integer seatsReady, String linkCheck, String note,
            Operator operator) {
        transactions.executeWithoutResult(s -> {
            RemoteRecords.Evaluation e = store.get(evaluationId);
            access.requireCentre(centres.venue(venueId).centreCode(), operator);
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("seatsReady", seatsReady);
            vars.put("linkCheck", linkCheck);
            vars.put("note", note);
            tasks.completeOne(e.tenderId(), RemoteProcess.PREPARE_VENUE, RemoteProcess.VENUE_ID, venueId, operator,
                    vars);
        });
    }

    /** A venue's clerk confirms the seats and a working video link. */
    public void recordPreparation(String evaluationId, String venueId, Object seatsReady, String linkCheck,
            Operator operator) {
        long needed = store.seats(evaluationId).stream().filter(s -> s.venueId().equals(venueId) && s.isActive())
                .count();
        if (!(seatsReady instanceof Number n) || n.longValue() < needed) {
            throw invalid("seatsReady", seatsReady, "本评标室需准备" + needed + "个席位",
                    "The venue prepares " + needed + " seats");
        }
        if (!"OK".equals(linkCheck)) {
            throw invalid("linkCheck", linkCheck, "视频链路检测未通过的，请报告故障：POST /link-failures",
                    "A link that fails its check is reported: POST /link-failures");
        }
        RemoteRecords.Evaluation e = store.get(evaluationId);
        if (venueId.equals(e.mainVenueId())) {
            store.mainPrepared(evaluationId, operator.userId(), clock.instant());
        } else {
            String centre = centres.venue(venueId).centreCode();
            store.prepared(evaluationId, centre, operator.userId(), clock.instant());
        }
    }

    /**
     * A venue's clerk witnesses a member's sign-in: the expert shows the ID card (its number finds the seat drawn
     * for the expert at one of the clerk's venues), a representative is named by user; or the seat is given. The
     * step records it ({@link #recordSignIn}).
     */
    public void signIn(String evaluationId, String seatId, String idNo, String userId, Operator operator) {
        transactions.executeWithoutResult(s -> {
            RemoteRecords.Evaluation e = store.get(evaluationId);
            Seat seat = seatId != null ? seatOf(e, seatId) : seatFor(e, idNo, userId, operator);
            access.requireCentre(seat.centreCode(), operator);
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("idNo", idNo);
            vars.put("userId", userId);
            String key = tasks.open(e.tenderId(), RemoteProcess.SIGN_IN_REPLACEMENT).isEmpty() ? RemoteProcess.SIGN_IN
                    : RemoteProcess.SIGN_IN_REPLACEMENT;
            tasks.completeOne(e.tenderId(), key, RemoteProcess.SEAT_ID, seat.id(), operator, vars);
        });
    }

    /**
     * A partner on another platform witnessed the sign-in of an expert it drew from its own pool: it checked the
     * ID card there and sends the name, unsealed now (the step records it: {@link #recordSignIn}).
     */
    void signInForPeer(String evaluationId, String seatId, String name, Operator operator) {
        RemoteRecords.Evaluation e = store.get(evaluationId);
        Seat seat = seatOf(e, seatId);
        access.requireCentre(seat.centreCode(), operator);
        String key = tasks.open(e.tenderId(), RemoteProcess.SIGN_IN_REPLACEMENT).isEmpty() ? RemoteProcess.SIGN_IN
                : RemoteProcess.SIGN_IN_REPLACEMENT;
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("peerName", name);
        tasks.completeOne(e.tenderId(), key, RemoteProcess.SEAT_ID, seat.id(), operator, vars);
    }

    /**
     * The venue's clerk witnesses a member's sign-in (J5, J12): an expert shows the ID card whose number the pool
     * holds; a representative is the user the plan named; an expert a partner on another platform drew from its own
     * pool was checked there, and its platform sends the name ({@code peerName}). The name is unsealed and the
     * member seated.
     */
    public void recordSignIn(String evaluationId, String seatId, String idNo, String userId, String peerName,
            Operator operator) {
        Seat seat = store.seat(seatId);
        if (seat.status() != SeatStatus.DRAWN) {
            throw new ConflictException("该席位已签到或已更换 / The seat is signed in or replaced");
        }
        String name;
        if (EXPERT.equals(seat.role()) && seat.expertId() == null) {
            if (peerName == null || !seat.userId().startsWith(PeerIdentities.userOf(seat.centreCode()) + ".")) {
                throw invalid("name", peerName, "外部平台副场须告知签到专家的姓名", "The partner's platform names the expert");
            }
            name = peerName;
        } else if (EXPERT.equals(seat.role())) {
            Expert expert = pool.get(seat.expertId());
            if (idNo == null || !expert.idNo().equalsIgnoreCase(idNo.strip())) {
                throw invalid("idNo", idNo, "身份证号与抽取的专家不符", "The ID number is not the drawn expert's");
            }
            name = expert.name();
        } else {
            if (userId == null || !userId.equals(seat.userId())) {
                throw invalid("userId", userId, "与招标人指定的代表不符", "Not the representative the tenderer named");
            }
            name = displayName(userId);
        }
        RemoteRecords.Evaluation e = store.get(evaluationId);
        boolean elsewhere = EXPERT.equals(seat.role()) && seat.expertId() == null;
        CommitteeMember member = elsewhere
                ? evaluation.seatElsewhere(e.tenderId(), name, seat.userId(), CommitteeMember.Role.valueOf(seat.role()))
                : evaluation.seat(e.tenderId(), name, seat.userId(), CommitteeMember.Role.valueOf(seat.role()));
        store.signedIn(seat.id(), operator.userId(), member.id(), clock.instant());
    }

    /** Every member has signed in at a prepared venue; the evaluation starts. */
    public void start(String evaluationId) {
        store.started(evaluationId, clock.instant());
    }

    /** Whether the evaluation has started (a replacement then signs in and the evaluation resumes). */
    public boolean started(String evaluationId) {
        return store.get(evaluationId).startedAt() != null;
    }

    /** Whether the current committee has done the qualification review (re-entering after a pause skips it). */
    public boolean reviewed(String evaluationId) {
        return store.get(evaluationId).reviewedAt() != null;
    }

    public void markReviewed(String evaluationId) {
        store.reviewed(evaluationId, clock.instant());
    }

    /**
     * Where an expert is drawn to sit: the expert learns the venue and the time (not the project, nor the other
     * members: G11, G14), the centres learn the name only at sign-in.
     */
    public record Assignment(String evaluationId, String seatId, String venueId, String venueName,
            String centreName, OffsetDateTime scheduledStart, String status) {
    }

    public List<Assignment> assignments(Operator operator) {
        List<Assignment> found = new ArrayList<>();
        for (RemoteRecords.Evaluation e : store.all()) {
            for (Seat seat : store.seats(e.id())) {
                if (seat.userId().equals(operator.userId()) && seat.isActive()) {
                    Centre.Venue venue = centres.venue(seat.venueId());
                    found.add(new Assignment(e.id(), seat.id(), venue.id(), venue.name(),
                            centres.get(venue.centreCode()).name(), e.scheduledStart(), seat.status().name()));
                }
            }
        }
        found.addAll(partnerSeats.assignments(operator.userId()));
        return found;
    }

    private Seat seatOf(RemoteRecords.Evaluation e, String seatId) {
        Seat seat = store.seat(seatId);
        if (!seat.evaluationId().equals(e.id())) {
            throw new NotFoundException("没有该席位 / No seat " + seatId);
        }
        return seat;
    }

    private Seat seatFor(RemoteRecords.Evaluation e, String idNo, String userId, Operator operator) {
        List<String> mine = access.centresOf(operator).stream().map(Centre::code).toList();
        String expertId = idNo == null ? null : pool.byIdNo(idNo).map(Expert::id).orElse(null);
        return store.seats(e.id()).stream()
                .filter(x -> x.status() == SeatStatus.DRAWN && mine.contains(x.centreCode()))
                .filter(x -> expertId != null ? expertId.equals(x.expertId())
                        : userId != null && REPRESENTATIVE.equals(x.role()) && userId.equals(x.userId()))
                .findFirst().orElseThrow(() -> invalid(idNo != null ? "idNo" : "userId", idNo != null ? idNo : userId,
                        "本评标室没有抽取到该成员，或其已签到", "No one drawn for your venue with that identity, or already signed in"));
    }

    private String displayName(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        return user == null ? userId : (user.getFirstName() == null ? userId : user.getFirstName());
    }
}

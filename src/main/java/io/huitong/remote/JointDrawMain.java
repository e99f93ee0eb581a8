package io.huitong.remote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.interconnect.PeerExchange;
import io.huitong.interconnect.PeerMessage;
import io.huitong.remote.RemoteRecords.Draw;
import io.huitong.remote.RemoteRecords.Partner;
import io.huitong.rules.DecisionRecord;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.web.ConflictException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The main side of a joint draw with partners on other platforms ({@link JointDraw}; processes/remote-evaluation.bpmn,
 * {@code drawing}): this centre commits its part (its own and its local partners' venues, drawn from this
 * deployment's pool) with the seed committed when the evaluation was planned as its share, and asks each partner on
 * another platform to commit its own; once every commitment is held it reveals, and once every reveal holds the
 * model draws. Each side's seats come from its own pool, the randomness from all.
 */
@Component
public class JointDrawMain {

    static final String COMMIT = "remote.draw-commit";
    static final String REVEAL = "remote.draw-reveal";

    private final RemoteEvaluations store;
    private final CommitteeDraw committee;
    private final DrawRecords draws;
    private final JointDrawParties parties;
    private final PeerExchange exchange;
    private final RuntimeService runtime;
    private final LegalClock clock;
    private final ObjectMapper json;
    private final RemotePolicy policy;

    JointDrawMain(RemoteEvaluations store, CommitteeDraw committee, DrawRecords draws, JointDrawParties parties,
            PeerExchange exchange, RuntimeService runtime, LegalClock clock, ObjectMapper json, RemotePolicy policy) {
        this.policy = policy;
        this.store = store;
        this.committee = committee;
        this.draws = draws;
        this.parties = parties;
        this.exchange = exchange;
        this.runtime = runtime;
        this.clock = clock;
        this.json = json;
    }

    /** Whether a partner that accepted runs its own platform: then the draw is joint. */
    public boolean jointDraw(String evaluationId) {
        return !peers(evaluationId).isEmpty();
    }

    /** This side's commitment, recorded and sent to each partner on another platform with its seats. */
    public void commit(String evaluationId) {
        RemoteRecords.Evaluation e = store.get(evaluationId);
        Map<String, Integer> seats = committee.seatsByVenue(e);
        List<Partner> peers = peers(evaluationId);
        Map<String, Integer> own = new LinkedHashMap<>(seats);
        peers.forEach(p -> own.remove(p.venueId()));
        CommitteeDraw.Prepared prepared = committee.prepare(e, "COMMITTEE", own, committee.seated(evaluationId),
                exchange.centre());
        String share = store.nextSeed(e.id()).orElseGet(() -> VerifiableDraw.newSeed(new java.security.SecureRandom()));
        store.clearNextSeed(e.id());
        Draw committed = draws.commit(e.id(), "COMMITTEE", VerifiableDraw.commitment(share), prepared.text(),
                VerifiableDraw.hash(prepared.text()), clock.instant());
        prepared.excluded().forEach((expertId, why) -> why.forEach(x -> draws.exclude(committed.id(), expertId,
                x.by().rule(), x.by().citation(), x.reasonZh() + " / " + x.reasonEn())));
        ObjectNode outputs = json.createObjectNode().put("joint", true);
        outputs.set("partners", json.valueToTree(peers.stream().map(Partner::centreCode).toList()));
        draws.joint(committed.id(), committee.saveDrawDecision(e, prepared.tender(), prepared.ruleSet(), committed,
                prepared.decided(), DecisionRecord.Outcome.ACCEPTED, outputs));
        parties.own(e.id(), committed.drawNo(), exchange.centre(), prepared.text(), share, clock.instant());
        JointDraw.Commitment mine = parties.find(e.id(), committed.drawNo(), exchange.centre()).orElseThrow()
                .commitment();
        LocalDate day = e.scheduledStart().atZoneSameInstant(LegalClock.CHINA).toLocalDate();
        for (Partner p : peers) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("drawNo", committed.drawNo());
            body.put("purpose", "COMMITTEE");
            body.put("poolHash", mine.poolHash());
            body.put("shareHash", mine.shareHash());
            body.put("evaluationDay", day.toString());
            body.put("speciality", e.speciality());
            body.put("venueId", p.venueId());
            body.put("seats", seats.get(p.venueId()));
            exchange.send(p.centreCode(), COMMIT, e.id(), body);
        }
    }

    /** A partner's commitment: held (or refused: not a party, a second different one); all held, this side reveals. */
    void committed(PeerMessage message) {
        RemoteRecords.Evaluation e = store.get(message.subject());
        int drawNo = message.body().path("drawNo").asInt();
        requireCurrent(e, drawNo);
        Set<String> partySet = partySet(e.id());
        if (!partySet.contains(message.peer()) || parties.find(e.id(), drawNo, exchange.centre()).isEmpty()) {
            throw new ConflictException("该平台不是本次抽取的一方 / Not a party to this draw: " + message.peer());
        }
        JointDraw.Commitment c = new JointDraw.Commitment(message.peer(), drawNo, message.text("poolHash"),
                message.text("shareHash"));
        List<JointDrawParties.Party> held = parties.of(e.id(), drawNo);
        refuseUnless(JointDraw.acceptCommitment(commitments(held), partySet, c), message.peer());
        parties.committed(e.id(), c, clock.instant());
        held = parties.of(e.id(), drawNo);
        JointDrawParties.Party own = held.stream().filter(JointDrawParties.Party::own).findFirst().orElseThrow();
        if (own.revealedAt() == null && JointDraw.canReveal(commitments(held), partySet, drawNo)) {
            for (Partner p : peers(e.id())) {
                exchange.send(p.centreCode(), REVEAL, e.id(), Map.of("drawNo", drawNo, "snapshot", own.snapshot(),
                        "share", own.share()));
            }
            parties.revealed(e.id(), own.reveal(), clock.instant());
        }
    }

    /** A partner's reveal: held against its commitment; every reveal in, the model draws. */
    void revealed(PeerMessage message) {
        RemoteRecords.Evaluation e = store.get(message.subject());
        int drawNo = message.body().path("drawNo").asInt();
        requireCurrent(e, drawNo);
        Set<String> partySet = partySet(e.id());
        JointDraw.Reveal r = new JointDraw.Reveal(message.peer(), drawNo, message.text("snapshot"),
                message.text("share"));
        refuseUnless(JointDraw.acceptReveal(commitments(parties.of(e.id(), drawNo)), partySet, r), message.peer());
        requireOwnVenueOnly(e, r, message.peer());
        parties.revealed(e.id(), r, clock.instant());
        if (parties.of(e.id(), drawNo).stream().allMatch(p -> p.revealedAt() != null)) {
            runtime.createMessageCorrelation(RemoteProcess.JOINT_DRAW_REVEALED)
                    .processInstanceId(e.processInstanceId()).correlate();
        }
    }

    /** Until when this side waits for the partners' commitments and reveals (remote.joint-draw.reveal-hours). */
    public java.util.Date revealDeadline(String evaluationId) {
        RemoteRecords.Evaluation e = store.get(evaluationId);
        return java.util.Date.from(clock.instant().plus(policy.hours(e, "remote.joint-draw.reveal-hours")));
    }

    /**
     * The partners that did not commit or reveal in time: on the draw's record, against them; the draw is void and
     * nobody is seated from it. Returns their centre codes.
     */
    public List<String> withheld(String evaluationId) {
        RemoteRecords.Evaluation e = store.get(evaluationId);
        Draw own = draws.last(e.id());
        List<JointDrawParties.Party> held = parties.of(e.id(), own.drawNo());
        List<String> withheld = peers(evaluationId).stream().map(Partner::centreCode)
                .filter(c -> held.stream().noneMatch(p -> p.centreCode().equals(c) && p.revealedAt() != null))
                .toList();
        draws.withheld(own.id(), json.createObjectNode().set("withheld", json.valueToTree(withheld)).toString(),
                clock.instant());
        return withheld;
    }

    /** The committee from every party's reveal: each side's venues from its own snapshot, with the joint seed. */
    public void drawCommittee(String evaluationId) {
        RemoteRecords.Evaluation e = store.get(evaluationId);
        Draw own = draws.last(e.id());
        List<JointDrawParties.Party> all = parties.of(e.id(), own.drawNo());
        Map<String, List<String>> drawn;
        try {
            drawn = JointDraw.draw(all.stream().map(JointDrawParties.Party::reveal).toList(), commitments(all));
        } catch (VerifiableDraw.PoolTooSmall small) {
            throw new CommitteeDraw.PoolExhausted("评标室 " + small.venueId() + " 需要 " + small.seats()
                    + " 名专家，符合条件的只有 " + small.candidates() + " 名 / too few eligible experts");
        }
        String share = all.stream().filter(JointDrawParties.Party::own).findFirst().orElseThrow().share();
        draws.reveal(own.id(), share, json.valueToTree(drawn).toString(), own.decisionId(), clock.instant());
        committee.seat(e, drawn, peers(evaluationId).stream().map(Partner::centreCode).collect(Collectors.toSet()));
    }

    /** Only the draw in progress takes commitments and reveals: one withheld and drawn again is over. */
    private void requireCurrent(RemoteRecords.Evaluation e, int drawNo) {
        List<Draw> all = draws.draws(e.id());
        Draw current = all.isEmpty() ? null : all.get(all.size() - 1);
        if (current == null || current.drawNo() != drawNo || current.drawnAt() != null) {
            throw new ConflictException("该次抽取已结束 / This draw is over: " + drawNo);
        }
    }

    /**
     * A partner's part is its venue with the seats this side sent it, and nothing else: a partner may not give itself
     * more seats or another venue (the committee's composition is the main centre's plan).
     */
    private void requireOwnVenueOnly(RemoteRecords.Evaluation e, JointDraw.Reveal r, String centre) {
        Partner partner = store.partner(e.id(), centre);
        VerifiableDraw.Snapshot snapshot;
        try {
            snapshot = json.readValue(r.snapshotText(), VerifiableDraw.Snapshot.class);
        } catch (java.io.IOException | RuntimeException unreadable) {
            throw io.huitong.shared.web.ValidationException.of("snapshot", null, null, "抽取快照无法读取",
                    "The draw snapshot cannot be read");
        }
        Integer seats = partner.expertSeats();
        boolean own = snapshot.groups().size() == 1 && snapshot.groups().get(0).venueId().equals(partner.venueId())
                && seats != null && snapshot.groups().get(0).seats() == seats
                && e.id().equals(snapshot.evaluationId());
        if (!own) {
            throw io.huitong.shared.web.ValidationException.of("snapshot", centre, seats, "副场的抽取快照须仅含其评标室及主场分配的席位",
                    "A partner's snapshot holds its own venue only, with the seats the main centre gave it");
        }
    }

    private List<Partner> peers(String evaluationId) {
        return store.accepted(evaluationId).stream().filter(p -> exchange.isPeer(p.centreCode())).toList();
    }

    private Set<String> partySet(String evaluationId) {
        Set<String> set = new LinkedHashSet<>();
        set.add(exchange.centre());
        peers(evaluationId).forEach(p -> set.add(p.centreCode()));
        return set;
    }

    static List<JointDraw.Commitment> commitments(List<JointDrawParties.Party> held) {
        return held.stream().map(JointDrawParties.Party::commitment).toList();
    }

    static void refuseUnless(JointDraw.Verdict verdict, String centre) {
        if (!verdict.holds()) {
            throw io.huitong.shared.web.ValidationException.of("draw", centre, null,
                    "抽取承诺或揭示不成立 / The draw's commitment or reveal fails", verdict.reason());
        }
    }
}

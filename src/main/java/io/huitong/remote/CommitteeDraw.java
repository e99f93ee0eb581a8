package io.huitong.remote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.bidding.Bid;
import io.huitong.bidding.BidService;
import io.huitong.bidding.BidStatus;
import io.huitong.credit.CreditRegistry;
import io.huitong.credit.PartyRelation;
import io.huitong.evaluation.CommitteeMember;
import io.huitong.remote.RemoteRecords.Draw;
import io.huitong.remote.RemoteRecords.Partner;
import io.huitong.remote.RemoteRecords.Status;
import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionReplay;
import io.huitong.rules.DecisionRecords;
import io.huitong.rules.RuleSet;
import io.huitong.shared.security.Operator;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.workflow.TaskActions;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import io.huitong.tender.registration.RegistrationDecision;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The verifiable draw of the committee's experts across the venues (G5, G10, G11): the avoidance rules exclude, each
 * exclusion kept with its article; the main centre commits to a seed's hash before the pool is fixed, draws on the
 * snapshot of the pool, reveals the seed; anyone re-runs it ({@link #verify}). Too few eligible experts stop it
 * ({@link PoolExhausted}) until the main centre has widened the pool and draws again.
 */
@Component
public class CommitteeDraw {

    static final String EXPERT = CommitteeMember.Role.EXPERT.name();
    static final String REPRESENTATIVE = CommitteeMember.Role.PURCHASER_REPRESENTATIVE.name();

    private final RemoteEvaluations store;
    private final DrawRecords draws;
    private final Centres centres;
    private final ExpertPool pool;
    private final TenderService tenders;
    private final BidService bids;
    private final CreditRegistry credit;
    private final DecisionRecords decisionRecords;
    private final RemotePolicy policy;
    private final RemoteAccess access;
    private final TaskActions tasks;
    private final TransactionTemplate transactions;
    private final LegalClock clock;
    private final ObjectMapper json;
    private final SecureRandom random = new SecureRandom();
    private final JointDrawParties jointParties;

    CommitteeDraw(RemoteEvaluations store, DrawRecords draws, Centres centres, ExpertPool pool, TenderService tenders,
            BidService bids, CreditRegistry credit, DecisionRecords decisionRecords, RemotePolicy policy,
            RemoteAccess access, TaskActions tasks, TransactionTemplate transactions, LegalClock clock,
            ObjectMapper json, JointDrawParties jointParties) {
        this.jointParties = jointParties;
        this.store = store;
        this.draws = draws;
        this.centres = centres;
        this.pool = pool;
        this.tenders = tenders;
        this.bids = bids;
        this.credit = credit;
        this.decisionRecords = decisionRecords;
        this.policy = policy;
        this.access = access;
        this.tasks = tasks;
        this.transactions = transactions;
        this.clock = clock;
        this.json = json;
    }

    /** Too few eligible experts for a venue: the committee cannot be completed from the pool as it is (O87 49). */
    public static final class PoolExhausted extends RuntimeException {

        PoolExhausted(String message) {
            super(message);
        }
    }

    /** When the draw runs: the configured hours before the scheduled start (G10), or now if that has passed. */
    public Date drawAt(String evaluationId) {
        RemoteRecords.Evaluation e = store.get(evaluationId);
        Instant at = e.scheduledStart().toInstant()
                .minus(Duration.ofHours(policy.parameter(e, "remote.draw.hours-before").longValue()));
        Instant now = clock.instant();
        return Date.from(at.isBefore(now) ? now : at);
    }

    /** The committee's experts are drawn across the venues, its representatives seated at the main venue. */
    public void drawCommittee(String evaluationId) {
        RemoteRecords.Evaluation e = store.get(evaluationId);
        Map<String, List<String>> drawn = draw(e, "COMMITTEE", seatsByVenue(e), seated(evaluationId));
        seat(e, drawn, Set.of());
    }

    /**
     * The experts' seats per venue: the main venue's share and each accepted partner's (recorded on the partner), in
     * the order the partners accepted.
     */
    Map<String, Integer> seatsByVenue(RemoteRecords.Evaluation e) {
        RemotePolicy.Allocation allocation = policy.allocation(e);
        List<Partner> accepted = store.accepted(e.id());
        Map<String, Integer> seatsByVenue = new LinkedHashMap<>();
        seatsByVenue.put(e.mainVenueId(), allocation.main());
        for (int i = 0; i < accepted.size(); i++) {
            int seats = allocation.perPartner() + (i < allocation.remainder() ? 1 : 0);
            store.expertSeats(e.id(), accepted.get(i).centreCode(), seats);
            seatsByVenue.put(accepted.get(i).venueId(), seats);
        }
        return seatsByVenue;
    }

    /**
     * Seats the drawn experts at their venues and the representatives at the main venue. An expert of this
     * deployment's pool sits as its user; one a partner on another platform drew from its own pool is known here
     * only by the id that pool gives it, and sits as {@code peer-<centre>.<id>} ({@link PeerIdentities#seatUser}).
     */
    void seat(RemoteRecords.Evaluation e, Map<String, List<String>> drawn, Set<String> peerCentres) {
        int seq = 1;
        String drawId = draws.last(e.id()).id();
        for (Map.Entry<String, List<String>> venue : drawn.entrySet()) {
            String centre = centres.venue(venue.getKey()).centreCode();
            for (String expertId : venue.getValue()) {
                boolean local = !peerCentres.contains(centre);
                store.addSeat(e.id(), seq++, venue.getKey(), centre, EXPERT, local ? expertId : null,
                        local ? pool.get(expertId).userId() : PeerIdentities.seatUser(centre, expertId), drawId);
            }
        }
        for (String rep : e.representatives()) {
            store.addSeat(e.id(), seq++, e.mainVenueId(), e.mainCentre(), REPRESENTATIVE, null, rep, null);
        }
        store.status(e.id(), Status.PREPARING);
    }

    /** The main venue retries the draw once the pool has more eligible experts (O87 49; G5). */
    public void retryDraw(String evaluationId, Operator operator) {
        transactions.executeWithoutResult(s -> {
            RemoteRecords.Evaluation e = store.get(evaluationId);
            access.requireMain(e, operator);
            tasks.complete(e.tenderId(), RemoteProcess.WIDEN_POOL, operator, Map.of());
        });
    }

    /** Every expert who sat or was drawn for the evaluation: none is drawn again. */
    Set<String> seated(String evaluationId) {
        Set<String> notAgain = new HashSet<>();
        store.seats(evaluationId).stream().filter(s -> s.expertId() != null).forEach(s -> notAgain.add(s.expertId()));
        return notAgain;
    }

    /**
     * A fresh seed, its hash committed before the pool is fixed and shown to every party at once: the draw runs on
     * it, so the seed cannot be chosen after the pool is seen (pool changes after the commitment carry their time).
     */
    void commitSeed(String evaluationId) {
        String seed = VerifiableDraw.newSeed(random);
        store.commitNextSeed(evaluationId, seed, VerifiableDraw.commitment(seed), clock.instant());
    }

    /**
     * Runs the avoidance rules over each venue's pool (its centre's experts in the speciality), writes the
     * snapshot, commits to a fresh seed, draws, reveals the seed and records the decision with every exclusion.
     */
    Map<String, List<String>> draw(RemoteRecords.Evaluation e, String purpose, Map<String, Integer> seatsByVenue,
            Set<String> notAgain) {
        Prepared prepared = prepare(e, purpose, seatsByVenue, notAgain, null);
        Tender tender = prepared.tender();
        RuleSet ruleSet = prepared.ruleSet();
        RuleSet.Evaluation decided = prepared.decided();
        Map<String, List<DrawFacts.Exclusion>> excluded = prepared.excluded();
        String text = prepared.text();
        // the seed committed when the evaluation was planned (or rescheduled); a replacement commits and draws at once
        String planned = store.nextSeed(e.id()).orElse(null);
        String seed = planned != null ? planned : VerifiableDraw.newSeed(random);
        Instant committedAt = planned != null ? e.nextSeedCommittedAt() : clock.instant();
        store.clearNextSeed(e.id());
        Draw committed = draws.commit(e.id(), purpose, VerifiableDraw.commitment(seed), text, VerifiableDraw.hash(text),
                committedAt);
        excluded.forEach((expertId, why) -> why.forEach(x -> draws.exclude(committed.id(), expertId, x.by().rule(),
                x.by().citation(), x.reasonZh() + " / " + x.reasonEn())));
        Map<String, List<String>> drawn;
        try {
            drawn = VerifiableDraw.run(seed, text);
        } catch (VerifiableDraw.PoolTooSmall small) {
            ObjectNode outputs = json.createObjectNode().put("venueId", small.venueId()).put("seats", small.seats())
                    .put("eligible", small.candidates());
            saveDrawDecision(e, tender, ruleSet, committed, decided, DecisionRecord.Outcome.REFUSED, outputs);
            throw new PoolExhausted("评标室 " + small.venueId() + " 需要 " + small.seats()
                    + " 名专家，符合条件的只有 " + small.candidates() + " 名 / too few eligible experts");
        }
        ObjectNode outputs = json.createObjectNode();
        outputs.set("drawn", json.valueToTree(drawn));
        String decisionId = saveDrawDecision(e, tender, ruleSet, committed, decided, DecisionRecord.Outcome.ACCEPTED,
                outputs);
        draws.reveal(committed.id(), seed, json.valueToTree(drawn).toString(), decisionId, clock.instant());
        return drawn;
    }

    /** A draw's snapshot, made: the avoidance rules' decision, each expert's exclusions, the canonical text. */
    record Prepared(Tender tender, RuleSet ruleSet, RuleSet.Evaluation decided,
            Map<String, List<DrawFacts.Exclusion>> excluded, String text, int drawNo) {
    }

    /**
     * Runs the avoidance rules over each venue's pool and writes the snapshot the draw runs on. In a joint draw
     * ({@code platform} given) every group is this platform's part, whichever of its centres the venue is.
     */
    Prepared prepare(RemoteRecords.Evaluation e, String purpose, Map<String, Integer> seatsByVenue,
            Set<String> notAgain, String platform) {
        Tender tender = tenders.get(e.tenderId());
        RuleSet ruleSet = policy.ruleSet(e);
        LocalDate day = e.scheduledStart().atZoneSameInstant(LegalClock.CHINA).toLocalDate();
        List<Object> facts = projectFacts(e);
        Map<String, List<Expert>> byVenue = new LinkedHashMap<>();
        for (String venueId : seatsByVenue.keySet()) {
            List<Expert> experts = pool.of(centres.venue(venueId).centreCode(), e.speciality()).stream()
                    .filter(x -> !notAgain.contains(x.id())).toList();
            byVenue.put(venueId, experts);
            experts.forEach(x -> addFacts(facts, x));
        }
        RuleSet.Evaluation decided = ruleSet.evaluate(tender.bidDeadlineDate(), facts);
        Map<String, List<DrawFacts.Exclusion>> excluded = new LinkedHashMap<>();
        decided.all(DrawFacts.Exclusion.class).forEach(x -> excluded.computeIfAbsent(x.expertId(), k -> new ArrayList<>())
                .add(x));
        int drawNo = draws.nextDrawNo(e.id());
        Map<String, List<String>> candidates = new LinkedHashMap<>();
        Map<String, String> centreOf = new LinkedHashMap<>();
        byVenue.forEach((venue, experts) -> {
            candidates.put(venue, experts.stream().map(Expert::id).toList());
            centreOf.put(venue, centres.venue(venue).centreCode());
        });
        if (platform != null) {
            centreOf.replaceAll((venue, centre) -> platform);
        }
        List<VerifiableDraw.Group> groups = groups(candidates, centreOf, seatsByVenue, excluded.keySet());
        VerifiableDraw.Snapshot snapshot = new VerifiableDraw.Snapshot(e.id(), drawNo, purpose, day.toString(),
                e.speciality(), groups);
        return new Prepared(tender, ruleSet, decided, excluded, VerifiableDraw.text(snapshot), drawNo);
    }

    /**
     * What the avoidance rules need to know of the project, whichever pool they run over: the law, the day, the
     * purchaser, its agency and supervising department, every bidder of the round and the parties related to one
     * (the credit registry's control relations). A partner on another platform gets these with the request.
     */
    List<Object> projectFacts(RemoteRecords.Evaluation e) {
        Tender tender = tenders.get(e.tenderId());
        RegistrationDecision decisions = tenders.decisions(tender);
        LocalDate day = e.scheduledStart().atZoneSameInstant(LegalClock.CHINA).toLocalDate();
        List<Object> facts = new ArrayList<>();
        facts.add(new DrawFacts.Context(decisions.applicableLaw(), tender.regime(), day, e.purchaserId(),
                tenders.registration(tender).agencyId(), e.supervisoryDepartment()));
        Set<String> bidders = new HashSet<>();
        bids.ofRound(tender.id(), tender.round()).stream()
                .filter(b -> b.status() == BidStatus.VALID || b.status() == BidStatus.INVALID)
                .map(Bid::parties).forEach(bidders::addAll);
        bidders.stream().sorted().forEach(p -> facts.add(new DrawFacts.Bidder(p)));
        for (PartyRelation r : credit.relationsAmong(bidders)) {
            if (bidders.contains(r.partyId()) && !bidders.contains(r.relatedPartyId())) {
                facts.add(new DrawFacts.RelatedToBidder(r.relatedPartyId(), r.partyId()));
            } else if (bidders.contains(r.relatedPartyId()) && !bidders.contains(r.partyId())) {
                facts.add(new DrawFacts.RelatedToBidder(r.partyId(), r.relatedPartyId()));
            }
        }
        return facts;
    }

    /**
     * What each venue's draw runs on: its candidates less every expert the avoidance rules excluded, in id order
     * (the order every snapshot uses).
     */
    static List<VerifiableDraw.Group> groups(Map<String, List<String>> candidates, Map<String, String> centreOfVenue,
            Map<String, Integer> seats, Set<String> excluded) {
        List<VerifiableDraw.Group> groups = new ArrayList<>();
        candidates.forEach((venue, experts) -> groups.add(new VerifiableDraw.Group(venue, centreOfVenue.get(venue),
                seats.get(venue), experts.stream().filter(id -> !excluded.contains(id)).sorted().toList())));
        return groups;
    }

    String saveDrawDecision(RemoteRecords.Evaluation e, Tender tender, RuleSet ruleSet, Draw committed,
            RuleSet.Evaluation decided, DecisionRecord.Outcome outcome, ObjectNode outputs) {
        ObjectNode inputs = json.createObjectNode().put("evaluationId", e.id()).put("drawId", committed.id())
                .put("drawNo", committed.drawNo()).put("seedHash", committed.seedHash())
                .put("snapshotHash", committed.snapshotHash())
                .put(DecisionReplay.AS_OF, tender.bidDeadlineDate() == null ? null : tender.bidDeadlineDate().toString());
        outputs.set("exclusions", json.valueToTree(decided.all(DrawFacts.Exclusion.class)));
        String id = UUID.randomUUID().toString();
        decisionRecords.save(new DecisionRecord(id, "EXPERT_DRAW", outcome, false, tender.id(), ruleSet.version(),
                clock.instant(), "system", null, inputs, outputs, decided.firedRules(), List.of()));
        return id;
    }

    static void addFacts(List<Object> facts, Expert x) {
        facts.add(new DrawFacts.Candidate(x.id(), x.name(), x.centreCode(), x.employerId(), x.department(),
                x.yearsInField(), x.seniorTitle()));
        x.employment().forEach(j -> facts.add(new DrawFacts.Employment(x.id(), j.partyId(), j.role(), j.startDate(),
                j.endDate())));
        x.relations().forEach(r -> facts.add(new DrawFacts.Relation(x.id(), r.partyId(), r.kind())));
        x.penalties().forEach(p -> facts.add(new DrawFacts.Penalty(x.id(), p.kind(), p.decidedOn())));
        x.absences().forEach(a -> facts.add(new DrawFacts.Absence(x.id(), a.from(), a.to())));
    }

    /** Re-runs a draw from its revealed seed and stored snapshot: the same experts, or it was not this draw. */
    public Verification verify(String drawId) {
        Draw draw = draws.draw(drawId);
        if (draw.seed() == null) {
            throw new ConflictException("种子尚未公开 / The seed is not revealed yet");
        }
        // this side's part of a joint draw is re-run with every party's reveal (JointDraw)
        Map<String, List<String>> again = draws.isJoint(drawId) ? jointParties.rerun(draw.evaluationId(),
                draw.drawNo()) : VerifiableDraw.run(draw.seed(), draw.snapshot());
        boolean commitmentHolds = VerifiableDraw.commitment(draw.seed()).equals(draw.seedHash());
        boolean snapshotHolds = VerifiableDraw.hash(draw.snapshot()).equals(draw.snapshotHash());
        boolean same = json.valueToTree(again).toString().equals(draw.result());
        return new Verification(drawId, commitmentHolds, snapshotHolds, same, again);
    }

    /** A draw re-run: whether the seed matches its commitment, the snapshot its hash, and the result the record. */
    public record Verification(String drawId, boolean commitmentHolds, boolean snapshotHolds, boolean sameResult,
            Map<String, List<String>> result) {
    }
}

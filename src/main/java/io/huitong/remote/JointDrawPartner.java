package io.huitong.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huitong.interconnect.PeerExchange;
import io.huitong.interconnect.PeerMessage;
import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.web.ConflictException;
import io.huitong.tender.Regime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The partner's side of a joint draw ({@link JointDraw}): when the main centre's commitment arrives, this centre runs
 * its own avoidance rules over its own pool with the facts the request carried, commits its snapshot and a fresh
 * share, and — holding both commitments — reveals at once. When the main centre's reveal arrives and holds, both
 * sides compute the same committee; this centre's seats are its own experts, their names kept here until sign-in.
 */
@Component
class JointDrawPartner {

    private final Engagements engagements;
    private final JointDrawParties parties;
    private final ExpertPool pool;
    private final RuleSetRegistry ruleSets;
    private final PeerExchange exchange;
    private final RuntimeService runtime;
    private final JdbcClient jdbc;
    private final LegalClock clock;
    private final ObjectMapper json;
    private final SecureRandom random = new SecureRandom();

    JointDrawPartner(Engagements engagements, JointDrawParties parties, ExpertPool pool, RuleSetRegistry ruleSets,
            PeerExchange exchange, RuntimeService runtime, JdbcClient jdbc, LegalClock clock, ObjectMapper json) {
        this.engagements = engagements;
        this.parties = parties;
        this.pool = pool;
        this.ruleSets = ruleSets;
        this.exchange = exchange;
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    boolean isPartnerOf(PeerMessage message) {
        return engagements.of(message.peer(), message.subject()).isPresent();
    }

    /** The main centre's commitment: this centre's snapshot and share committed, then revealed. */
    void committed(PeerMessage message) {
        PartnerEngagement g = engagements.of(message.peer(), message.subject()).orElseThrow();
        if (g.status() != PartnerEngagement.Status.ACCEPTED) {
            throw new ConflictException("本中心未接受该协作请求 / This centre has not accepted the request");
        }
        JsonNode body = message.body();
        int drawNo = body.path("drawNo").asInt();
        if (!g.venueId().equals(body.path("venueId").asText()) || body.path("seats").asInt() < 1) {
            throw io.huitong.shared.web.ValidationException.of("venueId", body.path("venueId").asText(null), null,
                    "抽取须为本中心接受时提供的评标室及其席位", "The draw is for the venue this centre offered, with seats");
        }
        String own = exchange.centre();
        Set<String> partySet = new LinkedHashSet<>(List.of(message.peer(), own));
        JointDraw.Commitment main = new JointDraw.Commitment(message.peer(), drawNo, message.text("poolHash"),
                message.text("shareHash"));
        JointDrawMain.refuseUnless(JointDraw.acceptCommitment(JointDrawMain.commitments(parties.of(g.evaluationRef(),
                drawNo)), partySet, main), message.peer());
        parties.committed(g.evaluationRef(), main, clock.instant());
        if (parties.find(g.evaluationRef(), drawNo, own).isEmpty()) {
            String snapshot = snapshot(g, drawNo, body);
            parties.own(g.evaluationRef(), drawNo, own, snapshot, VerifiableDraw.newSeed(random), clock.instant());
            JointDraw.Commitment mine = parties.find(g.evaluationRef(), drawNo, own).orElseThrow().commitment();
            exchange.send(g.mainCentre(), JointDrawMain.COMMIT, g.evaluationRef(), Map.of("drawNo", drawNo,
                    "purpose", body.path("purpose").asText("COMMITTEE"), "poolHash", mine.poolHash(), "shareHash",
                    mine.shareHash()));
        }
        List<JointDrawParties.Party> held = parties.of(g.evaluationRef(), drawNo);
        JointDrawParties.Party mine = held.stream().filter(JointDrawParties.Party::own).findFirst().orElseThrow();
        if (mine.revealedAt() == null && JointDraw.canReveal(JointDrawMain.commitments(held), partySet, drawNo)) {
            exchange.send(g.mainCentre(), JointDrawMain.REVEAL, g.evaluationRef(), Map.of("drawNo", drawNo,
                    "snapshot", mine.snapshot(), "share", mine.share()));
            parties.revealed(g.evaluationRef(), mine.reveal(), clock.instant());
        }
    }

    /** The main centre's reveal: held against its commitment, the committee drawn, this centre's seats recorded. */
    void revealed(PeerMessage message) {
        PartnerEngagement g = engagements.of(message.peer(), message.subject()).orElseThrow();
        int drawNo = message.body().path("drawNo").asInt();
        Set<String> partySet = new LinkedHashSet<>(List.of(message.peer(), exchange.centre()));
        JointDraw.Reveal r = new JointDraw.Reveal(message.peer(), drawNo, message.text("snapshot"),
                message.text("share"));
        JointDrawMain.refuseUnless(JointDraw.acceptReveal(JointDrawMain.commitments(parties.of(g.evaluationRef(),
                drawNo)), partySet, r), message.peer());
        parties.revealed(g.evaluationRef(), r, clock.instant());
        List<JointDrawParties.Party> all = parties.of(g.evaluationRef(), drawNo);
        if (!all.stream().allMatch(p -> p.revealedAt() != null)) {
            return;
        }
        Map<String, List<String>> drawn;
        try {
            drawn = JointDraw.draw(all.stream().map(JointDrawParties.Party::reveal).toList(),
                    JointDrawMain.commitments(all));
        } catch (VerifiableDraw.PoolTooSmall small) {
            // too few eligible experts on one side: the main centre widens the pool and draws again (a new number)
            return;
        }
        int seat = 1;
        for (String expertId : drawn.getOrDefault(g.venueId(), List.of())) {
            jdbc.sql("insert into partner_seat (engagement_id, seat_no, expert_id, draw_no, status) "
                    + "values (?, ?, ?, ?, 'DRAWN')").params(g.id(), seat++, expertId, drawNo).update();
        }
        runtime.createMessageCorrelation(PartnerVenueProcess.COMMITTEE_DRAWN).processInstanceBusinessKey(g.id())
                .correlateAll();
    }

    /**
     * This centre's part: its experts in the speciality, less those its avoidance rules exclude on the facts the
     * main centre sent, as the snapshot's one group (this venue, its seats).
     */
    private String snapshot(PartnerEngagement g, int drawNo, JsonNode body) {
        JsonNode avoidance;
        try {
            avoidance = json.readTree(g.avoidance());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode context = avoidance.path("context");
        LocalDate day = LocalDate.parse(body.path("evaluationDay").asText(g.evaluationStart().toLocalDate()
                .toString()));
        List<Object> facts = new ArrayList<>();
        facts.add(new DrawFacts.Context(regime(context.path("law").asText(null)),
                regime(context.path("regime").asText(null)), day, context.path("purchaserId").asText(null),
                context.path("agencyId").asText(null), context.path("supervisoryDepartment").asText(null)));
        avoidance.path("bidders").forEach(b -> facts.add(new DrawFacts.Bidder(b.asText())));
        avoidance.path("relatedToBidders").forEach(r -> facts.add(new DrawFacts.RelatedToBidder(
                r.path("partyId").asText(), r.path("bidderId").asText())));
        String speciality = body.path("speciality").asText(g.speciality());
        Set<String> seated = new HashSet<>(jdbc.sql("select expert_id from partner_seat where engagement_id = ?")
                .param(g.id()).query(String.class).list());
        List<Expert> experts = pool.of(exchange.centre(), speciality).stream().filter(x -> !seated.contains(x.id()))
                .toList();
        experts.forEach(x -> CommitteeDraw.addFacts(facts, x));
        RuleSet ruleSet = ruleSets.active();
        // as of the day the main side's rules decide (its bid deadline), else the evaluation's
        LocalDate asOf = avoidance.has("asOf") ? LocalDate.parse(avoidance.path("asOf").asText()) : day;
        Set<String> excluded = new HashSet<>();
        ruleSet.evaluate(asOf, facts).all(DrawFacts.Exclusion.class).forEach(x -> excluded.add(x.expertId()));
        List<String> candidates = experts.stream().map(Expert::id).filter(id -> !excluded.contains(id)).sorted()
                .toList();
        VerifiableDraw.Snapshot snapshot = new VerifiableDraw.Snapshot(g.evaluationRef(), drawNo,
                body.path("purpose").asText("COMMITTEE"), day.toString(), speciality,
                List.of(new VerifiableDraw.Group(g.venueId(), exchange.centre(), body.path("seats").asInt(),
                        candidates)));
        return VerifiableDraw.text(snapshot);
    }

    private static Regime regime(String name) {
        return name == null ? null : Regime.valueOf(name);
    }
}

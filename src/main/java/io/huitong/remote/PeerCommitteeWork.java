package io.huitong.remote;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.bidding.Bid;
import io.huitong.bidding.BidService;
import io.huitong.bidding.BidStatus;
import io.huitong.evaluation.Evaluation;
import io.huitong.evaluation.MemberStepOpened;
import io.huitong.interconnect.PeerExchange;
import io.huitong.interconnect.PeerMessage;
import io.huitong.interconnect.PeerMessageHandler;
import io.huitong.shared.security.Operator;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.NotFoundException;
import io.huitong.shared.workflow.TaskActions;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The committee's work of experts who sit at a partner on another platform: when such a member's scoring or
 * signature opens, the partner is sent what the expert needs (the qualified bids and the most technical points; the
 * committee's ranking to sign); the scores and the signature the expert gives on its own platform come back signed
 * and complete the member's own step here, as the member would.
 */
@Component
class PeerCommitteeWork {

    static final String SCORING = "remote.scoring";
    static final String REPORT = "remote.report";
    static final String SCORES = "remote.scores";
    static final String SIGNATURE = "remote.signature";

    private final RemoteEvaluations store;
    private final PeerExchange exchange;
    private final Evaluation evaluation;
    private final BidService bids;
    private final TenderService tenders;
    private final TaskActions tasks;

    PeerCommitteeWork(RemoteEvaluations store, PeerExchange exchange, Evaluation evaluation, BidService bids,
            TenderService tenders, TaskActions tasks) {
        this.store = store;
        this.exchange = exchange;
        this.evaluation = evaluation;
        this.bids = bids;
        this.tenders = tenders;
        this.tasks = tasks;
    }

    /** A member's own step opened here: if the member sits at a partner on another platform, that partner hears. */
    @EventListener
    void opened(MemberStepOpened step) {
        Optional<RemoteRecords.Seat> seat = peerSeat(step.tenderId(), step.userId());
        if (seat.isEmpty()) {
            return;
        }
        RemoteRecords.Seat s = seat.get();
        String expertRef = s.userId().substring(PeerIdentities.userOf(s.centreCode()).length() + 1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("expertRef", expertRef);
        Tender tender = tenders.get(step.tenderId());
        if (step.kind() == MemberStepOpened.Kind.SCORE) {
            body.put("maxTechnicalScore", evaluation.maxTechnicalScore(step.tenderId()).toPlainString());
            body.put("bids", bids.ofRound(tender.id(), tender.round()).stream()
                    .filter(b -> b.status() == BidStatus.VALID).sorted(Comparator.comparing(Bid::id))
                    .map(b -> Map.of("bidId", b.id(), "bidder", b.bidderName())).toList());
            exchange.send(s.centreCode(), SCORING, s.evaluationId(), body);
        } else {
            body.put("ranking", evaluation.publishedScores(step.tenderId()));
            exchange.send(s.centreCode(), REPORT, s.evaluationId(), body);
        }
    }

    /** The scores an expert gave on the partner's platform complete the member's scoring here. */
    void scored(PeerMessage message) {
        RemoteRecords.Seat seat = seatOf(message);
        String tenderId = store.get(seat.evaluationId()).tenderId();
        requireOpen(tenderId, Evaluation.SCORE, seat.userId());
        evaluation.score(tenderId, amounts(message.body().path("scores")),
                message.body().path("objectiveScores").isObject() ? amounts(message.body().path("objectiveScores"))
                        : null,
                new Operator(seat.userId(), message.address()));
    }

    /** The signature (agreement or dissent with reasons) an expert gave on the partner's platform. */
    void signed(PeerMessage message) {
        RemoteRecords.Seat seat = seatOf(message);
        String tenderId = store.get(seat.evaluationId()).tenderId();
        requireOpen(tenderId, Evaluation.SIGN_REPORT, seat.userId());
        evaluation.signReport(tenderId, message.body().path("agree").asBoolean(true), message.text("dissent"),
                new Operator(seat.userId(), message.address()));
    }

    /** The member's step is open; done already: refused (409); not begun yet: early (delivered again). */
    private void requireOpen(String tenderId, String step, String user) {
        if (tasks.open(tenderId, step).stream().anyMatch(t -> user.equals(t.getAssignee()))) {
            return;
        }
        List<String> yet = Evaluation.SCORE.equals(step) ? evaluation.yetToScore(tenderId)
                : evaluation.yetToSign(tenderId);
        if (!yet.contains(user)) {
            throw new ConflictException("该专家已办理这一步 / This member has done this step");
        }
        throw new PeerMessageHandler.NotYet("该专家的这一步尚未开始 / This member's step is not open here yet");
    }

    /** The seat of the expert the message names, at the sending partner's venue of the evaluation it names. */
    private RemoteRecords.Seat seatOf(PeerMessage message) {
        String user = PeerIdentities.seatUser(message.peer(), String.valueOf(message.text("expertRef")));
        return store.seats(String.valueOf(message.subject())).stream()
                .filter(s -> s.centreCode().equals(message.peer()) && s.userId().equals(user) && s.isActive())
                .findFirst().orElseThrow(() -> new NotFoundException("没有该专家的席位 / No seat for expert "
                        + message.text("expertRef")));
    }

    private Optional<RemoteRecords.Seat> peerSeat(String tenderId, String user) {
        if (user == null || !user.startsWith("peer-")) {
            return Optional.empty();
        }
        return store.ofTender(tenderId).stream().flatMap(e -> store.seats(e.id()).stream())
                .filter(s -> s.userId().equals(user) && s.isActive() && exchange.isPeer(s.centreCode())).findFirst();
    }

    private static Map<String, BigDecimal> amounts(JsonNode node) {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> amounts.put(f.getKey(), new BigDecimal(f.getValue().asText())));
        return amounts;
    }
}

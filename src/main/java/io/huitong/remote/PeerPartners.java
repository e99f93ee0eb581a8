package io.huitong.remote;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.interconnect.PeerExchange;
import io.huitong.interconnect.PeerMessage;
import io.huitong.remote.RemoteRecords.Partner;
import io.huitong.remote.RemoteRecords.PartnerStatus;
import io.huitong.shared.security.Operator;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.NotFoundException;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The main side of a partner on another platform (issue 17): the remote-evaluation model is the same for a partner
 * of this deployment and for one on another platform. Where the model addresses a partner's step, a partner here
 * does it in its Tasklist; a partner there is sent the request as a signed message, and its answers, arriving as
 * messages, complete the same steps — acting as the peer's platform identity ({@link PeerIdentities}), a member of
 * the partner centre's group and of nothing else, so the partner's isolation holds for it as for its clerks.
 */
@Component
public class PeerPartners {

    static final String REQUEST = "remote.request";
    static final String WITHDRAWN = "remote.withdrawn";
    static final String ANSWER = "remote.answer";
    static final String VENUE_READY = "remote.venue-ready";
    static final String SIGNED_IN = "remote.signed-in";
    static final String RECORDS = "remote.records";

    private final PeerExchange exchange;
    private final PeerIdentities identities;
    private final RemoteEvaluations store;
    private final Centres centres;
    private final TenderService tenders;
    private final CommitteeDraw draw;
    private final PartnerRequests requests;
    private final VenueOperations venues;
    private final io.huitong.shared.workflow.TaskActions tasks;
    private final RecordsHandBack records;
    private final Settlement settlement;

    PeerPartners(PeerExchange exchange, PeerIdentities identities, RemoteEvaluations store, Centres centres,
            TenderService tenders, CommitteeDraw draw, PartnerRequests requests, VenueOperations venues,
            io.huitong.shared.workflow.TaskActions tasks, RecordsHandBack records, Settlement settlement) {
        this.tasks = tasks;
        this.records = records;
        this.settlement = settlement;
        this.exchange = exchange;
        this.identities = identities;
        this.store = store;
        this.centres = centres;
        this.tenders = tenders;
        this.draw = draw;
        this.requests = requests;
        this.venues = venues;
    }

    /** Whether a centre is a partner on another platform. */
    public boolean isPeer(String centre) {
        return exchange.isPeer(centre);
    }

    /**
     * The request to a partner on another platform, sent with the step that asks it: the seats, the times, and the
     * facts its own avoidance rules need (docs/interconnect/asyncapi.yaml, remote.request).
     */
    public void requested(String evaluationId, String centre) {
        if (!isPeer(centre)) {
            return;
        }
        RemoteRecords.Evaluation e = store.get(evaluationId);
        Partner partner = store.partner(evaluationId, centre);
        Tender tender = tenders.get(e.tenderId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("evaluationId", e.id());
        body.put("mainCentre", e.mainCentre());
        body.put("tender", Map.of("id", tender.id(), "title", tender.title(), "regime", tender.regime().name()));
        body.put("speciality", e.speciality());
        body.put("expertSeats", partner.expertSeats());
        body.put("evaluationStart", e.scheduledStart().toString());
        body.put("answerDue", partner.answerDue().toString());
        body.put("avoidance", avoidance(draw.projectFacts(e)));
        // the day the avoidance rules decide as of, on both sides: the bid deadline's, as the main side's draw
        body.put("asOf", tender.bidDeadlineDate().toString());
        exchange.send(centre, REQUEST, evaluationId, body);
    }

    /** The partner's request lapsed unanswered, or the evaluation went on without it: its process ends. */
    public void withdrawn(String evaluationId, String centre, String reason) {
        if (isPeer(centre)) {
            exchange.send(centre, WITHDRAWN, evaluationId, Map.of("reason", reason));
        }
    }

    /** The partner's answer completes its answering step, as its clerk's would; the venue it offers is recorded. */
    void answered(PeerMessage message) {
        String centre = message.peer();
        Partner partner = requestedOf(message);
        JsonNode venue = message.body().path("venue");
        String venueId = null;
        if (message.body().path("accepted").asBoolean(false) && venue.isObject()) {
            venueId = centres.peerVenue(centre, venue.path("id").asText(null), venue.path("name").asText(null),
                    venue.path("seats").asInt(0));
        }
        requests.answer(partner.evaluationId(), centre, message.body().path("accepted").isBoolean()
                ? message.body().path("accepted").asBoolean() : null, venueId, message.text("reason"),
                identities.operator(centre, message));
    }

    /** The partner's venue is ready: its preparation step completes, as its clerk's would. */
    void venueReady(PeerMessage message) {
        Partner partner = requestedOf(message);
        if (partner.status() != PartnerStatus.ACCEPTED) {
            throw new ConflictException("副场未接受协作请求 / The partner has not accepted the request");
        }
        JsonNode body = message.body();
        venues.prepare(partner.evaluationId(), partner.venueId(),
                body.path("seatsReady").isInt() ? body.path("seatsReady").asInt() : null,
                message.text("linkCheck"), message.text("note"), identities.operator(message.peer(), message));
    }

    /**
     * The partner witnessed the sign-in of one of the experts it drew ({@code expertRef}, the id its pool gives
     * it): the seat's sign-in step completes with the name, as its clerk's would.
     */
    void signedIn(PeerMessage message) {
        Partner partner = requestedOf(message);
        String user = PeerIdentities.seatUser(message.peer(), String.valueOf(message.text("expertRef")));
        RemoteRecords.Seat seat = store.seats(partner.evaluationId()).stream()
                .filter(s -> s.centreCode().equals(message.peer()) && s.userId().equals(user)).findFirst()
                .orElseThrow(() -> new NotFoundException("没有该专家的席位 / No seat for expert "
                        + message.text("expertRef")));
        if (seat.status() != RemoteRecords.SeatStatus.DRAWN) {
            throw new ConflictException("该席位已签到或已更换 / The seat is signed in or replaced");
        }
        if ((tasks.open(store.get(partner.evaluationId()).tenderId(), RemoteProcess.SIGN_IN).isEmpty()
                        && tasks.open(store.get(partner.evaluationId()).tenderId(), RemoteProcess.SIGN_IN_REPLACEMENT)
                                .isEmpty())) {
            throw new io.huitong.interconnect.PeerMessageHandler.NotYet("签到尚未开始 / Sign-in has not begun here");
        }
        venues.signInForPeer(partner.evaluationId(), seat.id(), message.text("name"),
                identities.operator(message.peer(), message));
    }

    /** The main centre confirmed the result: each partner on another platform hears it, with its records' due date. */
    public void confirmed(String evaluationId) {
        RemoteRecords.Evaluation e = store.get(evaluationId);
        for (Partner p : store.accepted(evaluationId)) {
            if (isPeer(p.centreCode())) {
                exchange.send(p.centreCode(), PartnerVenue.CONFIRMED, evaluationId, Map.of("confirmedAt",
                        e.confirmedAt().toString(), "recordsDue", store.partner(evaluationId, p.centreCode())
                                .recordsDue().toString()));
            }
        }
    }

    /** The compensation settled under the agreement, told to a partner on another platform. */
    public void settled(String evaluationId, String centre) {
        if (isPeer(centre)) {
            Partner p = store.partner(evaluationId, centre);
            exchange.send(centre, PartnerVenue.SETTLED, evaluationId, Map.of("compensation",
                    p.compensation().toPlainString(), "terms", p.compensationTerms()));
        }
    }

    /**
     * The partner's records, handed back with their hashes: each is checked against its hash and kept as the
     * partner's upload would be, then the hand-back step completes, as its clerk's would.
     */
    void recordsHandedBack(PeerMessage message) {
        Partner partner = requestedOf(message);
        if (partner.recordsAt() != null) {
            throw new ConflictException("资料已移交 / The records are handed back already");
        }
        if (tasks.open(store.get(partner.evaluationId()).tenderId(), RemoteProcess.HAND_BACK).isEmpty()) {
            throw new io.huitong.interconnect.PeerMessageHandler.NotYet("尚未到移交资料的时候 / Not time to hand back");
        }
        Operator operator = identities.operator(message.peer(), message);
        for (JsonNode record : message.body().path("records")) {
            byte[] content;
            try {
                content = java.util.Base64.getDecoder().decode(record.path("content").asText(""));
            } catch (IllegalArgumentException e) {
                throw io.huitong.shared.web.ValidationException.of("records", record.path("name").asText(), null,
                        "资料内容不是 base64", "A record's content is not base64");
            }
            if (!io.huitong.shared.Digests.sha256Hex(content).equals(record.path("sha256").asText())) {
                throw io.huitong.shared.web.ValidationException.of("records", record.path("name").asText(), null,
                        "资料内容与其哈希不符", "A record's content does not match its SHA-256");
            }
            records.upload(partner.evaluationId(), message.peer(), record.path("name").asText(null),
                    record.path("contentType").asText(null), content, operator);
        }
        settlement.handBack(partner.evaluationId(), message.peer(), message.text("note"), operator);
    }

    /** The partner the message's subject names: an evaluation that asked this peer, or the message is refused. */
    private Partner requestedOf(PeerMessage message) {
        String evaluationId = message.subject();
        if (evaluationId == null || store.partners(evaluationId).stream()
                .noneMatch(p -> p.centreCode().equals(message.peer()) && p.requestedAt() != null)) {
            throw new NotFoundException("没有向该平台发出的协作请求 / No request to this platform: " + evaluationId);
        }
        return store.partner(evaluationId, message.peer());
    }

    private static Map<String, Object> avoidance(List<Object> facts) {
        Map<String, Object> avoidance = new LinkedHashMap<>();
        List<String> bidders = new ArrayList<>();
        List<Object> related = new ArrayList<>();
        for (Object fact : facts) {
            if (fact instanceof DrawFacts.Context c) {
                Map<String, Object> context = new LinkedHashMap<>();
                context.put("law", c.law().name());
                context.put("regime", c.regime().name());
                context.put("evaluationDay", c.evaluationDay().toString());
                context.put("purchaserId", c.purchaserId());
                context.put("agencyId", c.agencyId());
                context.put("supervisoryDepartment", c.supervisoryDepartment());
                avoidance.put("context", context);
            } else if (fact instanceof DrawFacts.Bidder b) {
                bidders.add(b.partyId());
            } else if (fact instanceof DrawFacts.RelatedToBidder r) {
                related.add(Map.of("partyId", r.partyId(), "bidderId", r.bidderId()));
            }
        }
        avoidance.put("bidders", bidders);
        avoidance.put("relatedToBidders", related);
        return avoidance;
    }
}

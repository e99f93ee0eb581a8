package io.huitong.remote;

import static io.huitong.remote.Inputs.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.interconnect.PeerExchange;
import io.huitong.interconnect.PeerMessage;
import io.huitong.remote.PartnerEngagement.Status;
import io.huitong.shared.security.Operator;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.workflow.TaskActions;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The partner's side of a remote evaluation whose main centre runs its own platform (issue 17): the main centre's
 * signed request starts {@code processes/partner-venue.bpmn} here; this centre's clerks answer, prepare the venue and
 * hand the records back in their own Tasklist or API, and each step sends its signed message to the main centre.
 * What the main centre sends later (the draw, the confirmation, the settlement, a withdrawal) moves the process on.
 */
@Component("partnerVenueService")
public class PartnerVenue {

    static final String CONFIRMED = "remote.confirmed";
    static final String SETTLED = "remote.settled";

    private final Engagements store;
    private final Centres centres;
    private final PeerExchange exchange;
    private final RuntimeService runtime;
    private final TaskActions tasks;
    private final TransactionTemplate transactions;
    private final LegalClock clock;
    private final PartnerSignIns signIns;
    private final PartnerRecords records;
    private final PartnerCommitteeWork work;
    private final EngagementArchives archives;

    PartnerVenue(Engagements store, Centres centres, PeerExchange exchange, RuntimeService runtime, TaskActions tasks,
            TransactionTemplate transactions, LegalClock clock, PartnerSignIns signIns, PartnerRecords records,
            PartnerCommitteeWork work, EngagementArchives archives) {
        this.work = work;
        this.archives = archives;
        this.signIns = signIns;
        this.records = records;
        this.store = store;
        this.centres = centres;
        this.exchange = exchange;
        this.runtime = runtime;
        this.tasks = tasks;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** This deployment's own centre: the partner the main centre asks. */
    Centre own() {
        return centres.get(exchange.centre());
    }

    // ---- what the main centre sends ----------------------------------------------------------------------------

    /** The main centre's request: recorded, and the partner's process starts with its answering step. */
    void requested(PeerMessage message) {
        JsonNode body = message.body();
        int seats = body.path("expertSeats").asInt(0);
        if (seats < 1) {
            throw invalid("expertSeats", body.path("expertSeats").asText(null), "请求须写明专家席位数",
                    "The request gives the number of expert seats");
        }
        OffsetDateTime start = dateTime(body, "evaluationStart");
        OffsetDateTime due = dateTime(body, "answerDue");
        if (!body.path("avoidance").isObject()) {
            throw invalid("avoidance", null, "请求须附回避所需的项目事实", "The request carries the facts avoidance needs");
        }
        if (store.of(message.peer(), message.subject()).isPresent()) {
            throw new ConflictException("该评标的协作请求已收到 / This evaluation's request is already here");
        }
        Centre own = own();
        String id = UUID.randomUUID().toString();
        JsonNode tender = body.path("tender");
        com.fasterxml.jackson.databind.node.ObjectNode avoidance = body.path("avoidance").deepCopy();
        if (body.hasNonNull("asOf")) {
            avoidance.put("asOf", body.path("asOf").asText());
        }
        store.insert(new PartnerEngagement(id, message.peer(), message.subject(), null, Status.REQUESTED,
                tender.path("title").asText(null), tender.path("regime").asText(null),
                body.path("speciality").asText(null), seats, start, due, avoidance.toString(),
                clock.instant(), null, null, null, null, null, null));
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(PartnerVenueProcess.ENGAGEMENT_ID, id);
        variables.put(RemoteProcess.PARTNER_CENTRE, own.code());
        variables.put(PartnerVenueProcess.PARTNER_GROUP, own.groupId());
        variables.put(PartnerVenueProcess.MAIN_CENTRE, message.peer());
        store.started(id, runtime.startProcessInstanceByKey(PartnerVenueProcess.KEY, id, variables).getId());
    }

    /** The main centre withdrew its request: whatever step is open ends. */
    void withdrawn(PeerMessage message) {
        PartnerEngagement e = engagementOf(message);
        store.status(e.id(), Status.WITHDRAWN);
        correlate(e, PartnerVenueProcess.REQUEST_WITHDRAWN);
        archives.over(e.id());
    }

    void confirmed(PeerMessage message) {
        PartnerEngagement e = engagementOf(message);
        store.status(e.id(), Status.CONFIRMED);
        correlate(e, PartnerVenueProcess.EVALUATION_CONFIRMED);
    }

    void settled(PeerMessage message) {
        PartnerEngagement e = engagementOf(message);
        if (e.status() != Status.HANDED_BACK) {
            throw new io.huitong.interconnect.PeerMessageHandler.NotYet("资料尚未移交 / The records are not handed back");
        }
        store.status(e.id(), Status.SETTLED);
        correlate(e, PartnerVenueProcess.COMPENSATION_SETTLED);
        archives.over(e.id());
    }

    // ---- what this centre's clerks do ---------------------------------------------------------------------------

    /** The clerk answers through the API (the step records it: {@link #recordAnswer}). */
    public void answer(String engagementId, Boolean accept, String venueId, String reason, Operator operator) {
        transactions.executeWithoutResult(s -> {
            requireOwnClerk(operator);
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("accepted", accept);
            vars.put("venueId", venueId);
            vars.put("reason", reason);
            tasks.complete(store.get(engagementId).id(), PartnerVenueProcess.ANSWER_REQUEST, operator, vars);
        });
    }

    /** Accepted with one of this centre's venues that has the seats, or refused with reasons; sent to the main. */
    public void recordAnswer(String engagementId, Object accepted, String venueId, String reason, Operator operator) {
        if (!(accepted instanceof Boolean yes)) {
            throw invalid("accepted", accepted, "请选择接受或拒绝协作请求", "Accept or refuse the request: choose one");
        }
        PartnerEngagement e = store.get(engagementId);
        Centre.Venue venue = null;
        if (yes) {
            venue = own().venues().stream().filter(v -> v.id().equals(venueId)).findFirst().orElse(null);
            if (venue == null) {
                throw invalid("venueId", venueId, "请选择本中心的评标室", "Choose one of your centre's venues");
            }
            if (venue.seats() < e.expertSeats()) {
                throw invalid("venueId", venue.seats(), "评标室席位不足（需要" + e.expertSeats() + "个）",
                        "The venue has too few seats (" + e.expertSeats() + " needed)");
            }
        } else if (reason == null || reason.isBlank()) {
            throw invalid("reason", reason, "拒绝须说明理由", "A refusal gives its reasons");
        }
        store.answered(engagementId, yes ? Status.ACCEPTED : Status.REFUSED, yes ? venueId : null, reason,
                operator.userId(), clock.instant());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", yes);
        if (venue != null) {
            body.put("venue", Map.of("id", venue.id(), "name", venue.name(), "seats", venue.seats()));
        }
        body.put("reason", reason);
        body.put("answeredBy", operator.userId());
        exchange.send(e.mainCentre(), PeerPartners.ANSWER, e.evaluationRef(), body);
    }

    /** The clerk confirms the venue ready through the API (the step records it: {@link #recordPreparation}). */
    public void prepare(String engagementId, Integer seatsReady, String linkCheck, String note, Operator operator) {
        transactions.executeWithoutResult(s -> {
            requireOwnClerk(operator);
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("seatsReady", seatsReady);
            vars.put("linkCheck", linkCheck);
            vars.put("note", note);
            tasks.complete(store.get(engagementId).id(), PartnerVenueProcess.PREPARE_VENUE, operator, vars);
        });
    }

    /** The seats for this centre's experts and a working link; sent to the main centre. */
    public void recordPreparation(String engagementId, Object seatsReady, String linkCheck, String note,
            Operator operator) {
        PartnerEngagement e = store.get(engagementId);
        if (!(seatsReady instanceof Number n) || n.intValue() < e.expertSeats()) {
            throw invalid("seatsReady", seatsReady, "本评标室需准备" + e.expertSeats() + "个席位",
                    "The venue prepares " + e.expertSeats() + " seats");
        }
        if (!"OK".equals(linkCheck)) {
            throw invalid("linkCheck", linkCheck, "视频链路检测未通过的，请报告故障", "A link that fails its check is reported");
        }
        store.prepared(engagementId, operator.userId(), clock.instant());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("venueId", e.venueId());
        body.put("seatsReady", n.intValue());
        body.put("linkCheck", linkCheck);
        body.put("note", note);
        body.put("preparedBy", operator.userId());
        exchange.send(e.mainCentre(), PeerPartners.VENUE_READY, e.evaluationRef(), body);
    }

    public List<Integer> seatsToSignIn(String engagementId) {
        return signIns.toSignIn(engagementId);
    }

    /** The clerk witnesses an expert's sign-in through the API (the step records it: {@link #recordSignIn}). */
    public void signIn(String engagementId, String idNo, Operator operator) {
        signIns.signIn(engagementId, idNo, operator);
    }

    public void recordSignIn(String engagementId, Object seatNo, String idNo, Operator operator) {
        signIns.recordSignIn(engagementId, seatNo, idNo, operator);
    }

    // ---- this centre's experts at work for the main centre's committee ------------------------------------------

    public List<Integer> seatsSignedIn(String engagementId) {
        return work.seatsSignedIn(engagementId);
    }

    public String expertUser(String engagementId, Object seatNo) {
        return work.expertUser(engagementId, seatNo);
    }

    /** What a signed-in expert sees: the bids to score and the report to sign, as the main centre sent them. */
    public Map<String, com.fasterxml.jackson.databind.JsonNode> sheet(String engagementId, Operator operator) {
        return work.sheet(engagementId, operator);
    }

    public void score(String engagementId, Map<String, java.math.BigDecimal> scores,
            Map<String, java.math.BigDecimal> objective, Operator operator) {
        work.score(engagementId, scores, objective, operator);
    }

    public void recordScores(String engagementId, Object seatNo, String scoresJson, String objectiveJson) {
        work.recordScores(engagementId, seatNo, scoresJson, objectiveJson);
    }

    public void sign(String engagementId, boolean agree, String dissent, Operator operator) {
        work.sign(engagementId, agree, dissent, operator);
    }

    public void recordSignature(String engagementId, Object seatNo, Object agree, String dissent) {
        work.recordSignature(engagementId, seatNo, agree, dissent);
    }

    /** The records handed back (J7), with their contents and hashes, to the main centre. */
    public void recordHandBack(String engagementId, String note, Operator operator) {
        records.handBack(engagementId, note, operator);
    }

    /** A clerk uploads a record to hand back. */
    public PartnerRecords.RecordView upload(String engagementId, String name, String contentType, byte[] content,
            Operator operator) {
        requireOwnClerk(operator);
        return records.upload(engagementId, name, contentType, content, operator);
    }

    public List<PartnerRecords.RecordView> records(String engagementId, Operator operator) {
        requireOwnClerk(operator);
        return records.list(engagementId);
    }

    /** The clerk hands the records back through the API (the step sends them: {@link #recordHandBack}). */
    public void handBack(String engagementId, String note, Operator operator) {
        transactions.executeWithoutResult(s -> {
            requireOwnClerk(operator);
            tasks.complete(store.get(engagementId).id(), PartnerVenueProcess.HAND_BACK, operator,
                    Map.of("note", note == null ? "" : note));
        });
    }

    public boolean accepted(String engagementId) {
        Status status = store.get(engagementId).status();
        return status == Status.ACCEPTED || status == Status.PREPARED;
    }

    public Date answerDue(String engagementId) {
        return Date.from(store.get(engagementId).answerDue().toInstant());
    }

    /** The engagements this centre's clerks see (all of them: they are this centre's own). */
    public List<PartnerEngagement> list(Operator operator) {
        requireOwnClerk(operator);
        return store.all();
    }

    public PartnerEngagement get(String engagementId, Operator operator) {
        requireOwnClerk(operator);
        return store.get(engagementId);
    }

    /** This centre's archive of the engagement (written once it is over; 409 before). */
    public io.huitong.archive.ArchivePackage archive(String engagementId, Operator operator) {
        requireOwnClerk(operator);
        return archives.packageOf(store.get(engagementId).id(), operator.userId());
    }

    /** Checks a copy of an engagement's archive against its manifest, the hashes kept here and its signatures. */
    public io.huitong.archive.ArchiveVerification verifyArchive(byte[] zip, Operator operator) {
        requireOwnClerk(operator);
        return archives.verify(zip);
    }

    private void requireOwnClerk(Operator operator) {
        List<String> groups = tasks.groupsOf(operator.userId());
        if (!groups.contains(own().groupId()) && !groups.contains("camunda-admin")) {
            throw new AccessDeniedException("只有本中心经办人办理 / Only this centre's clerks do this");
        }
    }

    private PartnerEngagement engagementOf(PeerMessage message) {
        return store.of(message.peer(), message.subject()).orElseThrow(() -> new io.huitong.shared.web
                .NotFoundException("没有该评标的协作请求 / No request for this evaluation: " + message.subject()));
    }

    private void correlate(PartnerEngagement e, String messageName) {
        runtime.createMessageCorrelation(messageName).processInstanceBusinessKey(e.id()).correlateAll();
    }

    private static OffsetDateTime dateTime(JsonNode body, String field) {
        try {
            return OffsetDateTime.parse(body.path(field).asText(""));
        } catch (DateTimeParseException e) {
            throw invalid(field, body.path(field).asText(null), "须为带时区的日期时间", "A date-time with its offset");
        }
    }
}

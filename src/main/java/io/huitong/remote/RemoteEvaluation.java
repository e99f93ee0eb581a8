package io.huitong.remote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.bidding.Bid;
import io.huitong.bidding.BidService;
import io.huitong.bidding.BidStatus;
import io.huitong.credit.CreditRegistry;
import io.huitong.credit.PartyRelation;
import io.huitong.evaluation.CommitteeFacts;
import io.huitong.evaluation.CommitteeMember;
import io.huitong.evaluation.Evaluation;
import io.huitong.remote.RemoteRecords.Draw;
import io.huitong.remote.RemoteRecords.LinkFailure;
import io.huitong.remote.RemoteRecords.Partner;
import io.huitong.remote.RemoteRecords.PartnerStatus;
import io.huitong.remote.RemoteRecords.Seat;
import io.huitong.remote.RemoteRecords.SeatStatus;
import io.huitong.remote.RemoteRecords.Status;
import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionRecords;
import io.huitong.rules.Refusal;
import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.security.Operator;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.time.PeriodUnit;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.RuleRefusalException;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import io.huitong.shared.workflow.TaskActions;
import io.huitong.shared.workflow.TaskTenders;
import io.huitong.tender.Regime;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import io.huitong.tender.registration.RegistrationDecision;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Remote cross-site evaluation (远程异地评标, docs/domain.md §4): the glue of {@code processes/remote-evaluation.bpmn} and
 * the actions of the main centre, the partner centres, the tenderer and the experts. A step completed through Huitong's
 * API, Tasklist or the engine's REST API meets the same checks: the task listeners do the work.
 */
@Component("remote")
public class RemoteEvaluation {

    static final String EXPERT = CommitteeMember.Role.EXPERT.name();
    static final String REPRESENTATIVE = CommitteeMember.Role.PURCHASER_REPRESENTATIVE.name();

    private final RemoteEvaluations store;
    private final Centres centres;
    private final ExpertPool pool;
    private final TenderService tenders;
    private final BidService bids;
    private final CreditRegistry credit;
    private final Evaluation evaluation;
    private final RuleSetRegistry ruleSets;
    private final DecisionRecords decisionRecords;
    private final TaskActions tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final TransactionTemplate transactions;
    private final LegalClock clock;
    private final ObjectMapper json;
    private final SecureRandom random = new SecureRandom();

    RemoteEvaluation(RemoteEvaluations store, Centres centres, ExpertPool pool, TenderService tenders, BidService bids,
            CreditRegistry credit, Evaluation evaluation, RuleSetRegistry ruleSets, DecisionRecords decisionRecords,
            TaskActions tasks, RuntimeService runtime, IdentityService identity, TransactionTemplate transactions,
            LegalClock clock, ObjectMapper json) {
        this.store = store;
        this.centres = centres;
        this.pool = pool;
        this.tenders = tenders;
        this.bids = bids;
        this.credit = credit;
        this.evaluation = evaluation;
        this.ruleSets = ruleSets;
        this.decisionRecords = decisionRecords;
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
        this.transactions = transactions;
        this.clock = clock;
        this.json = json;
    }

    // ==== the model's service tasks and expressions ===========================================================

    /**
     * The evaluation opens for the tender's round at its own centre (the main venue, J4): the record is created,
     * the tender is under evaluation, the main centre's group does the main venue's steps.
     */
    public void open(DelegateExecution execution) {
        String tenderId = (String) execution.getVariable("tenderId");
        Tender tender = tenders.get(tenderId);
        Centre main = centres.serving(tender.regionCode()).orElseThrow(() -> new ConflictException(
                "没有交易中心服务该地区（" + tender.regionCode() + "），请先登记 / No centre serves region "
                        + tender.regionCode() + ": record one (POST /api/centres)"));
        boolean running = store.ofTender(tenderId).stream()
                .anyMatch(e -> e.round() == tender.round() && e.status() != Status.SETTLED
                        && e.confirmedAt() == null);
        if (running) {
            throw new ConflictException("该轮次已在进行远程异地评标 / A remote evaluation of this round is running");
        }
        evaluation.begin(tenderId);
        RemoteRecords.Evaluation created = store.create(tenderId, tender.round(), main.code(),
                execution.getProcessInstanceId(), clock.instant());
        execution.setVariable(RemoteProcess.EVALUATION_ID, created.id());
        execution.setVariable(RemoteProcess.MAIN_GROUP, main.groupId());
        if (execution.getVariable("law") == null) {
            execution.setVariable("law", tenders.decisions(tender).applicableLaw().name());
        }
    }

    /** The tenderer (招标人): the user who registered the tender, who forms the committee and decides (K9). */
    public String tenderer(String evaluationId) {
        return tenders.get(store.get(evaluationId).tenderId()).registeredBy();
    }

    public String groupOf(String centreCode) {
        return centres.get(centreCode).groupId();
    }

    public String groupOfVenue(String venueId) {
        return groupOf(centres.venue(venueId).centreCode());
    }

    public String groupOfSeat(String seatId) {
        return groupOf(store.seat(seatId).centreCode());
    }

    /** How many partners are not asked yet: the turns of the asking loop, one partner each. */
    public int partnersToAsk(String evaluationId) {
        return (int) store.partners(evaluationId).stream().filter(p -> p.status() == PartnerStatus.PENDING).count();
    }

    public boolean enoughPartners(String evaluationId) {
        return accepted(evaluationId).size() >= partnerVenues(evaluationId);
    }

    /**
     * Service task: the next partner not asked yet, in the order the main centre prefers (its agreements, then those
     * it added), becomes this turn's {@code partnerCentre} and is asked.
     */
    public void requestNext(DelegateExecution execution) {
        String evaluationId = (String) execution.getVariable(RemoteProcess.EVALUATION_ID);
        String next = store.partners(evaluationId).stream().filter(p -> p.status() == PartnerStatus.PENDING)
                .map(Partner::centreCode).findFirst().orElseThrow();
        execution.setVariableLocal(RemoteProcess.PARTNER_CENTRE, next);
        request(evaluationId, next);
    }

    /** The request goes to the partner, with the seats it is asked for and the time to answer. */
    void request(String evaluationId, String centre) {
        RemoteRecords.Evaluation e = store.get(evaluationId);
        int hours = parameter(e, "remote.partner-answer.hours").intValue();
        Instant now = clock.instant();
        Allocation allocation = allocation(e);
        store.requested(evaluationId, centre, allocation.perPartner() + (allocation.remainder() > 0 ? 1 : 0), now,
                OffsetDateTime.ofInstant(now.plus(Duration.ofHours(hours)), LegalClock.CHINA));
    }

    public Date answerDue(String evaluationId, String centre) {
        return Date.from(store.partner(evaluationId, centre).answerDue().toInstant());
    }

    /** Service task: no answer in time counts as a refusal (docs/domain.md §4.2); the next partner is asked. */
    public void timedOut(String evaluationId, String centre) {
        store.answered(evaluationId, centre, PartnerStatus.TIMED_OUT, null, "逾期未答复 / No answer in time", "system",
                clock.instant());
    }

    /** When the draw runs: the configured hours before the scheduled start (G10), or now if that has passed. */
    public Date drawAt(String evaluationId) {
        RemoteRecords.Evaluation e = store.get(evaluationId);
        Instant at = e.scheduledStart().toInstant()
                .minus(Duration.ofHours(parameter(e, "remote.draw.hours-before").longValue()));
        Instant now = clock.instant();
        return Date.from(at.isBefore(now) ? now : at);
    }

    /**
     * Service task: the committee's experts are drawn across the venues (G5): the avoidance rules exclude, each
     * exclusion kept with its article; the main centre commits to the seed's hash, draws, and reveals the seed.
     * Too few eligible experts: the BPMN error {@code poolExhausted}.
     */
    public void drawCommittee(String evaluationId) {
        RemoteRecords.Evaluation e = store.get(evaluationId);
        Allocation allocation = allocation(e);
        List<Partner> accepted = accepted(evaluationId);
        Map<String, Integer> seatsByVenue = new LinkedHashMap<>();
        seatsByVenue.put(e.mainVenueId(), allocation.main());
        for (int i = 0; i < accepted.size(); i++) {
            int seats = allocation.perPartner() + (i < allocation.remainder() ? 1 : 0);
            store.expertSeats(evaluationId, accepted.get(i).centreCode(), seats);
            seatsByVenue.put(accepted.get(i).venueId(), seats);
        }
        Set<String> notAgain = new HashSet<>();
        store.seats(evaluationId).stream().filter(s -> s.expertId() != null).forEach(s -> notAgain.add(s.expertId()));
        Map<String, List<String>> drawn = draw(e, "COMMITTEE", seatsByVenue, notAgain);
        int seq = 1;
        for (Map.Entry<String, List<String>> venue : drawn.entrySet()) {
            String centre = centres.venue(venue.getKey()).centreCode();
            for (String expertId : venue.getValue()) {
                store.addSeat(evaluationId, seq++, venue.getKey(), centre, EXPERT, expertId,
                        pool.get(expertId).userId(), lastDraw(evaluationId).id());
            }
        }
        for (String rep : e.representatives()) {
            store.addSeat(evaluationId, seq++, e.mainVenueId(), e.mainCentre(), REPRESENTATIVE, null, rep, null);
        }
        store.status(evaluationId, Status.PREPARING);
    }

    /** The venues that have not confirmed their preparation: the main venue and every accepting partner's. */
    public List<String> venuesToPrepare(String evaluationId) {
        RemoteRecords.Evaluation e = store.get(evaluationId);
        List<String> venues = new ArrayList<>();
        if (e.mainPreparedAt() == null) {
            venues.add(e.mainVenueId());
        }
        accepted(evaluationId).stream().filter(p -> p.preparedAt() == null).forEach(p -> venues.add(p.venueId()));
        return venues;
    }

    /** The seats still to be signed in. */
    public List<String> seatsToSignIn(String evaluationId) {
        return store.seats(evaluationId).stream().filter(s -> s.status() == SeatStatus.DRAWN).map(Seat::id).toList();
    }

    /** Service task: a link is down; both venues lock the system and seal the materials (J6). */
    public void lock(String evaluationId) {
        LinkFailure failure = store.openFailure(evaluationId).orElseThrow();
        store.sealed(failure.id(), clock.instant());
        store.status(evaluationId, Status.LOCKED);
    }

    /** Service task: the link is back (or the tenderer goes on): the venues unlock. */
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
                .plus(hours(e, "remote.link-failure.before-start.hours"));
        return Date.from(threshold.isBefore(failure.reportedAt()) ? failure.reportedAt() : threshold);
    }

    /** During the evaluation: the second threshold from the failure (J10: 4 hours, a parameter). */
    public Date duringThreshold(String evaluationId) {
        RemoteRecords.Evaluation e = store.get(evaluationId);
        LinkFailure failure = store.openFailure(evaluationId).orElseThrow();
        return Date.from(failure.reportedAt().plus(hours(e, "remote.link-failure.during.hours")));
    }

    /** The tenderer's decision on a failure before the start: go on (true) or postpone. */
    public boolean goOn(String evaluationId) {
        return store.openFailure(evaluationId).map(f -> "GO_ON".equals(f.decision())).orElse(false);
    }

    /**
     * Service task: the evaluation is postponed (J9 by the tenderer's decision; J10 after the second threshold;
     * O87 49 when the committee cannot be completed): the materials are sealed, the committee is dismissed, its
     * scores are void and its members keep everything confidential. A new committee is drawn.
     */
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

    /** Service task: every member has signed in at a prepared venue; the evaluation starts. */
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
     * Service task: each member who withdrew (a conflict, illness, absence: TBR 48; O87 49) is replaced by a new
     * draw in the same speciality from the same centre's pool; the member's scores are void. Too few eligible
     * experts: the BPMN error {@code poolExhausted} (the committee cannot be completed: O87 49).
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
            Set<String> notAgain = new HashSet<>();
            store.seats(evaluationId).stream().filter(s -> s.expertId() != null).forEach(s -> notAgain.add(s.expertId()));
            draw(e, "REPLACEMENT", seatsByVenue, notAgain).forEach((venue, experts) -> left.put(venue,
                    new ArrayList<>(experts)));
        }
        Instant now = clock.instant();
        for (Seat seat : leaving) {
            Seat replacement;
            if (EXPERT.equals(seat.role())) {
                String expertId = left.get(seat.venueId()).remove(0);
                replacement = store.addSeat(evaluationId, seat.seq(), seat.venueId(), seat.centreCode(), EXPERT,
                        expertId, pool.get(expertId).userId(), lastDraw(evaluationId).id());
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

    /**
     * Message end event: the main venue confirmed; the evaluation's outcome goes back to the lifecycle and the
     * records and compensation continue in {@code remote-settlement}.
     */
    public void close(DelegateExecution execution) {
        String evaluationId = (String) execution.getVariable(RemoteProcess.EVALUATION_ID);
        RemoteRecords.Evaluation e = store.get(evaluationId);
        RuleSet ruleSet = ruleSet(e);
        LocalDate confirmed = LocalDate.ofInstant(e.confirmedAt(), LegalClock.CHINA);
        int days = parameter(e, "remote.records-handback.working-days").intValue();
        LocalDate last = ruleSet.policy().calendar().periodEnd(confirmed, days, PeriodUnit.WORKING_DAYS);
        for (Partner p : accepted(evaluationId)) {
            store.recordsDue(evaluationId, p.centreCode(), endOf(last));
        }
        var settlement = runtime.createMessageCorrelation(RemoteProcess.EVALUATION_CONFIRMED)
                .processInstanceBusinessKey(e.tenderId())
                .setVariable(RemoteProcess.EVALUATION_ID, evaluationId)
                .setVariable("tenderId", e.tenderId())
                .setVariable(TaskTenders.TENDER_NO, e.tenderId())
                .setVariable(TaskTenders.TENDER_TITLE, execution.getVariable(TaskTenders.TENDER_TITLE))
                .correlateStartMessage();
        store.settlementStarted(evaluationId, settlement.getId());
    }

    public List<String> acceptedPartners(String evaluationId) {
        return accepted(evaluationId).stream().map(Partner::centreCode).toList();
    }

    /** The partner hands its records back within 5 working days of the confirmation (J7). */
    public Date recordsDue(String evaluationId, String centre) {
        return Date.from(store.partner(evaluationId, centre).recordsDue().toInstant());
    }

    /** A further period after the reminder, then the matter goes to the main centre's director and supervisor. */
    public Date recordsEscalation(String evaluationId, String centre) {
        RemoteRecords.Evaluation e = store.get(evaluationId);
        LocalDate due = store.partner(evaluationId, centre).recordsDue().toLocalDate().minusDays(1);
        int days = parameter(e, "remote.records-escalation.working-days").intValue();
        return Date.from(endOf(ruleSet(e).policy().calendar().periodEnd(due, days, PeriodUnit.WORKING_DAYS))
                .toInstant());
    }

    /** Timer: the records are overdue; the partner is reminded (its open step says so). */
    public void remind(String evaluationId, String centre) {
        store.reminded(evaluationId, centre, clock.instant());
    }

    /** Timer: still overdue after the reminder: escalated to the main centre's director and the supervisor. */
    public void escalate(String evaluationId, String centre) {
        store.escalated(evaluationId, centre, clock.instant());
    }

    /**
     * Service task: the compensation the partner is owed (副场补偿, J4, J16) by the agreement in force, for the
     * session and each of its experts who sat; recorded as a decision with the agreement's terms.
     */
    public void settle(String evaluationId, String centre) {
        RemoteRecords.Evaluation e = store.get(evaluationId);
        LocalDate confirmedOn = LocalDate.ofInstant(e.confirmedAt(), LegalClock.CHINA);
        Agreement agreement = centres.agreement(e.mainCentre(), centre).filter(a -> a.validOn(confirmedOn)).orElse(null);
        long sat = store.seats(evaluationId).stream()
                .filter(s -> s.centreCode().equals(centre) && s.signedInAt() != null).count();
        BigDecimal amount = agreement == null ? BigDecimal.ZERO.setScale(2) : agreement.compensation((int) sat);
        String terms = agreement == null ? "评标确认之日无有效协作协议：不补偿 / No agreement in force: nothing is owed"
                : "每场 " + agreement.feePerSession().toPlainString() + " 元 + 每位专家 "
                        + agreement.feePerExpert().toPlainString() + " 元 × " + sat + " / per session "
                        + agreement.feePerSession().toPlainString() + " + per expert "
                        + agreement.feePerExpert().toPlainString() + " × " + sat
                        + (agreement.terms() == null ? "" : "；" + agreement.terms());
        store.settled(evaluationId, centre, amount, terms, clock.instant());
        ObjectNode inputs = json.createObjectNode().put("mainCentre", e.mainCentre()).put("partnerCentre", centre)
                .put("expertsWhoSat", sat);
        inputs.set("agreement", json.valueToTree(agreement));
        decisionRecords.save(new DecisionRecord(UUID.randomUUID().toString(), "REMOTE_COMPENSATION",
                DecisionRecord.Outcome.ACCEPTED, false, e.tenderId(), tenders.get(e.tenderId()).ruleSetVersion(),
                clock.instant(), "system", null, inputs,
                json.createObjectNode().put("compensation", amount).put("terms", terms), List.of(), List.of()));
    }

    public void finish(String evaluationId) {
        store.status(evaluationId, Status.SETTLED);
    }

    // ==== the task listeners: the same checks whoever completes the step =====================================

    /** The main venue's plan is recorded through {@code POST /plan}: the composition rules decide there. */
    public void planned(DelegateTask task) {
        if (store.get(evaluationId(task)).plannedAt() == null) {
            throw invalid("plan", null, "请通过 POST /api/remote-evaluations/{id}/plan 提交评标安排，由规则审核",
                    "Plan through POST /api/remote-evaluations/{id}/plan: the composition rules decide");
        }
    }

    /** A partner accepts with a venue of its own that has the seats, or refuses with reasons. */
    public void answered(DelegateTask task) {
        String evaluationId = evaluationId(task);
        String centre = (String) task.getVariable(RemoteProcess.PARTNER_CENTRE);
        Object accepted = task.getVariable("accepted");
        String venueId = text(task.getVariable("venueId"));
        String reason = text(task.getVariable("reason"));
        removeAnswers(task, "accepted", "venueId", "reason");
        if (!(accepted instanceof Boolean yes)) {
            throw invalid("accepted", accepted, "请选择接受或拒绝协作请求", "Accept or refuse the request: choose one");
        }
        Partner partner = store.partner(evaluationId, centre);
        if (yes) {
            Centre.Venue venue = venueId == null ? null : centres.venues(centre).stream()
                    .filter(v -> v.id().equals(venueId)).findFirst().orElse(null);
            if (venue == null) {
                throw invalid("venueId", venueId, "请选择本中心的评标室", "Choose one of your centre's venues");
            }
            int needed = partner.expertSeats() == null ? 0 : partner.expertSeats();
            if (venue.seats() < needed) {
                throw invalid("venueId", venue.seats(), "评标室席位不足（需要" + needed + "个）",
                        "The venue has too few seats (" + needed + " needed)");
            }
        } else if (reason == null) {
            throw invalid("reason", null, "拒绝须说明理由", "A refusal gives its reasons");
        }
        store.answered(evaluationId, centre, yes ? PartnerStatus.ACCEPTED : PartnerStatus.REFUSED,
                yes ? venueId : null, reason, Operator.current().userId(), clock.instant());
    }

    /** The main venue adds partners to ask when those asked refused or did not answer. */
    public void partnersAdded(DelegateTask task) {
        String evaluationId = evaluationId(task);
        String given = text(task.getVariable("partners"));
        removeAnswers(task, "partners");
        if (given != null) {
            addPartners(evaluationId, List.of(given.split("\\s*,\\s*")));
        }
        if (partnersToAsk(evaluationId) == 0) {
            throw invalid("partners", given, "请增加尚未请求过的副场", "Add partner centres not asked before");
        }
    }

    /** A venue's clerk confirms the seats and a working video link. */
    public void prepared(DelegateTask task) {
        String evaluationId = evaluationId(task);
        String venueId = (String) task.getVariable(RemoteProcess.VENUE_ID);
        Object seatsReady = task.getVariable("seatsReady");
        String linkCheck = text(task.getVariable("linkCheck"));
        removeAnswers(task, "seatsReady", "linkCheck", "note");
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
            store.mainPrepared(evaluationId, Operator.current().userId(), clock.instant());
        } else {
            String centre = centres.venue(venueId).centreCode();
            store.prepared(evaluationId, centre, Operator.current().userId(), clock.instant());
        }
    }

    /**
     * The venue's clerk witnesses a member's sign-in (J5, J12): an expert shows the ID card whose number the pool
     * holds; a representative is the user the plan named. The name is unsealed and the member seated.
     */
    public void signedIn(DelegateTask task) {
        String evaluationId = evaluationId(task);
        Seat seat = store.seat((String) task.getVariable(RemoteProcess.SEAT_ID));
        String idNo = text(task.getVariable("idNo"));
        String userId = text(task.getVariable("userId"));
        removeAnswers(task, "idNo", "userId");
        if (seat.status() != SeatStatus.DRAWN) {
            throw new ConflictException("该席位已签到或已更换 / The seat is signed in or replaced");
        }
        String name;
        if (EXPERT.equals(seat.role())) {
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
        CommitteeMember member = evaluation.seat(e.tenderId(), name, seat.userId(),
                CommitteeMember.Role.valueOf(seat.role()));
        store.signedIn(seat.id(), Operator.current().userId(), member.id(), clock.instant());
    }

    /** The tenderer decides after the first threshold: go on or postpone (J9); centres only witness (K9). */
    public void linkDecided(DelegateTask task) {
        String evaluationId = evaluationId(task);
        Object goOn = task.getVariable("goOn");
        String reason = text(task.getVariable("reason"));
        removeAnswers(task, "goOn", "reason");
        if (!(goOn instanceof Boolean decision)) {
            throw invalid("goOn", goOn, "请选择继续评标或推迟评标", "Go on or postpone: choose one");
        }
        if (!decision && reason == null) {
            throw invalid("reason", null, "推迟评标须说明理由", "A postponement gives its reasons");
        }
        requireTenderer(store.get(evaluationId), Operator.current());
        LinkFailure failure = store.openFailure(evaluationId).orElseThrow(
                () -> new ConflictException("没有未处理的故障 / No open failure"));
        store.failureDecision(failure.id(), decision ? "GO_ON" : "POSTPONE", Operator.current().userId());
    }

    /** The main venue sets the new start after a postponement. */
    public void rescheduled(DelegateTask task) {
        String evaluationId = evaluationId(task);
        String start = text(task.getVariable("scheduledStart"));
        removeAnswers(task, "scheduledStart");
        OffsetDateTime at;
        try {
            at = start == null ? null : OffsetDateTime.parse(start);
        } catch (java.time.format.DateTimeParseException ex) {
            at = null;
        }
        if (at == null || !at.toInstant().isAfter(clock.instant())) {
            throw invalid("scheduledStart", start, "请给出将来的评标开始时间（带时区）",
                    "Give a future start with its offset (2027-01-05T09:00:00+08:00)");
        }
        requireTenderer(store.get(evaluationId), Operator.current());
        store.reschedule(evaluationId, at);
        commitSeed(evaluationId);
    }

    /** The main venue confirms the committee's result (docs/domain.md §4.7). */
    public void confirmed(DelegateTask task) {
        store.confirmed(evaluationId(task), Operator.current().userId(), clock.instant());
    }

    /** The partner hands its paper, electronic and audio-visual records to the main venue (J7). */
    public void handedBack(DelegateTask task) {
        String evaluationId = evaluationId(task);
        String centre = (String) task.getVariable(RemoteProcess.PARTNER_CENTRE);
        String note = text(task.getVariable("recordsNote"));
        removeAnswers(task, "recordsNote");
        if (note == null) {
            throw invalid("recordsNote", null, "请列明移交的纸质、电子和音视频资料",
                    "List the paper, electronic and audio-visual records handed back");
        }
        store.recordsHandedBack(evaluationId, centre, note, Operator.current().userId(), clock.instant());
    }

    // ==== the API: each action completes its step; the listeners above check and record ====================

    /** The main venue's plan of the evaluation. */
    public record Plan(String speciality, int committeeSize, OffsetDateTime scheduledStart, String mainVenueId,
            List<String> representatives, String purchaserId, String supervisoryDepartment, List<String> partners) {
    }

    /**
     * The main venue plans: speciality, committee size and the tenderer's representatives (the composition rules
     * decide: G1, G3, G10), the start, its venue, and optionally the partners to ask in order (else its
     * agreements in force, in their order).
     */
    public RemoteRecords.Evaluation plan(String evaluationId, Plan requested, Operator operator) {
        RemoteRecords.Evaluation e = store.get(evaluationId);
        requireTenderer(e, operator);
        Tender tender = tenders.get(e.tenderId());
        // the tenderer registered with its organisation: its credit code, unless the plan names it
        Plan plan = !blank(requested.purchaserId()) ? requested
                : new Plan(requested.speciality(), requested.committeeSize(), requested.scheduledStart(),
                        requested.mainVenueId(), requested.representatives(),
                        tenders.registration(tender).purchaserId(), requested.supervisoryDepartment(),
                        requested.partners());
        RuleSet ruleSet = ruleSets.version(tender.ruleSetVersion());
        RegistrationDecision decisions = tenders.decisions(tender);
        List<String> reps = plan.representatives() == null ? List.of() : plan.representatives();
        CommitteeFacts facts = new CommitteeFacts(decisions.applicableLaw(), tender.regime(), decisions.mustTender(),
                tender.estimatedAmount(), plan.committeeSize(), plan.committeeSize() - reps.size(), 1, false);
        RuleSet.Evaluation decided = ruleSet.evaluate(List.of(facts));
        List<Violation> violations = new ArrayList<>(decided.all(Refusal.class).stream().map(Refusal::violation)
                .toList());
        for (String rep : reps) {
            if (identity.createUserQuery().userId(rep).count() == 0) {
                violations.add(Violation.of("representatives", "validation.known-user", null, null, rep,
                        "招标人代表须为系统用户", "A representative is a user who can do the committee's tasks"));
            }
        }
        if (reps.stream().distinct().count() != reps.size()) {
            violations.add(Violation.of("representatives", "validation.distinct-members", null, null, reps,
                    "代表不得重复", "Each representative sits once"));
        }
        if (plan.mainVenueId() == null || centres.venues(e.mainCentre()).stream()
                .noneMatch(v -> v.id().equals(plan.mainVenueId()))) {
            violations.add(Violation.of("mainVenueId", "validation.main-venue", "J4", null, plan.mainVenueId(),
                    "主场评标室须为本中心的评标室", "The main venue is one of the main centre's venues"));
        }
        if (plan.scheduledStart() == null || !plan.scheduledStart().toInstant().isAfter(clock.instant())) {
            violations.add(Violation.of("scheduledStart", "validation.Future", null, null, plan.scheduledStart(),
                    "评标开始时间须在将来", "The start is in the future"));
        }
        // the avoidance rules need what they read: the supervising department (TBR 46), the tenderer (TBL 37) or
        // purchaser (O87 47)
        if (decisions.applicableLaw() == Regime.TENDERING_LAW && blank(plan.supervisoryDepartment())) {
            violations.add(Violation.of("supervisoryDepartment", "validation.NotBlank", "TBR 46; R12 12(二)", null, null,
                    "须写明项目的行政监督部门，其工作人员须回避", "Name the supervising department: its staff withdraw"));
        }
        // the tenderer, whose own staff sit only as its representatives (TBL 37), never drawn as experts
        if (decisions.applicableLaw() == Regime.TENDERING_LAW && blank(plan.purchaserId())) {
            violations.add(Violation.of("purchaserId", "validation.NotBlank", "TBL 37; R12 9", null, null,
                    "须写明招标人的统一社会信用代码，本单位人员只能作为招标人代表，不得以专家身份抽取",
                    "Give the tenderer's credit code: its own staff sit only as its representatives, never as experts"));
        }
        if (decisions.applicableLaw() == Regime.GOVERNMENT_PROCUREMENT && blank(plan.purchaserId())) {
            violations.add(Violation.of("purchaserId", "validation.NotBlank", "O87 47", null, null,
                    "须写明采购人的统一社会信用代码，本单位专家只能作为采购人代表",
                    "Give the purchaser's credit code: its own experts sit only as its representatives"));
        }
        List<String> partners = plan.partners() == null || plan.partners().isEmpty()
                ? centres.agreementsOf(e.mainCentre(), clock.today()).stream().map(Agreement::partnerCentre).toList()
                : plan.partners();
        for (String p : partners) {
            if (!partnerable(e, p)) {
                violations.add(Violation.of("partners", "validation.partner", "J4", null, p,
                        "副场须为与主场签有有效协作协议的其他交易中心", "A partner is another centre with an agreement in force"));
            }
        }
        ObjectNode inputs = json.valueToTree(plan);
        inputs.set("facts", json.valueToTree(facts));
        DecisionRecord record = new DecisionRecord(UUID.randomUUID().toString(), "REMOTE_PLAN",
                violations.isEmpty() ? DecisionRecord.Outcome.ACCEPTED : DecisionRecord.Outcome.REFUSED, false,
                e.tenderId(), ruleSet.version(), clock.instant(), operator.userId(), operator.address(), inputs,
                json.createObjectNode().put("evaluationId", evaluationId), decided.firedRules(), violations);
        if (!violations.isEmpty()) {
            transactions.executeWithoutResult(t -> decisionRecords.save(record));
            throw new RuleRefusalException(violations, record.id(), ruleSet.version());
        }
        return transactions.execute(s -> {
            decisionRecords.save(record);
            store.plan(evaluationId, plan.speciality(), plan.committeeSize(), plan.scheduledStart(), plan.purchaserId(),
                    blank(plan.supervisoryDepartment()) ? null : plan.supervisoryDepartment().strip(), reps,
                    plan.mainVenueId(), operator.userId(), clock.instant());
            commitSeed(evaluationId);
            addPartners(evaluationId, partners);
            tasks.complete(e.tenderId(), RemoteProcess.PLAN, operator, Map.of());
            return store.get(evaluationId);
        });
    }

    /** A partner centre answers the request addressed to it. */
    public void answer(String evaluationId, String centre, Boolean accept, String venueId, String reason,
            Operator operator) {
        transactions.executeWithoutResult(s -> {
            RemoteRecords.Evaluation e = store.get(evaluationId);
            requireCentre(centre, operator);
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("accepted", accept);
            vars.put("venueId", venueId);
            vars.put("reason", reason);
            tasks.completeOne(e.tenderId(), RemoteProcess.ANSWER_REQUEST, RemoteProcess.PARTNER_CENTRE, centre,
                    operator, vars);
        });
    }

    /** The main venue adds partners to ask. */
    public void addMorePartners(String evaluationId, List<String> partners, Operator operator) {
        transactions.executeWithoutResult(s -> {
            RemoteRecords.Evaluation e = store.get(evaluationId);
            requireMain(e, operator);
            tasks.complete(e.tenderId(), RemoteProcess.ADD_PARTNERS, operator,
                    Map.of("partners", String.join(",", partners)));
        });
    }

    /** A venue's clerk confirms the venue ready. */
    public void prepare(String evaluationId, String venueId, Integer seatsReady, String linkCheck, String note,
            Operator operator) {
        transactions.executeWithoutResult(s -> {
            RemoteRecords.Evaluation e = store.get(evaluationId);
            requireCentre(centres.venue(venueId).centreCode(), operator);
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("seatsReady", seatsReady);
            vars.put("linkCheck", linkCheck);
            vars.put("note", note);
            tasks.completeOne(e.tenderId(), RemoteProcess.PREPARE_VENUE, RemoteProcess.VENUE_ID, venueId, operator,
                    vars);
        });
    }

    /**
     * A venue's clerk witnesses a member's sign-in: the expert shows the ID card (its number finds the seat drawn
     * for the expert at one of the clerk's venues), a representative is named by user; or the seat is given.
     */
    public void signIn(String evaluationId, String seatId, String idNo, String userId, Operator operator) {
        transactions.executeWithoutResult(s -> {
            RemoteRecords.Evaluation e = store.get(evaluationId);
            Seat seat = seatId != null ? seatOf(e, seatId) : seatFor(e, idNo, userId, operator);
            requireCentre(seat.centreCode(), operator);
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("idNo", idNo);
            vars.put("userId", userId);
            String key = tasks.open(e.tenderId(), RemoteProcess.SIGN_IN_REPLACEMENT).isEmpty() ? RemoteProcess.SIGN_IN
                    : RemoteProcess.SIGN_IN_REPLACEMENT;
            tasks.completeOne(e.tenderId(), key, RemoteProcess.SEAT_ID, seat.id(), operator, vars);
        });
    }

    private Seat seatFor(RemoteRecords.Evaluation e, String idNo, String userId, Operator operator) {
        List<String> mine = centresOf(operator).stream().map(Centre::code).toList();
        String expertId = idNo == null ? null : pool.byIdNo(idNo).map(Expert::id).orElse(null);
        return store.seats(e.id()).stream()
                .filter(x -> x.status() == SeatStatus.DRAWN && mine.contains(x.centreCode()))
                .filter(x -> expertId != null ? expertId.equals(x.expertId())
                        : userId != null && REPRESENTATIVE.equals(x.role()) && userId.equals(x.userId()))
                .findFirst().orElseThrow(() -> invalid(idNo != null ? "idNo" : "userId", idNo != null ? idNo : userId,
                        "本评标室没有抽取到该成员，或其已签到", "No one drawn for your venue with that identity, or already signed in"));
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
        return found;
    }

    /**
     * A venue reports its link down (J9, J10): both venues lock and seal; the thresholds start. Only while the
     * venues prepare or evaluate.
     */
    public LinkFailure reportLinkFailure(String evaluationId, String venueId, String description, Operator operator) {
        return transactions.execute(s -> {
            RemoteRecords.Evaluation e = store.get(evaluationId);
            Centre.Venue venue = venueOf(e, venueId);
            requireCentreOrMain(e, venue.centreCode(), operator);
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
                    .findFirst().orElseThrow(() -> new io.huitong.shared.web.NotFoundException("没有该故障 / No failure"));
            requireCentreOrMain(e, centres.venue(failure.venueId()).centreCode(), operator);
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

    /** The tenderer (purchaser) decides after the first threshold. */
    public void decideLink(String evaluationId, Boolean goOn, String reason, Operator operator) {
        transactions.executeWithoutResult(s -> {
            RemoteRecords.Evaluation e = store.get(evaluationId);
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("goOn", goOn);
            vars.put("reason", reason);
            tasks.complete(e.tenderId(), RemoteProcess.LINK_DECISION, operator, Variables.fromMap(vars));
        });
    }

    /** The main venue retries the draw once the pool has more eligible experts (O87 49; G5). */
    public void retryDraw(String evaluationId, Operator operator) {
        transactions.executeWithoutResult(s -> {
            RemoteRecords.Evaluation e = store.get(evaluationId);
            requireMain(e, operator);
            tasks.complete(e.tenderId(), RemoteProcess.WIDEN_POOL, operator, Map.of());
        });
    }

    /** The main venue sets a new start after a postponement. */
    public void reschedule(String evaluationId, OffsetDateTime scheduledStart, Operator operator) {
        transactions.executeWithoutResult(s -> {
            RemoteRecords.Evaluation e = store.get(evaluationId);
            requireTenderer(e, operator);
            tasks.complete(e.tenderId(), RemoteProcess.RESCHEDULE, operator,
                    Map.of("scheduledStart", scheduledStart == null ? "" : scheduledStart.toString()));
        });
    }

    /** Why a member leaves the committee. */
    public enum LeaveReason {
        /** 需要回避（成员主动申报）. */
        CONFLICT,
        ILLNESS,
        ABSENCE
    }

    /**
     * A member leaves and is replaced (TBR 46, 48; O87 49): the member declares a conflict, or the venue's clerk
     * or the main venue reports illness or absence. The replacement is drawn at once; the member's scores are void.
     */
    public void requestReplacement(String evaluationId, String seatId, LeaveReason reason, String detail,
            String replacementUserId, Operator operator) {
        transactions.executeWithoutResult(s -> {
            RemoteRecords.Evaluation e = store.get(evaluationId);
            Seat seat = seatOf(e, seatId);
            if (REPRESENTATIVE.equals(seat.role())) {
                // a representative is named by the tenderer, never drawn
                requireTenderer(e, operator);
                if (replacementUserId == null || identity.createUserQuery().userId(replacementUserId).count() == 0
                        || store.seats(evaluationId).stream().anyMatch(x -> x.isActive()
                                && x.userId().equals(replacementUserId))) {
                    throw invalid("replacementUserId", replacementUserId, "请指定另一名招标人代表（系统用户，且不在委员会中）",
                            "Name another representative: a user not on the committee");
                }
            } else if (!seat.userId().equals(operator.userId())) {
                requireCentreOrMain(e, seat.centreCode(), operator);
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

    /** The main venue confirms the result. */
    public void confirm(String evaluationId, Operator operator) {
        transactions.executeWithoutResult(s -> {
            RemoteRecords.Evaluation e = store.get(evaluationId);
            requireMain(e, operator);
            tasks.complete(e.tenderId(), RemoteProcess.CONFIRM, operator, Map.of());
        });
    }

    /** A partner hands its records back. */
    public void handBack(String evaluationId, String centre, String note, Operator operator) {
        transactions.executeWithoutResult(s -> {
            RemoteRecords.Evaluation e = store.get(evaluationId);
            requireCentre(centre, operator);
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("recordsNote", note);
            tasks.completeOne(e.tenderId(), RemoteProcess.HAND_BACK, RemoteProcess.PARTNER_CENTRE, centre, operator,
                    vars);
        });
    }

    // ==== reading ============================================================================================

    public RemoteRecords.Evaluation get(String evaluationId) {
        return store.get(evaluationId);
    }

    public List<RemoteRecords.Evaluation> ofTender(String tenderId) {
        return store.ofTender(tenderId);
    }

    public List<RemoteRecords.Evaluation> all() {
        return store.all();
    }

    List<Partner> partners(String evaluationId) {
        return store.partners(evaluationId);
    }

    List<Seat> seats(String evaluationId) {
        return store.seats(evaluationId);
    }

    List<LinkFailure> failures(String evaluationId) {
        return store.failures(evaluationId);
    }

    List<Draw> draws(String evaluationId) {
        return store.draws(evaluationId);
    }

    Draw draw(String drawId) {
        return store.draw(drawId);
    }

    List<RemoteRecords.Exclusion> exclusions(String drawId) {
        return store.exclusions(drawId);
    }

    Expert expert(String expertId) {
        return pool.get(expertId);
    }

    Tender tender(String tenderId) {
        return tenders.get(tenderId);
    }

    // ==== the draw ===========================================================================================

    /** How many experts sit at the main venue and at each partner's (J15: a parameter). */
    record Allocation(int experts, int main, int perPartner, int remainder) {
    }

    Allocation allocation(RemoteRecords.Evaluation e) {
        int experts = e.committeeSize() - e.representatives().size();
        int partners = partnerVenues(e.id());
        BigDecimal share = parameter(e, "remote.partner-expert-share");
        int fromPartners = Math.min(experts, BigDecimal.valueOf(experts).multiply(share)
                .setScale(0, RoundingMode.CEILING).intValue());
        return new Allocation(experts, experts - fromPartners, fromPartners / partners, fromPartners % partners);
    }

    /**
     * Runs the avoidance rules over each venue's pool (its centre's experts in the speciality), writes the
     * snapshot, commits to a fresh seed, draws, reveals the seed and records the decision with every exclusion.
     */
    private Map<String, List<String>> draw(RemoteRecords.Evaluation e, String purpose, Map<String, Integer> seatsByVenue,
            Set<String> notAgain) {
        Tender tender = tenders.get(e.tenderId());
        RegistrationDecision decisions = tenders.decisions(tender);
        RuleSet ruleSet = ruleSets.version(tender.ruleSetVersion());
        LocalDate day = e.scheduledStart().atZoneSameInstant(LegalClock.CHINA).toLocalDate();
        List<Object> facts = new ArrayList<>();
        facts.add(new DrawFacts.Context(decisions.applicableLaw(), tender.regime(), day, e.purchaserId(),
                tenders.registration(tender).agencyId(), e.supervisoryDepartment()));
        Set<String> bidders = new HashSet<>();
        bids.ofRound(tender.id(), tender.round()).stream()
                .filter(b -> b.status() == BidStatus.VALID || b.status() == BidStatus.INVALID)
                .map(Bid::parties).forEach(bidders::addAll);
        bidders.forEach(p -> facts.add(new DrawFacts.Bidder(p)));
        for (PartyRelation r : credit.relationsAmong(bidders)) {
            if (bidders.contains(r.partyId()) && !bidders.contains(r.relatedPartyId())) {
                facts.add(new DrawFacts.RelatedToBidder(r.relatedPartyId(), r.partyId()));
            } else if (bidders.contains(r.relatedPartyId()) && !bidders.contains(r.partyId())) {
                facts.add(new DrawFacts.RelatedToBidder(r.partyId(), r.relatedPartyId()));
            }
        }
        Map<String, List<Expert>> byVenue = new LinkedHashMap<>();
        for (String venueId : seatsByVenue.keySet()) {
            List<Expert> experts = pool.of(centres.venue(venueId).centreCode(), e.speciality()).stream()
                    .filter(x -> !notAgain.contains(x.id())).toList();
            byVenue.put(venueId, experts);
            experts.forEach(x -> addFacts(facts, x));
        }
        RuleSet.Evaluation decided = ruleSet.evaluate(facts);
        Map<String, List<DrawFacts.Exclusion>> excluded = new LinkedHashMap<>();
        decided.all(DrawFacts.Exclusion.class).forEach(x -> excluded.computeIfAbsent(x.expertId(), k -> new ArrayList<>())
                .add(x));
        int drawNo = store.nextDrawNo(e.id());
        Map<String, List<String>> candidates = new LinkedHashMap<>();
        Map<String, String> centreOf = new LinkedHashMap<>();
        byVenue.forEach((venue, experts) -> {
            candidates.put(venue, experts.stream().map(Expert::id).toList());
            centreOf.put(venue, centres.venue(venue).centreCode());
        });
        List<VerifiableDraw.Group> groups = groups(candidates, centreOf, seatsByVenue, excluded.keySet());
        VerifiableDraw.Snapshot snapshot = new VerifiableDraw.Snapshot(e.id(), drawNo, purpose, day.toString(),
                e.speciality(), groups);
        String text = VerifiableDraw.text(snapshot);
        // the seed committed when the evaluation was planned (or rescheduled); a replacement commits and draws at once
        String planned = store.nextSeed(e.id()).orElse(null);
        String seed = planned != null ? planned : VerifiableDraw.newSeed(random);
        Instant committedAt = planned != null ? e.nextSeedCommittedAt() : clock.instant();
        store.clearNextSeed(e.id());
        Draw committed = store.commit(e.id(), purpose, VerifiableDraw.commitment(seed), text, VerifiableDraw.hash(text),
                committedAt);
        excluded.forEach((expertId, why) -> why.forEach(x -> store.exclude(committed.id(), expertId, x.by().rule(),
                x.by().citation(), x.reasonZh() + " / " + x.reasonEn())));
        Map<String, List<String>> drawn;
        try {
            drawn = VerifiableDraw.run(seed, text);
        } catch (VerifiableDraw.PoolTooSmall small) {
            ObjectNode outputs = json.createObjectNode().put("venueId", small.venueId()).put("seats", small.seats())
                    .put("eligible", small.candidates());
            saveDrawDecision(e, tender, ruleSet, committed, decided, DecisionRecord.Outcome.REFUSED, outputs);
            throw new BpmnError(RemoteProcess.POOL_EXHAUSTED, "评标室 " + small.venueId() + " 需要 " + small.seats()
                    + " 名专家，符合条件的只有 " + small.candidates() + " 名 / too few eligible experts");
        }
        ObjectNode outputs = json.createObjectNode();
        outputs.set("drawn", json.valueToTree(drawn));
        String decisionId = saveDrawDecision(e, tender, ruleSet, committed, decided, DecisionRecord.Outcome.ACCEPTED,
                outputs);
        store.reveal(committed.id(), seed, json.valueToTree(drawn).toString(), decisionId, clock.instant());
        return drawn;
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

    private String saveDrawDecision(RemoteRecords.Evaluation e, Tender tender, RuleSet ruleSet, Draw committed,
            RuleSet.Evaluation decided, DecisionRecord.Outcome outcome, ObjectNode outputs) {
        ObjectNode inputs = json.createObjectNode().put("evaluationId", e.id()).put("drawId", committed.id())
                .put("drawNo", committed.drawNo()).put("seedHash", committed.seedHash())
                .put("snapshotHash", committed.snapshotHash());
        outputs.set("exclusions", json.valueToTree(decided.all(DrawFacts.Exclusion.class)));
        String id = UUID.randomUUID().toString();
        decisionRecords.save(new DecisionRecord(id, "EXPERT_DRAW", outcome, false, tender.id(), ruleSet.version(),
                clock.instant(), "system", null, inputs, outputs, decided.firedRules(), List.of()));
        return id;
    }

    private static void addFacts(List<Object> facts, Expert x) {
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
        Draw draw = store.draw(drawId);
        if (draw.seed() == null) {
            throw new ConflictException("种子尚未公开 / The seed is not revealed yet");
        }
        Map<String, List<String>> again = VerifiableDraw.run(draw.seed(), draw.snapshot());
        boolean commitmentHolds = VerifiableDraw.commitment(draw.seed()).equals(draw.seedHash());
        boolean snapshotHolds = VerifiableDraw.hash(draw.snapshot()).equals(draw.snapshotHash());
        boolean same = json.valueToTree(again).toString().equals(draw.result());
        return new Verification(drawId, commitmentHolds, snapshotHolds, same, again);
    }

    /** A draw re-run: whether the seed matches its commitment, the snapshot its hash, and the result the record. */
    public record Verification(String drawId, boolean commitmentHolds, boolean snapshotHolds, boolean sameResult,
            Map<String, List<String>> result) {
    }

    // ==== access and helpers ==================================================================================

    /** The operator's centres (by group membership). */
    public List<Centre> centresOf(Operator operator) {
        return centres.ofGroups(tasks.groupsOf(operator.userId()));
    }

    boolean isMain(RemoteRecords.Evaluation e, Operator operator) {
        return tasks.groupsOf(operator.userId()).contains(groupOf(e.mainCentre()));
    }

    boolean isOverseer(Operator operator) {
        List<String> groups = tasks.groupsOf(operator.userId());
        return groups.contains("camunda-admin") || groups.contains("supervisor");
    }

    private void requireMain(RemoteRecords.Evaluation e, Operator operator) {
        if (!isMain(e, operator) && !tasks.groupsOf(operator.userId()).contains("camunda-admin")) {
            throw new AccessDeniedException("只有主场交易中心办理 / Only the main centre does this");
        }
    }

    /** The tenderer forms the committee and takes its decisions (TBL 37; J9; K9); administrators too. */
    private void requireTenderer(RemoteRecords.Evaluation e, Operator operator) {
        String tenderer = tenders.get(e.tenderId()).registeredBy();
        if (!operator.userId().equals(tenderer) && !tasks.groupsOf(operator.userId()).contains("camunda-admin")) {
            throw new AccessDeniedException("只有本项目的招标人办理 / Only this tender's tenderer does this");
        }
    }

    private void requireCentre(String centre, Operator operator) {
        if (!tasks.groupsOf(operator.userId()).contains(groupOf(centre))) {
            throw new AccessDeniedException("只能办理本中心的事项 / Only your own centre's steps");
        }
    }

    private void requireCentreOrMain(RemoteRecords.Evaluation e, String centre, Operator operator) {
        List<String> groups = tasks.groupsOf(operator.userId());
        if (!groups.contains(groupOf(centre)) && !groups.contains(groupOf(e.mainCentre()))) {
            throw new AccessDeniedException("只能办理本中心的事项 / Only your own centre's steps");
        }
    }

    private Seat seatOf(RemoteRecords.Evaluation e, String seatId) {
        Seat seat = store.seat(seatId);
        if (!seat.evaluationId().equals(e.id())) {
            throw new io.huitong.shared.web.NotFoundException("没有该席位 / No seat " + seatId);
        }
        return seat;
    }

    private Centre.Venue venueOf(RemoteRecords.Evaluation e, String venueId) {
        boolean ours = venueId != null && (venueId.equals(e.mainVenueId())
                || accepted(e.id()).stream().anyMatch(p -> venueId.equals(p.venueId())));
        if (!ours) {
            throw new io.huitong.shared.web.NotFoundException("该评标室不参加本次评标 / The venue is not in this evaluation");
        }
        return centres.venue(venueId);
    }

    private void addPartners(String evaluationId, List<String> partners) {
        RemoteRecords.Evaluation e = store.get(evaluationId);
        Set<String> known = new HashSet<>();
        store.partners(evaluationId).forEach(p -> known.add(p.centreCode()));
        for (String p : partners) {
            if (p.isBlank() || known.contains(p)) {
                continue;
            }
            if (!partnerable(e, p)) {
                throw invalid("partners", p, "副场须为与主场签有有效协作协议的其他交易中心",
                        "A partner is another centre with an agreement in force (J4)");
            }
            store.addPartner(evaluationId, p);
            known.add(p);
        }
    }

    /** Another centre with which the main centre has an agreement in force (J4: compensation by agreement). */
    private boolean partnerable(RemoteRecords.Evaluation e, String centre) {
        return !centre.equals(e.mainCentre()) && centres.find(centre).isPresent()
                && centres.agreement(e.mainCentre(), centre).map(a -> a.validOn(clock.today())).orElse(false);
    }

    /**
     * A fresh seed, its hash committed before the pool is fixed and shown to every party at once: the draw runs on
     * it, so the seed cannot be chosen after the pool is seen (pool changes after the commitment carry their time).
     */
    private void commitSeed(String evaluationId) {
        String seed = VerifiableDraw.newSeed(random);
        store.commitNextSeed(evaluationId, seed, VerifiableDraw.commitment(seed), clock.instant());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private List<Partner> accepted(String evaluationId) {
        return store.partners(evaluationId).stream().filter(p -> p.status() == PartnerStatus.ACCEPTED).toList();
    }

    private int partnerVenues(String evaluationId) {
        return parameter(store.get(evaluationId), "remote.partner-venues").intValue();
    }

    private Draw lastDraw(String evaluationId) {
        List<Draw> all = store.draws(evaluationId);
        return all.get(all.size() - 1);
    }

    private RuleSet ruleSet(RemoteRecords.Evaluation e) {
        return ruleSets.version(tenders.get(e.tenderId()).ruleSetVersion());
    }

    private BigDecimal parameter(RemoteRecords.Evaluation e, String key) {
        return ruleSet(e).policy().parameters().amount(key);
    }

    private Duration hours(RemoteRecords.Evaluation e, String key) {
        return Duration.ofMinutes(parameter(e, key).multiply(BigDecimal.valueOf(60)).longValue());
    }

    private static OffsetDateTime endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(LegalClock.CHINA).toOffsetDateTime();
    }

    private String displayName(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        return user == null ? userId : (user.getFirstName() == null ? userId : user.getFirstName());
    }

    /**
     * The evaluation of the task's process, found by the process instance (which nobody can rewrite); a settlement
     * starting, not yet recorded, by the variable its start message set (no step takes it as an input).
     */
    String evaluationId(DelegateTask task) {
        return store.byProcessInstance(task.getProcessInstanceId()).map(RemoteRecords.Evaluation::id)
                .orElseGet(() -> (String) task.getVariable(RemoteProcess.EVALUATION_ID));
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }

    /** Answers given through the engine land on the process: they are taken off, so no other step sees them. */
    private static void removeAnswers(DelegateTask task, String... names) {
        for (String name : names) {
            task.getExecution().removeVariable(name);
        }
    }

    private static ValidationException invalid(String field, Object value, String zh, String en) {
        return new ValidationException(List.of(Violation.of(field, "validation." + field, null, null, value, zh, en)));
    }
}

package io.huitong.remote;

import io.huitong.remote.RemoteRecords.Draw;
import io.huitong.remote.RemoteRecords.LinkFailure;
import io.huitong.remote.RemoteRecords.Partner;
import io.huitong.remote.RemoteRecords.Seat;
import io.huitong.shared.security.Operator;
import io.huitong.shared.web.NotFoundException;
import io.huitong.shared.workflow.TaskActions;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What each party may see of a remote evaluation. The main centre, supervisors and administrators see all of it;
 * a partner centre sees its own request, venue, seats, link failures and records, never another partner's; the
 * drawn names stay sealed until each member signs in; the seed and snapshot of a draw are shown to overseers once
 * drawn and to everyone involved once the result is determined. Anyone else is told the evaluation does not exist.
 */
@Component
public class RemoteViews {

    private final RemoteEvaluations store;
    private final DrawRecords drawRecords;
    private final ExpertPool pool;
    private final TenderService tenders;
    private final RemoteAccess rights;
    private final Centres centres;
    private final TaskActions tasks;
    private final TaskService taskService;
    private final LockNotice locks;
    private final PartnerRecordStore partnerRecords;

    RemoteViews(RemoteEvaluations store, DrawRecords drawRecords, ExpertPool pool, TenderService tenders,
            RemoteAccess rights, Centres centres, TaskActions tasks, TaskService taskService, LockNotice locks,
            PartnerRecordStore partnerRecords) {
        this.store = store;
        this.drawRecords = drawRecords;
        this.pool = pool;
        this.tenders = tenders;
        this.rights = rights;
        this.centres = centres;
        this.tasks = tasks;
        this.taskService = taskService;
        this.locks = locks;
        this.partnerRecords = partnerRecords;
    }

    /** A remote evaluation as one party sees it. */
    public record View(String id, String tenderId, String tenderTitle, int round, String mainCentre,
            String mainCentreName, String status, String speciality, Integer committeeSize,
            OffsetDateTime scheduledStart, String mainVenueId, Instant startedAt, Instant confirmedAt,
            String yourRole, String nextSeedHash, Instant nextSeedCommittedAt, List<PartnerView> partners,
            List<SeatView> seats, List<LinkFailure> linkFailures, List<DrawView> draws, LockNotice.Lock lock,
            List<RecordsHandBack.RecordView> records) {
    }

    public record PartnerView(String centre, String centreName, int seq, String status, Instant requestedAt,
            OffsetDateTime answerDue, Instant answeredAt, String reason, String venueId, Integer expertSeats,
            Instant preparedAt, OffsetDateTime recordsDue, Instant recordsAt, String recordsNote, Instant remindedAt,
            Instant escalatedAt, BigDecimal compensation, String compensationTerms, Instant settledAt,
            CompensationConfirmation.AnswerView compensationAnswer) {
    }

    /** A seat: the member's name only once signed in (before that, the seat and its venue). */
    public record SeatView(String id, int seq, String venueId, String centre, String role, String status,
            String name, String userId, Instant signedInAt, String witnessedBy, Instant endedAt, String endReason,
            String replacedBy) {
    }

    public record DrawView(String id, int drawNo, String purpose, String seedHash, String snapshotHash,
            Instant committedAt, Instant drawnAt, String seed, String snapshot, List<RemoteRecords.Exclusion> exclusions,
            String decisionId) {
    }

    public View view(String evaluationId, Operator operator) {
        RemoteRecords.Evaluation e = store.get(evaluationId);
        RemoteAccess.Access access = access(e, operator);
        if (access.role().equals("NONE")) {
            throw new NotFoundException("没有该远程异地评标 / No remote evaluation " + evaluationId);
        }
        Tender tender = tenders.get(e.tenderId());
        boolean all = access.all();
        Set<String> own = access.centres();
        List<PartnerView> partners = store.partners(evaluationId).stream()
                .filter(p -> all || own.contains(p.centreCode()) && p.requestedAt() != null).map(this::partner).toList();
        List<SeatView> seats = store.seats(evaluationId).stream()
                .filter(s -> all || own.contains(s.centreCode())).map(this::seat).toList();
        List<String> venues = new ArrayList<>();
        store.partners(evaluationId).stream().filter(p -> own.contains(p.centreCode()) && p.venueId() != null)
                .forEach(p -> venues.add(p.venueId()));
        List<LinkFailure> failures = store.failures(evaluationId).stream()
                .filter(f -> all || venues.contains(f.venueId())).toList();
        boolean determined = tender.winnerBidId() != null;
        boolean overseer = rights.isOverseer(operator);
        List<DrawView> draws = drawRecords.draws(evaluationId).stream()
                .map(d -> draw(d, overseer && d.seed() != null || determined, overseer || determined)).toList();
        return new View(e.id(), e.tenderId(), tender.title(), e.round(), e.mainCentre(),
                centres.get(e.mainCentre()).name(), e.status().name(), e.speciality(), e.committeeSize(),
                e.scheduledStart(), e.mainVenueId(), e.startedAt(), e.confirmedAt(), access.role(), e.nextSeedHash(),
                e.nextSeedCommittedAt(), partners, seats, failures, draws, locks.of(e, access),
                partnerRecords.records(evaluationId).stream().filter(r -> all || own.contains(r.centre()))
                        .map(RecordsHandBack.RecordView::of).toList());
    }

    /** The evaluations the operator takes part in, or all for overseers. */
    public List<View> list(Operator operator) {
        return store.all().stream().filter(e -> !access(e, operator).role().equals("NONE"))
                .map(e -> view(e.id(), operator)).toList();
    }

    /** A draw with its seed and snapshot, if the operator may see them. */
    public DrawView draw(String evaluationId, String drawId, Operator operator) {
        View view = view(evaluationId, operator);
        return view.draws().stream().filter(d -> d.id().equals(drawId)).findFirst()
                .orElseThrow(() -> new NotFoundException("没有该次抽取 / No draw " + drawId));
    }

    /** One open step of a partner centre (or the main centre) in a remote evaluation. */
    public record Step(String taskId, String step, String name, String tenderId, String evaluationId, String centre,
            String venueId, String seatId, Date created, Date due, String completeWith) {
    }

    private static final Map<String, String> HOW = Map.of(
            RemoteProcess.PLAN, "POST /api/remote-evaluations/{id}/plan",
            RemoteProcess.ANSWER_REQUEST, "POST /api/remote-evaluations/{id}/requests/{centre}/answer",
            RemoteProcess.ADD_PARTNERS, "POST /api/remote-evaluations/{id}/partners",
            RemoteProcess.WIDEN_POOL, "POST /api/remote-evaluations/{id}/draw",
            RemoteProcess.PREPARE_VENUE, "POST /api/remote-evaluations/{id}/venues/{venueId}/preparation",
            RemoteProcess.SIGN_IN, "POST /api/remote-evaluations/{id}/sign-ins",
            RemoteProcess.SIGN_IN_REPLACEMENT, "POST /api/remote-evaluations/{id}/sign-ins",
            RemoteProcess.RESCHEDULE, "POST /api/remote-evaluations/{id}/schedule",
            RemoteProcess.CONFIRM, "POST /api/remote-evaluations/{id}/confirmation",
            RemoteProcess.HAND_BACK, "POST /api/remote-evaluations/{id}/handbacks/{centre}");

    /**
     * The open steps of the operator's centres across every remote evaluation: what a partner's system lists and
     * completes. Only tasks whose candidate group is one of the operator's centres.
     */
    public List<Step> steps(Operator operator) {
        List<Centre> mine = rights.centresOf(operator);
        if (mine.isEmpty()) {
            return List.of();
        }
        List<String> groups = mine.stream().map(Centre::groupId).toList();
        List<Task> open = taskService.createTaskQuery().processDefinitionKeyIn(RemoteProcess.KEY,
                RemoteProcess.SETTLEMENT).taskCandidateGroupIn(groups).active().orderByTaskCreateTime().asc().list();
        List<Step> steps = new ArrayList<>();
        for (Task task : open) {
            Map<String, Object> vars = taskService.getVariables(task.getId(), List.of(RemoteProcess.EVALUATION_ID,
                    RemoteProcess.PARTNER_CENTRE, RemoteProcess.VENUE_ID, RemoteProcess.SEAT_ID, "tenderId"));
            String centre = tasks.candidateGroups(task.getId()).stream()
                    .flatMap(g -> mine.stream().filter(c -> c.groupId().equals(g))).map(Centre::code).findFirst()
                    .orElse(null);
            steps.add(new Step(task.getId(), task.getTaskDefinitionKey(), task.getName(), (String) vars.get("tenderId"),
                    (String) vars.get(RemoteProcess.EVALUATION_ID), centre, (String) vars.get(RemoteProcess.VENUE_ID),
                    (String) vars.get(RemoteProcess.SEAT_ID), task.getCreateTime(), task.getDueDate(),
                    HOW.getOrDefault(task.getTaskDefinitionKey(), "POST /engine-rest/task/{taskId}/complete")));
        }
        return steps;
    }

    RemoteAccess.Access access(RemoteRecords.Evaluation e, Operator operator) {
        return rights.access(e, operator);
    }

    private PartnerView partner(Partner p) {
        return new PartnerView(p.centreCode(), centres.get(p.centreCode()).name(), p.seq(), p.status().name(),
                p.requestedAt(), p.answerDue(), p.answeredAt(), p.reason(), p.venueId(), p.expertSeats(),
                p.preparedAt(), p.recordsDue(), p.recordsAt(), p.recordsNote(), p.remindedAt(), p.escalatedAt(),
                p.compensation(), p.compensationTerms(), p.settledAt(), partnerRecords.answer(p.evaluationId(),
                        p.centreCode()).map(CompensationConfirmation.AnswerView::of).orElse(null));
    }

    private SeatView seat(Seat s) {
        boolean unsealed = s.signedInAt() != null;
        String name = !unsealed ? null : s.expertId() != null ? pool.get(s.expertId()).name() : s.userId();
        return new SeatView(s.id(), s.seq(), s.venueId(), s.centreCode(), s.role(), s.status().name(), name,
                unsealed ? s.userId() : null, s.signedInAt(), s.witnessedBy(), s.endedAt(), s.endReason(),
                s.replacedBy());
    }

    private DrawView draw(Draw d, boolean revealed, boolean exclusions) {
        return new DrawView(d.id(), d.drawNo(), d.purpose(), d.seedHash(), d.snapshotHash(), d.committedAt(),
                d.drawnAt(), revealed ? d.seed() : null, revealed ? d.snapshot() : null,
                exclusions ? drawRecords.exclusions(d.id()) : List.of(), d.decisionId());
    }
}

package io.huitong.remote;

import static io.huitong.remote.Inputs.blank;
import static io.huitong.remote.Inputs.invalid;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.evaluation.CommitteeFacts;
import io.huitong.evaluation.Evaluation;
import io.huitong.remote.RemoteRecords.Status;
import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionRecords;
import io.huitong.rules.Refusal;
import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.security.Operator;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.RuleRefusalException;
import io.huitong.shared.web.Violation;
import io.huitong.shared.workflow.TaskActions;
import io.huitong.tender.Regime;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import io.huitong.tender.registration.RegistrationDecision;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A remote evaluation opens at the tender's own centre, the main venue (J4), and the tenderer plans it: speciality,
 * committee size and representatives (the composition rules decide: G1, G3, G10), the start, the main venue, and the
 * partners to ask. The plan commits the seed of the draw.
 */
@Component
public class RemotePlanning {

    private final RemoteEvaluations store;
    private final Centres centres;
    private final TenderService tenders;
    private final Evaluation evaluation;
    private final RuleSetRegistry ruleSets;
    private final DecisionRecords decisionRecords;
    private final PartnerRequests requests;
    private final CommitteeDraw draw;
    private final RemoteAccess access;
    private final TaskActions tasks;
    private final IdentityService identity;
    private final TransactionTemplate transactions;
    private final LegalClock clock;
    private final ObjectMapper json;

    RemotePlanning(RemoteEvaluations store, Centres centres, TenderService tenders, Evaluation evaluation,
            RuleSetRegistry ruleSets, DecisionRecords decisionRecords, PartnerRequests requests, CommitteeDraw draw,
            RemoteAccess access, TaskActions tasks, IdentityService identity, TransactionTemplate transactions,
            LegalClock clock, ObjectMapper json) {
        this.store = store;
        this.centres = centres;
        this.tenders = tenders;
        this.evaluation = evaluation;
        this.ruleSets = ruleSets;
        this.decisionRecords = decisionRecords;
        this.requests = requests;
        this.draw = draw;
        this.access = access;
        this.tasks = tasks;
        this.identity = identity;
        this.transactions = transactions;
        this.clock = clock;
        this.json = json;
    }

    /** An evaluation opened: its id, the main centre's group (which does the main venue's steps), the tender's law. */
    public record Opened(String evaluationId, String mainGroup, String law) {
    }

    /**
     * The evaluation opens for the tender's round at its own centre (the main venue, J4): the record is created,
     * the tender is under evaluation.
     */
    public Opened open(String tenderId, String processInstanceId) {
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
        RemoteRecords.Evaluation created = store.create(tenderId, tender.round(), main.code(), processInstanceId,
                clock.instant());
        return new Opened(created.id(), main.groupId(), tenders.decisions(tender).applicableLaw().name());
    }

    /** The plan is recorded through {@code POST /plan} only: the composition rules decide there. */
    public void requirePlanned(String evaluationId) {
        if (store.get(evaluationId).plannedAt() == null) {
            throw invalid("plan", null, "请通过 POST /api/remote-evaluations/{id}/plan 提交评标安排，由规则审核",
                    "Plan through POST /api/remote-evaluations/{id}/plan: the composition rules decide");
        }
    }

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
        access.requireTenderer(e, operator);
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
        RuleSet.Evaluation decided = ruleSet.evaluate(tender.bidDeadlineDate(), List.of(facts));
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
            violations.add(ruleSets.notice(RemoteNotices.PLAN_SUPERVISORY_DEPARTMENT)
                    .violation("supervisoryDepartment", "validation.NotBlank", null, null));
        }
        // the tenderer, whose own staff sit only as its representatives (TBL 37), never drawn as experts
        if (decisions.applicableLaw() == Regime.TENDERING_LAW && blank(plan.purchaserId())) {
            violations.add(ruleSets.notice(RemoteNotices.PLAN_TENDERER)
                    .violation("purchaserId", "validation.NotBlank", null, null));
        }
        if (decisions.applicableLaw() == Regime.GOVERNMENT_PROCUREMENT && blank(plan.purchaserId())) {
            violations.add(ruleSets.notice(RemoteNotices.PLAN_PURCHASER)
                    .violation("purchaserId", "validation.NotBlank", null, null));
        }
        List<String> partners = plan.partners() == null || plan.partners().isEmpty()
                ? centres.agreementsOf(e.mainCentre(), clock.today()).stream().map(Agreement::partnerCentre).toList()
                : plan.partners();
        for (String p : partners) {
            if (!requests.partnerable(e, p)) {
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
            draw.commitSeed(evaluationId);
            requests.addPartners(evaluationId, partners);
            tasks.complete(e.tenderId(), RemoteProcess.PLAN, operator, Map.of());
            return store.get(evaluationId);
        });
    }
}

package io.huitong.remote;

import static io.huitong.remote.Inputs.invalid;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.remote.RemoteRecords.Partner;
import io.huitong.remote.RemoteRecords.Status;
import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionRecords;
import io.huitong.shared.security.Operator;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.workflow.TaskActions;
import io.huitong.shared.workflow.TaskTenders;
import io.huitong.tender.TenderService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After the committee: the main venue confirms the result (docs/domain.md §4.7), which goes back to the lifecycle;
 * in {@code remote-settlement} each partner hands its records back within 5 working days (J7), is reminded and then
 * escalated when late, and is owed the compensation of its agreement (副场补偿, J4, J16).
 */
@Component
public class Settlement {

    private final RemoteEvaluations store;
    private final Centres centres;
    private final TenderService tenders;
    private final DecisionRecords decisionRecords;
    private final RemotePolicy policy;
    private final RemoteAccess access;
    private final TaskActions tasks;
    private final RuntimeService runtime;
    private final TransactionTemplate transactions;
    private final LegalClock clock;
    private final ObjectMapper json;

    Settlement(RemoteEvaluations store, Centres centres, TenderService tenders, DecisionRecords decisionRecords,
            RemotePolicy policy, RemoteAccess access, TaskActions tasks, RuntimeService runtime,
            TransactionTemplate transactions, LegalClock clock, ObjectMapper json) {
        this.store = store;
        this.centres = centres;
        this.tenders = tenders;
        this.decisionRecords = decisionRecords;
        this.policy = policy;
        this.access = access;
        this.tasks = tasks;
        this.runtime = runtime;
        this.transactions = transactions;
        this.clock = clock;
        this.json = json;
    }

    /** The main venue confirms the result (the step records it: {@link #recordConfirmation}). */
    public void confirm(String evaluationId, Operator operator) {
        transactions.executeWithoutResult(s -> {
            RemoteRecords.Evaluation e = store.get(evaluationId);
            access.requireMain(e, operator);
            tasks.complete(e.tenderId(), RemoteProcess.CONFIRM, operator, Map.of());
        });
    }

    /** The main venue confirms the committee's result (docs/domain.md §4.7). */
    public void recordConfirmation(String evaluationId, Operator operator) {
        store.confirmed(evaluationId, operator.userId(), clock.instant());
    }

    /**
     * The main venue confirmed: each partner's records are due within the working days of the local rule (J7), and
     * the records and compensation continue in {@code remote-settlement}.
     */
    public void conclude(String evaluationId, Object tenderTitle) {
        RemoteRecords.Evaluation e = store.get(evaluationId);
        LocalDate confirmed = LocalDate.ofInstant(e.confirmedAt(), LegalClock.CHINA);
        for (Partner p : store.accepted(evaluationId)) {
            store.recordsDue(evaluationId, p.centreCode(),
                    policy.workingDaysAfter(e, confirmed, "remote.records-handback.working-days"));
        }
        var settlement = runtime.createMessageCorrelation(RemoteProcess.EVALUATION_CONFIRMED)
                .processInstanceBusinessKey(e.tenderId())
                .setVariable(RemoteProcess.EVALUATION_ID, evaluationId)
                .setVariable("tenderId", e.tenderId())
                .setVariable(TaskTenders.TENDER_NO, e.tenderId())
                .setVariable(TaskTenders.TENDER_TITLE, tenderTitle)
                .correlateStartMessage();
        store.settlementStarted(evaluationId, settlement.getId());
    }

    /** The partner hands its records back within 5 working days of the confirmation (J7). */
    public Date recordsDue(String evaluationId, String centre) {
        return Date.from(store.partner(evaluationId, centre).recordsDue().toInstant());
    }

    /** A further period after the reminder, then the matter goes to the main centre's director and supervisor. */
    public Date recordsEscalation(String evaluationId, String centre) {
        RemoteRecords.Evaluation e = store.get(evaluationId);
        LocalDate due = store.partner(evaluationId, centre).recordsDue().toLocalDate().minusDays(1);
        return Date.from(policy.workingDaysAfter(e, due, "remote.records-escalation.working-days").toInstant());
    }

    /** The records are overdue; the partner is reminded (its open step says so). */
    public void remind(String evaluationId, String centre) {
        store.reminded(evaluationId, centre, clock.instant());
    }

    /** Still overdue after the reminder: escalated to the main centre's director and the supervisor. */
    public void escalate(String evaluationId, String centre) {
        store.escalated(evaluationId, centre, clock.instant());
    }

    /** A partner hands its records back (the step records it: {@link #recordHandBack}). */
    public void handBack(String evaluationId, String centre, String note, Operator operator) {
        transactions.executeWithoutResult(s -> {
            RemoteRecords.Evaluation e = store.get(evaluationId);
            access.requireCentre(centre, operator);
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("recordsNote", note);
            tasks.completeOne(e.tenderId(), RemoteProcess.HAND_BACK, RemoteProcess.PARTNER_CENTRE, centre, operator,
                    vars);
        });
    }

    /** The partner hands its paper, electronic and audio-visual records to the main venue (J7). */
    public void recordHandBack(String evaluationId, String centre, String note, Operator operator) {
        if (note == null) {
            throw invalid("recordsNote", null, "请列明移交的纸质、电子和音视频资料",
                    "List the paper, electronic and audio-visual records handed back");
        }
        store.recordsHandedBack(evaluationId, centre, note, operator.userId(), clock.instant());
    }

    /**
     * The compensation the partner is owed (副场补偿, J4, J16) by the agreement in force, for the session and each of
     * its experts who sat; recorded as a decision with the agreement's terms.
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

    /** Every partner is settled. */
    public void finish(String evaluationId) {
        store.status(evaluationId, Status.SETTLED);
    }
}

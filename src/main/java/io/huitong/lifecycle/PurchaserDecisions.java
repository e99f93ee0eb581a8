package io.huitong.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionRecords;
import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.security.Operator;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.RuleRefusalException;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import io.huitong.shared.workflow.TaskActions;
import io.huitong.tender.ProcurementMethod;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import io.huitong.tender.TenderStatus;
import io.huitong.tender.registration.RegistrationEvaluation;
import io.huitong.tender.registration.RegistrationRules;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the purchaser (and, for a change of method, its approver) decides on a running tender: the winner, what
 * follows a failure, the change of method, termination, and a remote evaluation the policy does not require.
 */
@Service
public class PurchaserDecisions {

    private final TenderService tenders;
    private final LegalPeriods periods;
    private final RuleSetRegistry ruleSets;
    private final RegistrationRules registrationRules;
    private final DecisionRecords decisionRecords;
    private final RuntimeService runtime;
    private final TaskActions tasks;
    private final TransactionTemplate transactions;
    private final LegalClock clock;
    private final ObjectMapper json;
    private final Tenderers tenderers;

    PurchaserDecisions(TenderService tenders, LegalPeriods periods, RuleSetRegistry ruleSets, RegistrationRules registrationRules, DecisionRecords decisionRecords, RuntimeService runtime, TaskActions tasks, TransactionTemplate transactions, LegalClock clock, ObjectMapper json, Tenderers tenderers) {
        this.tenders = tenders;
        this.periods = periods;
        this.ruleSets = ruleSets;
        this.registrationRules = registrationRules;
        this.decisionRecords = decisionRecords;
        this.runtime = runtime;
        this.tasks = tasks;
        this.transactions = transactions;
        this.clock = clock;
        this.json = json;
        this.tenderers = tenderers;
    }


    /**
     * The purchaser determines the winner from the candidates; the task's guard applies the law (TBL 40;
     * TBR 55; O87 68), however the task is completed.
     */
    public void chooseWinner(String tenderId, String winnerBidId, String reason, Operator operator) {
        requireTenderer(tenderId, operator);
        String task = tasks.single(tenderId, LifecycleProcess.DETERMINE_WINNER).isPresent()
                ? LifecycleProcess.DETERMINE_WINNER : LifecycleProcess.CHOOSE_WINNER;
        tasks.complete(tenderId, task, operator, Variables.createVariables()
                .putValue(LifecycleProcess.WINNER_BID_ID, winnerBidId)
                .putValue(LifecycleProcess.REASON, reason));
    }

    /**
     * After a failure the purchaser decides: tender again with new dates (the registration rules decide the
     * periods again), or ask to change the method (GPL 37; O87 43; F4).
     */
    public void afterFailure(String tenderId, LifecycleProcess.NextStep next, LocalDate documentIssueDate,
            OffsetDateTime bidDeadline, ProcurementMethod method, String reason, boolean documentsDefective,
            Operator operator) {
        requireTenderer(tenderId, operator);
        Tender tender = tenders.get(tenderId);
        if (tender.status() != TenderStatus.FAILED
                || tasks.single(tenderId, LifecycleProcess.DECIDE_AFTER_FAILURE).isEmpty()) {
            throw new ConflictException("招标未失败或已作出决定 / The tender has not failed, or the decision is taken");
        }
        var variables = Variables.createVariables().putValue(LifecycleProcess.NEXT_STEP, next.name())
                .putValue("documentsDefective", documentsDefective);
        if (next == LifecycleProcess.NextStep.RETENDER) {
            if (documentIssueDate == null || bidDeadline == null) {
                throw ValidationException.of(documentIssueDate == null ? "documentIssueDate" : "bidDeadline", null, "required",
                        "重新招标须给出新的招标文件发出日和投标截止时间", "Tendering again needs new dates");
            }
            if (documentIssueDate.isBefore(clock.today())) {
                throw ValidationException.of("documentIssueDate", documentIssueDate, clock.today(), "招标文件发出日不得早于今天",
                        "The documents cannot be issued before today");
            }
            RuleSet ruleSet = ruleSets.version(tender.ruleSetVersion());
            boolean liftReservation = tender.failureKind() == Tender.FailureKind.RESERVATION_UNFILLED;
            RegistrationEvaluation evaluation = registrationRules.evaluate(
                    tenders.facts(tender, documentIssueDate, bidDeadline, true, liftReservation, clock.today()), ruleSet,
                    documentIssueDate);
            ObjectNode inputs = json.createObjectNode().put("documentIssueDate", documentIssueDate.toString())
                    .put("bidDeadline", bidDeadline.toString()).put("round", tender.round() + 1);
            DecisionRecord record = new DecisionRecord(UUID.randomUUID().toString(), "RETENDER",
                    evaluation.accepted() ? DecisionRecord.Outcome.ACCEPTED : DecisionRecord.Outcome.REFUSED, false,
                    tenderId, ruleSet.version(), clock.instant(), operator.userId(), operator.address(), inputs,
                    json.valueToTree(evaluation.decisions()), evaluation.firedRules(), evaluation.violations());
            transactions.executeWithoutResult(s -> decisionRecords.save(record));
            if (!evaluation.accepted()) {
                throw new RuleRefusalException(evaluation.violations(), record.id(), ruleSet.version());
            }
            variables.putValue(LifecycleProcess.NEW_DECISION_ID, record.id())
                    .putValue(LifecycleProcess.NEW_DOCUMENT_ISSUE_DATE, documentIssueDate.toString())
                    .putValue(LifecycleProcess.NEW_BID_DEADLINE,
                            bidDeadline.atZoneSameInstant(LegalClock.CHINA).toOffsetDateTime().toString());
        } else {
            if (method == null || reason == null || reason.isBlank()) {
                throw ValidationException.of(method == null ? "procurementMethod" : "reason", null, "required",
                        "变更采购方式须说明新的方式和理由", "A change of method names the method and the reasons");
            }
            variables.putValue(LifecycleProcess.NEW_METHOD, method.name()).putValue(LifecycleProcess.REASON, reason);
        }
        tasks.complete(tenderId, LifecycleProcess.DECIDE_AFTER_FAILURE, operator, variables);
    }

    /** The finance department (GP) or the project approval authority (TL) decides a change of method. */
    public void decideMethodChange(String tenderId, boolean approved, String comment, Operator operator) {
        tasks.complete(tenderId, LifecycleProcess.APPROVE_METHOD_CHANGE, operator, Variables.createVariables()
                .putValue(LifecycleProcess.METHOD_CHANGE_APPROVED, approved).putValue("comment", comment));
    }

    /** The purchaser terminates the tender before the award (TBR 31; O87 29): fees and bonds are refunded. */
    public void terminate(String tenderId, String reason, Operator operator) {
        requireTenderer(tenderId, operator);
        transactions.executeWithoutResult(status -> {
            Tender tender = tenders.lock(tenderId);
            if (!tender.status().isTerminable()) {
                throw new ConflictException("招标项目当前状态为" + tender.status().label() + "，不能终止 / Tender "
                        + tenderId + " cannot be terminated now");
            }
            runtime.createMessageCorrelation(LifecycleProcess.TENDER_TERMINATED).processInstanceBusinessKey(tenderId)
                    .setVariable(LifecycleProcess.REASON, reason).correlate();
        });
    }

    /**
     * Before the opening the centre may send a project to remote cross-site evaluation that the province's policy
     * does not require (J1 encourages it); a project the policy sends remote stays remote. Recorded as a decision.
     */
    public void chooseEvaluationVenue(String tenderId, boolean remote, String reason, Operator operator) {
        transactions.executeWithoutResult(status -> {
            Tender tender = tenders.lock(tenderId);
            TenderStatus phase = tender.status() == TenderStatus.SUSPENDED ? tender.suspendedFrom() : tender.status();
            if (phase != TenderStatus.APPROVED && phase != TenderStatus.BIDDING && phase != TenderStatus.CLOSED) {
                throw new ConflictException("开标后不能再改变评标方式 / The venue is chosen before the opening");
            }
            boolean required = periods.remoteRequired(tender);
            if (!remote && required) {
                throw new RuleRefusalException(List.of(Violation.of("remote", "HN-R must-tender works of the province "
                        + "are evaluated remotely", "J2 (N807 §1.1); J5; J11 (HN-R)", true, false,
                        "本省规定该类项目实行远程异地评标", "The province's policy sends this project to remote evaluation")),
                        null, tender.ruleSetVersion());
            }
            String process = remote ? LifecycleProcess.REMOTE_EVALUATION : LifecycleProcess.LOCAL_EVALUATION;
            runtime.createProcessInstanceQuery().processInstanceBusinessKey(tenderId)
                    .processDefinitionKey(LifecycleProcess.KEY).active().list()
                    .forEach(p -> runtime.setVariable(p.getId(), LifecycleProcess.EVALUATION_PROCESS, process));
            decisionRecords.save(new DecisionRecord(UUID.randomUUID().toString(), "EVALUATION_VENUE",
                    DecisionRecord.Outcome.ACCEPTED, false, tenderId, tender.ruleSetVersion(), clock.instant(),
                    operator.userId(), operator.address(),
                    json.createObjectNode().put("remote", remote).put("reason", reason).put("requiredByPolicy", required),
                    json.createObjectNode().put("evaluationProcess", process), List.of(), List.of()));
        });
    }

    private void requireTenderer(String tenderId, Operator operator) {
        tenderers.require(tenderId, operator);
    }

}

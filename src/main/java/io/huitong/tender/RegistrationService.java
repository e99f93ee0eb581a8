package io.huitong.tender;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionRecord.Outcome;
import io.huitong.rules.DecisionRecords;
import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.security.Operator;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.web.BeanViolations;
import io.huitong.shared.web.RuleRefusalException;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import io.huitong.tender.registration.RegistrationEvaluation;
import io.huitong.tender.registration.RegistrationFacts;
import io.huitong.tender.registration.RegistrationRules;
import io.huitong.tender.workflow.RegistrationWorkflow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jakarta.validation.Validator;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers projects (项目登记): validates, decides by the rules in force, keeps the decision record whatever
 * the outcome, and — when accepted — creates the tender and starts its approval route in one transaction.
 */
@Service
public class RegistrationService {

    static final String DECISION_KIND = "REGISTRATION";

    private final RuleSetRegistry ruleSets;
    private final RegistrationRules rules;
    private final DecisionRecords decisionRecords;
    private final Tenders tenders;
    private final RegistrationWorkflow workflow;
    private final TransactionTemplate transactions;
    private final LegalClock clock;
    private final ObjectMapper json;
    /** Keeps amounts as written in the facts a record keeps (10000.00, not 1E+4), so they are decided again alike. */
    private final ObjectMapper exactJson;
    private final Validator validator;

    RegistrationService(RuleSetRegistry ruleSets, RegistrationRules rules, DecisionRecords decisionRecords,
            Tenders tenders, RegistrationWorkflow workflow, TransactionTemplate transactions, LegalClock clock,
            ObjectMapper json, Validator validator) {
        this.validator = validator;
        this.ruleSets = ruleSets;
        this.rules = rules;
        this.decisionRecords = decisionRecords;
        this.tenders = tenders;
        this.workflow = workflow;
        this.transactions = transactions;
        this.clock = clock;
        this.json = json;
        this.exactJson = json.copy()
                .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    }

    /** What a registration or a sandbox evaluation produced. */
    public record Result(String tenderId, DecisionRecord record, RegistrationEvaluation evaluation) {
    }

    /**
     * Registers a project.
     *
     * @throws ValidationException if the request cannot be decided on (only the refused decision record is
     *     stored)
     * @throws RuleRefusalException if the rules refuse it (the decision record is stored, no tender)
     */
    public Tender register(RegistrationRequest request, Operator operator) {
        Result result = decide(request, operator, false);
        if (!result.evaluation().accepted()) {
            transactions.executeWithoutResult(status -> decisionRecords.save(result.record()));
            throw new RuleRefusalException(result.evaluation().violations(), result.record().id(),
                    result.evaluation().ruleSetVersion());
        }
        return transactions.execute(status -> {
            decisionRecords.save(result.record());
            Tender tender = new Tender(result.tenderId(), request.title().strip(), request.regime(),
                    request.category(), request.serviceKind(), request.procurementMethod(), request.estimatedAmount(),
                    request.regionCode(), request.documentIssueDate(),
                    request.bidDeadline().atZoneSameInstant(LegalClock.CHINA).toOffsetDateTime(),
                    result.evaluation().ruleSetVersion(), result.record().id(), write(request),
                    write(result.evaluation().decisions()), result.record().decidedAt(), operator.userId(),
                    TenderStatus.PENDING_APPROVAL, null, null, 0);
            tenders.insert(tender);
            tender.attachProcess(workflow.startApproval(tender.id(), tender.title(), result.evaluation().decisions().approvalRoute()));
            tenders.update(tender);
            return tender;
        });
    }

    /** The rule sandbox: the same decisions as registration; only the decision record is stored. */
    public Result evaluate(RegistrationRequest request, Operator operator) {
        Result result = decide(request, operator, true);
        transactions.executeWithoutResult(status -> decisionRecords.save(result.record()));
        return result;
    }

    private Result decide(RegistrationRequest request, Operator operator, boolean sandbox) {
        LocalDate today = clock.today();
        RuleSet ruleSet = ruleSets.active();
        List<Violation> invalid = BeanViolations.of(validator.validate(request));
        if (invalid.isEmpty()) {
            invalid = RegistrationValidator.check(request, today, ruleSets::notice);
        }
        if (!invalid.isEmpty()) {
            // the facts cannot be decided on; the refusal is kept all the same
            ObjectNode inputs = json.createObjectNode();
            inputs.set("registration", json.valueToTree(request));
            DecisionRecord record = new DecisionRecord(UUID.randomUUID().toString(), DECISION_KIND, Outcome.REFUSED,
                    sandbox, null, ruleSet.version(), clock.instant(), operator.userId(), operator.address(), inputs,
                    json.nullNode(), List.of(), invalid);
            transactions.executeWithoutResult(status -> decisionRecords.save(record));
            throw new ValidationException(invalid, record.id());
        }
        RegistrationFacts facts = facts(request, today);
        RegistrationEvaluation evaluation = rules.evaluate(facts, ruleSet);
        String tenderId = sandbox || !evaluation.accepted() ? null : UUID.randomUUID().toString();
        ObjectNode inputs = json.createObjectNode();
        inputs.set("registration", json.valueToTree(request));
        inputs.set("facts", exactJson.valueToTree(facts));
        Instant now = clock.instant();
        DecisionRecord record = new DecisionRecord(UUID.randomUUID().toString(), DECISION_KIND,
                evaluation.accepted() ? Outcome.ACCEPTED : Outcome.REFUSED, sandbox, tenderId, ruleSet.version(), now,
                operator.userId(), operator.address(), inputs, json.valueToTree(evaluation.decisions()),
                evaluation.firedRules(), evaluation.violations());
        return new Result(tenderId, record, evaluation);
    }

    static RegistrationFacts facts(RegistrationRequest r, LocalDate today) {
        return RegistrationFacts.normalised(r.regime(), r.category(), r.serviceKind(), r.estimatedAmount(),
                r.budgetFunds(), r.totalInvestment(), r.isStateControlled(), r.isForeignLoanOrAid(), r.regionCode(),
                r.procurementMethod(), r.invitationGround(), r.approvedProcurementMethod(), r.isAfterFailedTender(),
                r.isElectronicDocuments(), r.isSuitableForSme(), r.documentFee(), r.bidBondAmount(), r.bidBondForms(),
                r.documentIssueDate(), r.bidDeadline().atZoneSameInstant(LegalClock.CHINA).toLocalDate(), today,
                r.tieBreak());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

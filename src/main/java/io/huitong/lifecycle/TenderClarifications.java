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
import io.huitong.tender.Regime;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import io.huitong.tender.TenderStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tenderer clarifies or amends the documents while bidding: one that may affect bid preparation and comes
 * late moves the deadline (TBR 21; GPR 31), as the rules decide; the decision is recorded and the lifecycle woken.
 */
@Service
public class TenderClarifications {

    private final TenderService tenders;
    private final LegalPeriods periods;
    private final Objections objections;
    private final RuleSetRegistry ruleSets;
    private final DecisionRecords decisionRecords;
    private final RuntimeService runtime;
    private final TransactionTemplate transactions;
    private final LegalClock clock;
    private final ObjectMapper json;
    private final Tenderers tenderers;

    TenderClarifications(TenderService tenders, LegalPeriods periods, Objections objections, RuleSetRegistry ruleSets, DecisionRecords decisionRecords, RuntimeService runtime, TransactionTemplate transactions, LegalClock clock, ObjectMapper json, Tenderers tenderers) {
        this.tenders = tenders;
        this.periods = periods;
        this.objections = objections;
        this.ruleSets = ruleSets;
        this.decisionRecords = decisionRecords;
        this.runtime = runtime;
        this.transactions = transactions;
        this.clock = clock;
        this.json = json;
        this.tenderers = tenderers;
    }

    /** A clarification as recorded: the deadline before and after it, and the decision behind the move. */
    public record Clarification(String id, OffsetDateTime deadlineBefore, OffsetDateTime deadlineAfter,
            OffsetDateTime earliestLegalDeadline, String citation, String decisionId) {
    }

    /**
     * Issues a clarification or amendment. One that may affect bid preparation and comes less than 15 days
     * before the deadline moves it (TBR 21; GPR 31): to {@code newBidDeadline} if given and late enough (422
     * otherwise), else to the earliest legal moment.
     */
    public Clarification clarify(String tenderId, String content, boolean affectsPreparation,
            OffsetDateTime newBidDeadline, Operator operator) {
        requireTenderer(tenderId, operator);
        Object done = transactions.execute(status -> {
            Tender tender = tenders.lock(tenderId);
            requireBidding(tender);
            Instant now = clock.instant();
            if (!now.isBefore(tender.bidDeadline().toInstant())) {
                throw new ConflictException("投标截止时间已过，不能再澄清 / The deadline has passed: no clarification now");
            }
            RuleSet ruleSet = ruleSets.version(tender.ruleSetVersion());
            Regime law = periods.facts(tender).law();
            RuleSet.Evaluation evaluation = ruleSet.evaluate(tender.documentIssueDate(), List.of(new ClarificationFacts(law, affectsPreparation)));
            OffsetDateTime before = tender.bidDeadline();
            OffsetDateTime earliest = null;
            String citation = null;
            for (DeadlineMove move : evaluation.all(DeadlineMove.class)) {
                LocalDate last = ruleSet.policy().calendar().periodEnd(LocalDate.ofInstant(now, LegalClock.CHINA),
                        move.length(), move.unit());
                OffsetDateTime candidate = last.atTime(before.atZoneSameInstant(LegalClock.CHINA).toLocalTime())
                        .atZone(LegalClock.CHINA).toOffsetDateTime();
                if (earliest == null || candidate.isAfter(earliest)) {
                    earliest = candidate;
                    citation = move.by().citation();
                }
            }
            OffsetDateTime after = before;
            if (newBidDeadline != null) {
                if (!newBidDeadline.isAfter(before)) {
                    throw ValidationException.of("newBidDeadline", newBidDeadline, before, "新的投标截止时间须晚于原截止时间",
                            "A new deadline must be later than the current one");
                }
                after = newBidDeadline;
            }
            List<Violation> refused = List.of();
            if (earliest != null && after.isBefore(earliest)) {
                if (newBidDeadline != null) {
                    DeadlineMove move = evaluation.all(DeadlineMove.class).get(0);
                    refused = List.of(Violation.of("newBidDeadline", move.by().rule(), move.by().citation(), earliest,
                            newBidDeadline, "澄清或者修改影响投标文件编制的，应当在投标截止时间至少15日前发出，否则应当顺延截止时间",
                            "A clarification affecting bid preparation comes at least 15 days before the deadline, "
                                    + "or the deadline moves"));
                } else {
                    after = earliest;
                }
            }
            ObjectNode inputs = json.createObjectNode().put("content", content).put("affectsPreparation",
                    affectsPreparation).put("deadlineBefore", before.toString())
                    .put("newBidDeadline", newBidDeadline == null ? null : newBidDeadline.toString());
            ObjectNode outputs = json.createObjectNode().put("deadlineAfter", after.toString())
                    .put("earliestLegalDeadline", earliest == null ? null : earliest.toString());
            DecisionRecord record = new DecisionRecord(UUID.randomUUID().toString(), "CLARIFICATION",
                    refused.isEmpty() ? DecisionRecord.Outcome.ACCEPTED : DecisionRecord.Outcome.REFUSED, false,
                    tenderId, ruleSet.version(), now, operator.userId(), operator.address(), inputs, outputs,
                    evaluation.firedRules(), refused);
            decisionRecords.save(record);
            if (!refused.isEmpty()) {
                return record;
            }
            if (after.isAfter(before)) {
                OffsetDateTime moved = after;
                tenders.change(tenderId, t -> t.moveDeadline(moved));
            }
            String id = UUID.randomUUID().toString();
            objections.clarification(id, tenderId, tender.round(), now, operator.userId(), content, affectsPreparation,
                    before, after, record.id());
            runtime.createMessageCorrelation(LifecycleProcess.CLARIFICATION_ISSUED).processInstanceBusinessKey(tenderId)
                    .correlate();
            return new Clarification(id, before, after, earliest, citation, record.id());
        });
        if (done instanceof DecisionRecord refused) {
            throw new RuleRefusalException(refused.violations(), refused.id(), refused.ruleSetVersion());
        }
        return (Clarification) done;
    }

    private void requireBidding(Tender tender) {
        if (tender.status() == TenderStatus.SUSPENDED) {
            throw new ConflictException(ruleSets.notice(LifecycleNotices.SUSPENDED_BY_OBJECTION).cited());
        }
        if (tender.status() != TenderStatus.BIDDING) {
            throw new ConflictException("招标项目当前状态为" + tender.status().label() + "，不能澄清 / Tender "
                    + tender.id() + " is " + tender.status() + ": no clarification now");
        }
    }

    private void requireTenderer(String tenderId, Operator operator) {
        tenderers.require(tenderId, operator);
    }

}

package io.huitong.lifecycle;

import io.huitong.rules.Notice;
import io.huitong.rules.RuleSet;
import io.huitong.certification.CertificateVerification;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.party.BidderAccount;
import io.huitong.shared.party.BidderAccounts;
import io.huitong.shared.security.Groups;
import io.huitong.shared.security.Operator;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.RuleRefusalException;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import io.huitong.shared.workflow.TaskActions;
import io.huitong.tender.Regime;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import io.huitong.tender.TenderStatus;
import io.huitong.tender.TenderTimeline;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Objections (Tendering Law) and challenges (government procurement): raised by a bidder within their window,
 * suspending the procedure; answered by the tenderer, which resumes it and gives back the time it stood still.
 */
@Service
public class ObjectionHandling {

    private final TenderService tenders;
    private final TenderTimeline timeline;
    private final LegalPeriods periods;
    private final Objections objections;
    private final RuleSetRegistry ruleSets;
    private final CertificateVerification certificates;
    private final TaskActions tasks;
    private final TransactionTemplate transactions;
    private final LegalClock clock;
    private final RuntimeService runtime;
    private final BidderAccounts accounts;
    private final Tenderers tenderers;

    ObjectionHandling(TenderService tenders, TenderTimeline timeline, LegalPeriods periods, Objections objections, RuleSetRegistry ruleSets, TaskActions tasks, TransactionTemplate transactions, LegalClock clock, RuntimeService runtime, BidderAccounts accounts, Tenderers tenderers, CertificateVerification certificates) {
        this.certificates = certificates;
        this.tenders = tenders;
        this.timeline = timeline;
        this.periods = periods;
        this.objections = objections;
        this.ruleSets = ruleSets;
        this.tasks = tasks;
        this.transactions = transactions;
        this.clock = clock;
        this.runtime = runtime;
        this.accounts = accounts;
        this.tenderers = tenderers;
    }

    /**
     * Raises an objection (Tendering Law) or a challenge (government procurement): to the documents while
     * bidding, within its window (TBR 22: 10 days before the deadline; B32: 7 working days after the
     * announcement); to the result during candidate publicity (TBR 54). It suspends the procedure.
     * <p>
     * A bidder account objects for its own entity only (the party, by name or credit code; its name if none is
     * given); an account of the bidder group bound to no entity cannot object, and nobody else names a party.
     */
    public Objection object(String tenderId, String content, String party, Operator operator) {
        return object(tenderId, content, party, null, operator);
    }

    /**
     * The same, signed: {@code signature} is a detached CMS signature (Base64) over the content's UTF-8 bytes, made
     * with a certificate of the objecting entity, verified in the tender's province now under the tender's rule set
     * (docs/rules.md O4, K7, K8); refused (422) with the reasons, and the decision kept with the objection.
     */
    public Objection object(String tenderId, String content, String party, String signature, Operator operator) {
        String raisedFor = objectingParty(party, operator);
        String signed = signature == null ? null : signed(tenderId, content, signature, operator);
        return transactions.execute(status -> {
            Tender tender = tenders.lock(tenderId);
            TenderStatus phase = tender.status() == TenderStatus.SUSPENDED ? tender.suspendedFrom() : tender.status();
            boolean gp = periods.facts(tender).law() == Regime.GOVERNMENT_PROCUREMENT;
            Objection.Stage stage;
            String window;
            if (phase == TenderStatus.BIDDING) {
                stage = Objection.Stage.DOCUMENTS;
                window = gp ? "challengeWindow" : "objectionLatest";
            } else if (phase == TenderStatus.PUBLICITY) {
                stage = Objection.Stage.RESULT;
                window = "publicity";
            } else if (gp && (phase == TenderStatus.AWARDED || phase == TenderStatus.CONTRACTED)) {
                stage = Objection.Stage.RESULT;
                window = "resultChallengeWindow";
            } else {
                throw new ConflictException("当前阶段不受理异议 / Objections are taken while bidding, during publicity, "
                        + "and (government procurement) within 7 working days of the result");
            }
            Instant now = clock.instant();
            TenderTimeline.Deadline limit = timeline.open(tenderId, tender.round(), window).orElse(null);
            if (limit == null || !now.isBefore(limit.dueAt().toInstant())) {
                // the rule that set the window is cited; without a window, the notice's article
                Notice late = ruleSets.notice(LifecycleNotices.OBJECTION_LATE);
                throw new RuleRefusalException(List.of(Violation.of("raisedAt", limit == null ? null : limit.rule(),
                        limit == null ? late.citation() : limit.citation(),
                        limit == null ? null : limit.dueAt(), OffsetDateTime.ofInstant(now, LegalClock.CHINA),
                        late.zh(), late.en())), null, tender.ruleSetVersion());
            }
            Objection objection = new Objection(UUID.randomUUID().toString(), tenderId, tender.round(), stage,
                    operator.userId(), raisedFor, now, content, null, null, null, null, null, signed);
            objections.insert(objection);
            if (window.equals("resultChallengeWindow")) {
                // a challenge to a government-procurement result is answered in 7 working days (O94 13); it does
                // not stop the contract (a complaint to the finance department may, B33)
                periods.schedule(tender, "objectionAnswer", now);
            } else if (tender.status() != TenderStatus.SUSPENDED) {
                tenders.change(tenderId, t -> t.suspend(now));
                periods.schedule(tender, stage == Objection.Stage.DOCUMENTS ? "objectionAnswer"
                        : "publicityObjectionAnswer", now);
                runtime.createMessageCorrelation(LifecycleProcess.OBJECTION_RAISED).processInstanceBusinessKey(tenderId)
                        .correlate();
            }
            return objection;
        });
    }

    /** The party an objection is raised for: the operator's own entity, or 403 (noted in the audit entry). */
    /** The signature's decision id, once accepted for the operator's own entity. */
    private String signed(String tenderId, String content, String signature, Operator operator) {
        BidderAccount account = accounts.of(operator.userId()).orElseThrow(() -> ValidationException.of("signature",
                null, null, "只有市场主体的账户可以签名提出异议", "Only a trading entity's account signs an objection"));
        Tender tender = tenders.get(tenderId);
        return certificates.verifyFor(tenderId, tender.round(), ruleSets.version(tender.ruleSetVersion()),
                content.getBytes(java.nio.charset.StandardCharsets.UTF_8), CertificateVerification.base64(signature),
                account.creditCode(), tender.regionCode(), clock.instant()).requireAccepted().decisionId();
    }

    private String objectingParty(String party, Operator operator) {
        String named = party == null || party.isBlank() ? null : party.strip();
        BidderAccount account = accounts.of(operator.userId()).orElse(null);
        if (account == null) {
            if (tasks.groupsOf(operator.userId()).contains(Groups.BIDDER)) {
                accounts.requireBound(operator.userId());
            }
            if (named != null) {
                io.huitong.shared.audit.AuditFilter.note("refused: account " + operator.userId()
                        + " of no trading entity named party " + named);
                throw new org.springframework.security.access.AccessDeniedException("party: 只有该市场主体的账户可以以其名义"
                        + "提出异议或质疑 / Only an account of that trading entity objects in its name");
            }
            return null;
        }
        if (named == null) {
            return account.name();
        }
        if (!named.equals(account.name()) && !named.equals(account.creditCode())) {
            io.huitong.shared.audit.AuditFilter.note("refused: account " + operator.userId() + " of "
                    + account.creditCode() + " named party " + named);
            throw new org.springframework.security.access.AccessDeniedException("party: 账户只能以其所属市场主体（"
                    + account.name() + "）的名义提出异议或质疑 / The account objects only for its own trading entity ("
                    + account.name() + ", " + account.creditCode() + ")");
        }
        return named;
    }

    /**
     * Answers an objection. When none is left pending the procedure resumes: the time it stood still is given
     * back (the deadline, or the end of publicity, moves by as long) [I]; an answer that amends the documents
     * also moves the deadline as far as a clarification affecting preparation must be ({@code clarification.drl}).
     */
    public Objection answer(String tenderId, String objectionId, String answer, boolean amendsDocuments,
            Operator operator) {
        requireTenderer(tenderId, operator);
        return transactions.execute(status -> {
            Tender tender = tenders.lock(tenderId);
            Objection objection = objections.get(tenderId, objectionId);
            if (!objection.isPending()) {
                throw new ConflictException("该异议已答复 / The objection was already answered");
            }
            if (amendsDocuments && objection.stage() != Objection.Stage.DOCUMENTS) {
                throw ValidationException.of("amendsDocuments", true, false, "只有对招标文件的异议可以修改招标文件",
                        "Only an objection to the documents can amend them");
            }
            Instant now = clock.instant();
            if (tender.status() != TenderStatus.SUSPENDED) {
                // a challenge to a government-procurement result: answered, nothing to resume
                objections.answer(objectionId, answer, operator.userId(), now, false, null);
                if (objections.pending(tenderId).stream().noneMatch(o -> o.round() == tender.round())) {
                    timeline.close(tenderId, tender.round(), "objectionAnswer", TenderTimeline.State.MET);
                }
                return objections.get(tenderId, objectionId);
            }
            boolean last = objections.pending(tenderId).stream().filter(o -> o.round() == tender.round()).count() == 1;
            OffsetDateTime deadlineAfter = null;
            if (last) {
                // the time it stood still is given back in whole days, keeping the time of day [I]
                Duration stood = Duration.ofDays(Duration.between(tender.suspendedAt(), now).plusHours(23).toDays());
                String phaseEnd = objection.stage() == Objection.Stage.DOCUMENTS ? null : "publicity";
                if (phaseEnd == null) {
                    OffsetDateTime moved = tender.bidDeadline().plus(stood);
                    if (amendsDocuments || anyAmended(tenderId, tender.round())) {
                        // an amendment is a clarification affecting preparation: as far off as clarification.drl says
                        RuleSet ruleSet = ruleSets.version(tender.ruleSetVersion());
                        for (DeadlineMove move : ruleSet.evaluate(tender.documentIssueDate(), List.of(new ClarificationFacts(
                                periods.facts(tender).law(), true))).all(DeadlineMove.class)) {
                            LocalDate earliest = ruleSet.policy().calendar().periodEnd(LocalDate.ofInstant(now,
                                    LegalClock.CHINA), move.length(), move.unit());
                            OffsetDateTime legal = earliest.atTime(moved.atZoneSameInstant(LegalClock.CHINA)
                                    .toLocalTime()).atZone(LegalClock.CHINA).toOffsetDateTime();
                            moved = legal.isAfter(moved) ? legal : moved;
                        }
                    }
                    deadlineAfter = moved;
                    if (moved.isAfter(tender.bidDeadline())) {
                        OffsetDateTime target = moved;
                        tenders.change(tenderId, t -> t.moveDeadline(target));
                    }
                } else {
                    TenderTimeline.Deadline end = timeline.open(tenderId, tender.round(), phaseEnd).orElseThrow();
                    timeline.schedule(tenderId, tender.round(), phaseEnd, end.label(), end.dueAt().plus(stood),
                            end.length(), end.unit(), end.citation(), end.rule());
                }
            }
            objections.answer(objectionId, answer, operator.userId(), now, amendsDocuments, deadlineAfter);
            if (last) {
                String answerName = objection.stage() == Objection.Stage.DOCUMENTS ? "objectionAnswer"
                        : "publicityObjectionAnswer";
                timeline.close(tenderId, tender.round(), answerName, TenderTimeline.State.MET);
                tasks.complete(tenderId, objection.stage() == Objection.Stage.DOCUMENTS
                        ? LifecycleProcess.ANSWER_OBJECTION : LifecycleProcess.ANSWER_PUBLICITY_OBJECTION,
                        operator, Map.of());
            }
            return objections.get(tenderId, objectionId);
        });
    }

    private boolean anyAmended(String tenderId, int round) {
        return objections.ofTender(tenderId).stream()
                .anyMatch(o -> o.round() == round && Boolean.TRUE.equals(o.amendsDocuments()));
    }

    private void requireTenderer(String tenderId, Operator operator) {
        tenderers.require(tenderId, operator);
    }

}

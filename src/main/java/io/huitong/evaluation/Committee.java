package io.huitong.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.bidding.BidService;
import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionReplay;
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
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import io.huitong.tender.registration.RegistrationDecision;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The committee of the current round: recorded at once against the composition rules (local evaluation), or seated
 * member by member as they sign in at a venue (remote evaluation); who sits, who chairs, who may see the names.
 */
@Component
class Committee {

    private final TenderService tenders;
    private final BidService bids;
    private final Committees committees;
    private final ScoreFlags flags;
    private final RuleSetRegistry ruleSets;
    private final DecisionRecords decisionRecords;
    private final TaskActions tasks;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ObjectMapper json;
    private final IdentityService identity;
    private final ExpertEmployers employers;

    Committee(TenderService tenders, BidService bids, Committees committees, ScoreFlags flags,
            RuleSetRegistry ruleSets, DecisionRecords decisionRecords, TaskActions tasks,
            TransactionTemplate transactions, Clock clock, ObjectMapper json, IdentityService identity,
            ExpertEmployers employers) {
        this.tenders = tenders;
        this.bids = bids;
        this.committees = committees;
        this.flags = flags;
        this.ruleSets = ruleSets;
        this.decisionRecords = decisionRecords;
        this.tasks = tasks;
        this.transactions = transactions;
        this.clock = clock;
        this.json = json;
        this.identity = identity;
        this.employers = employers;
    }

    /**
     * Records the committee of the current round; the composition rules decide (G1, G3): 422 with each rule and
     * article, the decision kept either way. With the tenderer's (purchaser's) credit code, a member sitting as an
     * expert whom the expert pool records as its staff is refused: it sits only as a representative (TBL 37; O87 47).
     */
    List<CommitteeMember> record(String tenderId, List<CommitteeMember> members, String purchaserId,
            Operator operator) {
        Tender tender = tenders.get(tenderId);
        RegistrationDecision decisions = tenders.decisions(tender);
        long chairs = members.stream().filter(CommitteeMember::chair).count();
        boolean chairIsRepresentative = members.stream()
                .anyMatch(m -> m.chair() && m.role() == CommitteeMember.Role.PURCHASER_REPRESENTATIVE);
        CommitteeFacts facts = new CommitteeFacts(decisions.applicableLaw(), tender.regime(), decisions.mustTender(),
                tender.estimatedAmount(), members.size(),
                (int) members.stream().filter(m -> m.role() == CommitteeMember.Role.EXPERT).count(), (int) chairs,
                chairIsRepresentative);
        RuleSet ruleSet = ruleSets.version(tender.ruleSetVersion());
        List<Object> input = new ArrayList<>(List.of(facts));
        // the tenderer's organisation as registered, unless the request names it
        String tenderer = purchaserId != null && !purchaserId.isBlank() ? purchaserId.strip()
                : tenders.registration(tender).purchaserId();
        if (tenderer != null) {
            input.add(new CommitteeFacts.Tenderer(tenderer));
            LocalDate today = LocalDate.ofInstant(clock.instant(), LegalClock.CHINA);
            members.stream().filter(m -> m.role() == CommitteeMember.Role.EXPERT && m.userId() != null)
                    .forEach(m -> employers.of(m.userId(), today).ifPresent(input::add));
        }
        List<CommitteeFacts.ExpertSeat> seats = expertSeats(members);
        input.addAll(seats);
        RuleSet.Evaluation evaluation = ruleSet.evaluate(tender.bidDeadlineDate(), input);
        List<Violation> violations = new ArrayList<>(
                evaluation.all(Refusal.class).stream().map(Refusal::violation).toList());
        violations.addAll(membership(members));
        ObjectNode inputs = json.createObjectNode();
        inputs.set("members", json.valueToTree(members));
        inputs.set("facts", decisionRecords.facts(facts));
        inputs.put("purchaserId", tenderer);
        inputs.set("expertEmployers", decisionRecords.facts(input.subList(1, input.size() - seats.size())));
        inputs.set("expertSeats", decisionRecords.facts(seats));
        inputs.put(DecisionReplay.AS_OF, tender.bidDeadlineDate() == null ? null : tender.bidDeadlineDate().toString());
        DecisionRecord record = new DecisionRecord(UUID.randomUUID().toString(), "COMMITTEE",
                violations.isEmpty() ? DecisionRecord.Outcome.ACCEPTED : DecisionRecord.Outcome.REFUSED, false,
                tenderId, ruleSet.version(), clock.instant(), operator.userId(), operator.address(), inputs,
                json.createObjectNode().put("round", tender.round()), evaluation.firedRules(), violations);
        if (!violations.isEmpty()) {
            transactions.executeWithoutResult(s -> decisionRecords.save(record));
            throw new RuleRefusalException(violations, record.id(), ruleSet.version());
        }
        return transactions.execute(s -> {
            decisionRecords.save(record);
            List<CommitteeMember> stored = committees.insert(tenderId, tender.round(), members);
            String chair = stored.stream().filter(CommitteeMember::chair).findFirst().orElseThrow().userId();
            tasks.complete(tenderId, Evaluation.RECORD_COMMITTEE, operator, Variables.createVariables()
                    .putValue("members", new ArrayList<>(stored.stream().map(CommitteeMember::userId).toList()))
                    .putValue("chair", chair));
            return stored;
        });
    }

    /**
     * Each member sitting as an expert who is a user, and whether the pool of evaluation experts holds it: the rules
     * decide whether it may sit ({@code expert-pool.drl}).
     */
    private List<CommitteeFacts.ExpertSeat> expertSeats(List<CommitteeMember> members) {
        return members.stream().filter(m -> m.role() == CommitteeMember.Role.EXPERT && m.userId() != null
                        && identity.createUserQuery().userId(m.userId()).count() > 0)
                .map(m -> new CommitteeFacts.ExpertSeat(m.userId(), identity.createUserQuery().userId(m.userId())
                        .memberOfGroup("evaluation-expert").count() > 0))
                .toList();
    }

    /** Each member sits once and is a user who can do the committee's tasks. */
    private List<Violation> membership(List<CommitteeMember> members) {
        List<Violation> violations = new ArrayList<>();
        if (members.stream().map(CommitteeMember::userId).distinct().count() != members.size()) {
            violations.add(Violation.of("members", "validation.distinct-members", null, "distinct", null,
                    "评标委员会成员不得重复", "Each member sits once"));
        }
        for (CommitteeMember m : members) {
            if (identity.createUserQuery().userId(m.userId()).count() == 0) {
                violations.add(Violation.of("members", "validation.known-user", null, null, m.userId(),
                        "成员须为系统用户，才能办理评审任务", "Each member is a user who can do the committee's tasks"));
            }
        }
        return violations;
    }

    /** The sitting members of the current round. */
    List<CommitteeMember> of(String tenderId) {
        return committees.of(tenderId, tenders.get(tenderId).round());
    }

    /**
     * The committee as this operator may see it: names stay confidential until the result is determined (G11),
     * except to centre clerks, administrators and the members.
     */
    List<CommitteeMember> visibleTo(String tenderId, Operator operator) {
        List<CommitteeMember> members = of(tenderId);
        Tender tender = tenders.get(tenderId);
        boolean determined = tender.winnerBidId() != null;
        List<String> groups = tasks.groupsOf(operator.userId());
        boolean insider = groups.contains("centre-clerk") || groups.contains("camunda-admin")
                || members.stream().anyMatch(m -> m.userId().equals(operator.userId()));
        if (determined || insider) {
            return members;
        }
        throw new AccessDeniedException(
                "评标委员会名单在中标结果确定前保密 / The committee stays confidential until the result is determined");
    }

    /** The member of the tender's current committee who is this user. */
    CommitteeMember member(Tender tender, String userId) {
        return committees.of(tender.id(), tender.round()).stream().filter(m -> m.userId().equals(userId))
                .findFirst().orElseThrow(() -> new AccessDeniedException(
                        "你不是本项目评标委员会成员 / You do not sit on this committee"));
    }

    /** The user ids of the sitting members. */
    List<String> sitting(String tenderId) {
        return of(tenderId).stream().map(CommitteeMember::userId).toList();
    }

    /** The chair's user id. */
    String chair(String tenderId) {
        return of(tenderId).stream().filter(CommitteeMember::chair).map(CommitteeMember::userId).findFirst()
                .orElseThrow(() -> new IllegalStateException("no chair sits on the committee of " + tenderId));
    }

    // ---- committees seated one by one (remote evaluation) ----------------------------------------------------

    /**
     * Seats a member who has signed in at a venue; the first expert seated who may chair chairs, unless a chair sits
     * (an expert sitting at a partner on another platform may not: the chair's steps are at the main venue).
     */
    CommitteeMember seat(String tenderId, String name, String userId, CommitteeMember.Role role, boolean mayChair) {
        Tender tender = tenders.get(tenderId);
        List<CommitteeMember> sitting = committees.of(tenderId, tender.round());
        if (sitting.stream().anyMatch(m -> m.userId().equals(userId))) {
            throw new ConflictException("该成员已入座 / The member is already seated");
        }
        boolean chair = mayChair && role == CommitteeMember.Role.EXPERT
                && sitting.stream().noneMatch(CommitteeMember::chair);
        return committees.add(tenderId, tender.round(), name, userId, role, chair);
    }

    /**
     * A member leaves (replaced for a conflict, illness or absence, TBR 48; O87 49): the member's scores are
     * void; if the member chaired, the next seated expert chairs.
     */
    void unseat(String tenderId, String userId, String reason) {
        Tender tender = tenders.get(tenderId);
        committees.of(tenderId, tender.round()).stream().filter(m -> m.userId().equals(userId)).findFirst()
                .ifPresent(m -> {
                    committees.end(m.id(), reason, clock.instant());
                    if (m.chair()) {
                        committees.of(tenderId, tender.round()).stream()
                                .filter(o -> o.role() == CommitteeMember.Role.EXPERT).findFirst()
                                .ifPresent(next -> committees.makeChair(next.id()));
                    }
                });
    }

    /**
     * The committee is dismissed (a postponed evaluation, J9, J10; O87 49): every member leaves, their scores and
     * flags are void, and the bids they rejected are valid again for the new committee.
     */
    void dismiss(String tenderId, String reason) {
        Tender tender = tenders.get(tenderId);
        committees.of(tenderId, tender.round()).forEach(m -> committees.end(m.id(), reason, clock.instant()));
        flags.dropAll(tenderId, tender.round());
        bids.resetReview(tenderId, tender.round());
    }

    /**
     * A member replaced during the evaluation (TBR 48): the committee's review is void with the member's
     * conclusions, and is done again by the committee as it now sits; the other members' scores stand.
     */
    void resetReview(String tenderId) {
        Tender tender = tenders.get(tenderId);
        flags.dropAll(tenderId, tender.round());
        committees.clearSignatures(tenderId, tender.round());
        bids.resetReview(tenderId, tender.round());
    }
}

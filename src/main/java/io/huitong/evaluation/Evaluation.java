package io.huitong.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.bidding.Bid;
import io.huitong.bidding.BidService;
import io.huitong.bidding.BidStatus;
import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionRecords;
import io.huitong.rules.Refusal;
import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.security.Operator;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.RuleRefusalException;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import io.huitong.shared.workflow.TaskActions;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import io.huitong.tender.registration.RegistrationDecision;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Local evaluation ({@code processes/local-evaluation.bpmn}): the committee, the qualification review, the
 * members' scores, the aggregation with the price rules, the ranked candidates. The API calls in complete the
 * model's tasks; the model's service tasks call {@link #begin}, {@link #aggregate} and {@link #outcome}.
 */
@Component("evaluation")
public class Evaluation {

    public static final String RECORD_COMMITTEE = "recordCommittee";
    public static final String REVIEW = "reviewQualifications";
    public static final String DECIDE_REJECT_ALL = "decideRejectAll";
    public static final String SCORE = "scoreBids";
    public static final String SIGN_REPORT = "signReport";
    public static final String REVIEW_FLAGS = "reviewScoreFlags";

    private static final BigDecimal HUNDRED = new BigDecimal(100);

    private final TenderService tenders;
    private final BidService bids;
    private final Committees committees;
    private final RuleSetRegistry ruleSets;
    private final DecisionRecords decisionRecords;
    private final TaskActions tasks;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ObjectMapper json;
    private final org.camunda.bpm.engine.IdentityService identity;
    private final ScoreFlags flags;
    private final ExpertEmployers employers;
    private final TieRanking rankings;

    Evaluation(TenderService tenders, BidService bids, Committees committees, RuleSetRegistry ruleSets,
            DecisionRecords decisionRecords, TaskActions tasks, TransactionTemplate transactions, Clock clock,
            ObjectMapper json, org.camunda.bpm.engine.IdentityService identity, ScoreFlags flags,
            ExpertEmployers employers, TieRanking rankings) {
        this.employers = employers;
        this.rankings = rankings;
        this.identity = identity;
        this.flags = flags;
        this.tenders = tenders;
        this.bids = bids;
        this.committees = committees;
        this.ruleSets = ruleSets;
        this.decisionRecords = decisionRecords;
        this.tasks = tasks;
        this.transactions = transactions;
        this.clock = clock;
        this.json = json;
    }

    /** Service task: evaluation begins. */
    public void begin(String tenderId) {
        tenders.change(tenderId, Tender::startEvaluation);
    }

    /** Service task: the outcome the lifecycle reads (CANDIDATES, INSUFFICIENT, ALL_REJECTED). */
    public String outcome(String tenderId, String outcome) {
        return outcome;
    }

    /** Records the committee without naming the tenderer: its staff cannot be told from independent experts. */
    public List<CommitteeMember> recordCommittee(String tenderId, List<CommitteeMember> members, Operator operator) {
        return recordCommittee(tenderId, members, null, operator);
    }

    /**
     * Records the committee of the current round; the composition rules decide (G1, G3): 422 with each rule and
     * article, the decision kept either way. With the tenderer's (purchaser's) credit code, a member sitting as an
     * expert whom the expert pool records as its staff is refused: it sits only as a representative (TBL 37; O87 47).
     */
    public List<CommitteeMember> recordCommittee(String tenderId, List<CommitteeMember> members, String purchaserId,
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
        RuleSet.Evaluation evaluation = ruleSet.evaluate(input);
        List<Violation> violations = new ArrayList<>(evaluation.all(Refusal.class).stream().map(Refusal::violation).toList());
        if (members.stream().map(CommitteeMember::userId).distinct().count() != members.size()) {
            violations.add(Violation.of("members", "validation.distinct-members", null, "distinct", null,
                    "评标委员会成员不得重复", "Each member sits once"));
        }
        for (CommitteeMember m : members) {
            if (identity.createUserQuery().userId(m.userId()).count() == 0) {
                violations.add(Violation.of("members", "validation.known-user", null, null, m.userId(),
                        "成员须为系统用户，才能办理评审任务", "Each member is a user who can do the committee's tasks"));
            } else if (m.role() == CommitteeMember.Role.EXPERT
                    && identity.createUserQuery().userId(m.userId()).memberOfGroup("evaluation-expert").count() == 0) {
                violations.add(Violation.of("members", "validation.expert", "TBR 45; O87 48", "evaluation-expert",
                        m.userId(), "评审专家须来自评标专家库", "Experts come from the pool of evaluation experts"));
            }
        }
        ObjectNode inputs = json.createObjectNode();
        inputs.set("members", json.valueToTree(members));
        inputs.set("facts", json.valueToTree(facts));
        inputs.put("purchaserId", tenderer);
        inputs.set("expertEmployers", json.valueToTree(input.subList(1, input.size())));
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
            tasks.complete(tenderId, RECORD_COMMITTEE, operator, Variables.createVariables()
                    .putValue("members", new ArrayList<>(stored.stream().map(CommitteeMember::userId).toList()))
                    .putValue("chair", chair));
            return stored;
        });
    }

    public List<CommitteeMember> committee(String tenderId) {
        return committees.of(tenderId, tenders.get(tenderId).round());
    }

    /**
     * The committee as this operator may see it: names stay confidential until the result is determined (G11),
     * except to centre clerks, administrators and the members.
     */
    public List<CommitteeMember> committeeFor(String tenderId, Operator operator) {
        List<CommitteeMember> members = committee(tenderId);
        Tender tender = tenders.get(tenderId);
        boolean determined = tender.winnerBidId() != null;
        List<String> groups = tasks.groupsOf(operator.userId());
        boolean insider = groups.contains("centre-clerk") || groups.contains("camunda-admin")
                || members.stream().anyMatch(m -> m.userId().equals(operator.userId()));
        if (determined || insider) {
            return members;
        }
        throw new org.springframework.security.access.AccessDeniedException(
                "评标委员会名单在中标结果确定前保密 / The committee stays confidential until the result is determined");
    }

    /** One bid the committee rejects in its review, with the reason and the article (H1, H3). */
    public record Rejection(@jakarta.validation.constraints.Size(max = 100) String bidId,
            @jakarta.validation.constraints.Size(max = 2000) String reason,
            @jakarta.validation.constraints.Size(max = 200) String citation) {
    }

    /**
     * The chair records the qualification and compliance review: the bids rejected, each with its reason and
     * article. The number of qualified bids decides the next step (H8, H9; SME46 10).
     */
    public int review(String tenderId, List<Rejection> rejections, Operator operator) {
        return transactions.execute(s -> {
            Tender tender = tenders.get(tenderId);
            for (Rejection r : rejections) {
                if (r.reason() == null || r.reason().isBlank() || r.citation() == null || r.citation().isBlank()) {
                    throw new ValidationException(List.of(Violation.of("rejections", "validation.reasons", null, null,
                            r.bidId(), "否决投标须写明理由和依据", "A rejection gives its reason and article")));
                }
                bids.reject(tenderId, r.bidId(), r.reason(), r.citation());
            }
            tasks.complete(tenderId, REVIEW, operator, Map.of());
            return qualified(tender);
        });
    }

    /** The bids still qualified in the current round (only SMEs bid on a reserved package, SME46 8). */
    int qualified(Tender tender) {
        return (int) bids.ofRound(tender.id(), tender.round()).stream().filter(b -> b.status() == BidStatus.VALID).count();
    }

    /** Tendering Law, fewer than 3 valid bids: the committee may reject them all (H8; R12 27). */
    public void decideRejectAll(String tenderId, boolean rejectAll, String reason, Operator operator) {
        tasks.complete(tenderId, DECIDE_REJECT_ALL, operator, Variables.createVariables()
                .putValue("rejectAll", rejectAll).putValue("rejectAllReason", reason));
    }

    /** Checks a reject-all decision, however it was made (the task listener). */
    void checkRejectAll(Tender tender, Object rejectAll, Object reason) {
        if (!(rejectAll instanceof Boolean decision)) {
            throw new ValidationException(List.of(Violation.of("rejectAll", "validation.NotNull", null, "true | false",
                    rejectAll, "请选择是否否决全部投标", "Reject every bid or go on: choose one")));
        }
        if (!decision && qualified(tender) == 0) {
            throw new ValidationException(List.of(Violation.of("rejectAll", "validation.no-valid-bid", "TBL 42", true,
                    false, "没有有效投标，只能否决全部投标", "With no valid bid every bid is rejected")));
        }
        if (decision && (!(reason instanceof String r) || r.isBlank())) {
            throw new ValidationException(List.of(Violation.of("reason", "validation.reasons", "R12 27", null, null,
                    "否决全部投标须在评标报告中写明理由", "Rejecting every bid records its reasons in the report")));
        }
    }

    /**
     * The scheme a member scores by: the most technical points (what price does not carry) and the price weight,
     * with the rule and article that set it.
     */
    io.huitong.tender.EvaluationScheme scheme(Tender tender) {
        PriceWeight weight = pricing(tender, List.of()).weight();
        return new io.huitong.tender.EvaluationScheme(HUNDRED.subtract(HUNDRED.multiply(weight.weight())),
                weight.weight(), weight.by().citation(), weight.by().rule(),
                "每位评委对每个合格投标给出技术分（0至maxTechnicalScore），价格分由系统按规则计算 / Each member gives every "
                        + "qualified bid a technical score from 0 to maxTechnicalScore; the price score is computed "
                        + "by the rules: POST /api/tenders/{id}/scores {\"scores\":{\"<bidId>\":<score>},"
                        + "\"objectiveScores\":{\"<bidId>\":<objective part>}}");
    }

    /** The most technical points a member may give: what price does not carry. */
    public BigDecimal maxTechnicalScore(String tenderId) {
        Tender tender = tenders.get(tenderId);
        return HUNDRED.subtract(HUNDRED.multiply(pricing(tender, List.of()).weight().weight()));
    }

    /**
     * A member's technical scores of every qualified bid, with the objective part of each where the documents
     * have fixed criteria; completes that member's scoring task.
     */
    public void score(String tenderId, Map<String, BigDecimal> scores, Map<String, BigDecimal> objectiveScores,
            Operator operator) {
        transactions.executeWithoutResult(s -> {
            Tender tender = tenders.get(tenderId);
            CommitteeMember member = member(tender, operator.userId());
            List<Bid> valid = checkScores(tender, scores, objectiveScores);
            valid.forEach(b -> committees.score(member.id(), b.id(), scores.get(b.id()),
                    objectiveScores == null ? null : objectiveScores.get(b.id()), clock.instant()));
            tasks.complete(tenderId, SCORE, operator, Map.of());
        });
    }

    /** The scores are for every qualified bid and only those, in range; the objective part within the score. */
    private List<Bid> checkScores(Tender tender, Map<String, BigDecimal> scores, Map<String, BigDecimal> objectiveScores) {
        String tenderId = tender.id();
        List<Bid> valid = bids.ofRound(tenderId, tender.round()).stream()
                .filter(b -> b.status() == BidStatus.VALID).toList();
        BigDecimal max = maxTechnicalScore(tenderId);
        List<Violation> invalid = new ArrayList<>();
        for (Bid bid : valid) {
            BigDecimal score = scores.get(bid.id());
            if (score == null || score.signum() < 0 || score.compareTo(max) > 0) {
                invalid.add(Violation.of("scores." + bid.id(), "validation.score-range", "O87 55; O87 64", max,
                        score, "每个合格投标须评分，分值在0至" + max.toPlainString() + "之间",
                        "Every qualified bid is scored between 0 and " + max.toPlainString()));
            }
        }
        scores.keySet().stream().filter(id -> valid.stream().noneMatch(b -> b.id().equals(id)))
                .forEach(id -> invalid.add(Violation.of("scores." + id, "validation.not-qualified", null, null, id,
                        "只对合格投标评分", "Only qualified bids are scored")));
        if (objectiveScores != null) {
            objectiveScores.forEach((id, objective) -> {
                BigDecimal score = scores.get(id);
                if (objective == null || objective.signum() < 0 || score == null || objective.compareTo(score) > 0) {
                    invalid.add(Violation.of("objectiveScores." + id, "validation.objective-range", "O87 64",
                            score, objective, "客观评审因素得分在0与该投标技术得分之间",
                            "The objective part lies between 0 and the bid's technical score"));
                }
            });
        }
        if (!invalid.isEmpty()) {
            throw new ValidationException(invalid);
        }
        return valid;
    }

    /** The price rules for the tender and these bids. */
    private record Pricing(PriceWeight weight, List<PriceAdjustment> adjustments, RuleSet.Evaluation evaluation) {
    }

    private Pricing pricing(Tender tender, List<Bid> valid) {
        RegistrationDecision decisions = tenders.decisions(tender);
        List<Object> facts = new ArrayList<>();
        facts.add(new PricingFacts(decisions.applicableLaw(), tender.regime(), tender.category(),
                decisions.smeReserved()));
        valid.forEach(b -> facts.add(new PricedBid(b.id(), b.smeSize(), b.price())));
        RuleSet.Evaluation evaluation = ruleSets.version(tender.ruleSetVersion()).evaluate(facts);
        List<PriceWeight> weights = evaluation.all(PriceWeight.class);
        if (weights.size() != 1) {
            throw new IllegalStateException("the rules give " + weights.size() + " price weights for tender "
                    + tender.id());
        }
        return new Pricing(weights.get(0), evaluation.all(PriceAdjustment.class), evaluation);
    }

    /**
     * Service task: price scores (O87 55: base price over bid price times the weight, the adjusted price serving
     * as both), the SME adjustments of the rules, the members' technical scores averaged, the total, the ranking
     * the rules lay down ({@code rules/evaluation/ranking.drl}) and the ranked candidates, as many as the rules
     * allow (H11). Bids the ranking steps leave equal rank equal (并列); the steps that decide between them — the
     * tender documents' method, a recorded draw where government procurement allows one — give their order.
     */
    public int aggregate(String tenderId) {
        Tender tender = tenders.get(tenderId);
        List<Bid> valid = bids.ofRound(tenderId, tender.round()).stream().filter(b -> b.status() == BidStatus.VALID)
                .toList();
        Pricing pricing = pricing(tender, valid);
        BigDecimal weight = pricing.weight().weight();
        Map<String, BigDecimal> deduction = new HashMap<>();
        Map<String, BigDecimal> bonus = new HashMap<>();
        for (PriceAdjustment a : pricing.adjustments()) {
            (a.kind() == PriceAdjustment.Kind.DEDUCTION ? deduction : bonus).put(a.bidId(), a.rate());
        }
        Map<String, Map<String, BigDecimal>> technical = committees.scores(tenderId, tender.round());
        Map<String, BigDecimal> evaluatedPrice = new HashMap<>();
        for (Bid bid : valid) {
            BigDecimal d = deduction.getOrDefault(bid.id(), BigDecimal.ZERO);
            evaluatedPrice.put(bid.id(), bid.price().multiply(BigDecimal.ONE.subtract(d)).setScale(2, RoundingMode.HALF_UP));
        }
        BigDecimal base = evaluatedPrice.values().stream().min(Comparator.naturalOrder()).orElse(BigDecimal.ONE);
        List<TieRanking.Scored> scored = new ArrayList<>();
        for (Bid bid : valid) {
            BigDecimal evaluated = evaluatedPrice.get(bid.id());
            BigDecimal price = base.divide(evaluated, 10, RoundingMode.HALF_UP).multiply(HUNDRED).multiply(weight)
                    .multiply(BigDecimal.ONE.add(bonus.getOrDefault(bid.id(), BigDecimal.ZERO)))
                    .setScale(4, RoundingMode.HALF_UP);
            Map<String, BigDecimal> byMember = technical.getOrDefault(bid.id(), Map.of());
            BigDecimal tech = byMember.isEmpty() ? BigDecimal.ZERO : byMember.values().stream()
                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(byMember.size()), 4, RoundingMode.HALF_UP);
            scored.add(new TieRanking.Scored(bid, evaluated, price, tech, tech.add(price)));
        }
        TieRanking.Ranked ranking = rankings.rank(tender, scored);
        ArrayNode outputs = json.createArrayNode();
        for (int i = 0; i < ranking.order().size(); i++) {
            TieRanking.Scored s = ranking.order().get(i);
            Integer rank = i < ranking.limit().max() ? i + 1 : null;
            bids.score(s.bid().id(), s.evaluated(), s.price(), s.technical(), s.total(), rank);
            ObjectNode out = outputs.addObject().put("bidId", s.bid().id()).put("bidder", s.bid().bidderName())
                    .put("evaluatedPrice", s.evaluated()).put("priceScore", s.price())
                    .put("technicalScore", s.technical()).put("totalScore", s.total())
                    .put("rank", rank == null ? null : rank).put("order", i + 1)
                    .put("equalRank", ranking.equalRank().get(s.bid().id()));
            TieRanking.Tie tie = ranking.tieOf(s.bid().id());
            out.put("tied", tie != null);
            if (tie != null) {
                out.set("tiedWith", json.valueToTree(tie.bidIds().stream().filter(id -> !id.equals(s.bid().id()))
                        .toList()));
                out.set("decidedBy", json.valueToTree(tie.decidedBy()));
            }
        }
        ObjectNode inputs = json.createObjectNode().put("round", tender.round()).put("priceWeight", weight);
        inputs.put("tieBreak", ranking.facts().documentsMethod() == null ? null
                : ranking.facts().documentsMethod().name());
        inputs.set("technicalScores", json.valueToTree(technical));
        committees.clearSignatures(tenderId, tender.round());
        List<io.huitong.rules.FiredRule> fired = new ArrayList<>(pricing.evaluation().firedRules());
        fired.addAll(ranking.evaluation().firedRules());
        fired.addAll(raiseFlags(tender, valid));
        ObjectNode result = json.createObjectNode();
        result.set("ranking", outputs);
        result.set("rankingSteps", json.valueToTree(ranking.steps().stream().map(TieRanking::describe).toList()));
        result.set("ties", json.valueToTree(ranking.ties()));
        result.set("draws", json.valueToTree(ranking.draws()));
        result.put("candidates", Math.min(scored.size(), ranking.limit().max()));
        result.put("candidatesCitation", ranking.limit().by().citation());
        result.set("flags", json.valueToTree(flags.of(tenderId, tender.round()).stream().filter(ScoreFlag::isOpen)
                .toList()));
        decisionRecords.save(new DecisionRecord(UUID.randomUUID().toString(), "EVALUATION",
                DecisionRecord.Outcome.ACCEPTED, false, tenderId, tender.ruleSetVersion(), clock.instant(), "system",
                null, inputs, result, fired, List.of()));
        return Math.min(scored.size(), ranking.limit().max());
    }

    /**
     * The review rules look at the sitting members' scores (G1117 (五); O87 64): open flags are raised afresh,
     * a flag the chair resolved is not raised again for the same bid, member and kind.
     */
    private List<io.huitong.rules.FiredRule> raiseFlags(Tender tender, List<Bid> valid) {
        List<Committees.Score> all = committees.scoreList(tender.id(), tender.round());
        Map<String, String> names = new HashMap<>();
        committees.of(tender.id(), tender.round()).forEach(m -> names.put(m.id(), m.name()));
        BigDecimal max = maxTechnicalScore(tender.id());
        List<Object> facts = new ArrayList<>();
        for (Bid bid : valid) {
            List<Committees.Score> ofBid = all.stream().filter(x -> x.bidId().equals(bid.id())).toList();
            if (ofBid.isEmpty()) {
                continue;
            }
            List<BigDecimal> sorted = ofBid.stream().map(Committees.Score::technical).sorted().toList();
            int n = sorted.size();
            BigDecimal median = n % 2 == 1 ? sorted.get(n / 2)
                    : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 4, RoundingMode.HALF_UP);
            for (Committees.Score x : ofBid) {
                BigDecimal share = max.signum() == 0 ? BigDecimal.ZERO
                        : x.technical().subtract(median).abs().divide(max, 6, RoundingMode.HALF_UP);
                facts.add(new MemberScore(bid.id(), bid.bidderName(), x.memberId(), names.get(x.memberId()),
                        x.technical(), median, share, n));
            }
            List<BigDecimal> objectives = ofBid.stream().map(Committees.Score::objective)
                    .filter(java.util.Objects::nonNull).map(BigDecimal::stripTrailingZeros).distinct().sorted()
                    .toList();
            facts.add(new ObjectiveSpread(bid.id(), bid.bidderName(), objectives));
        }
        RuleSet.Evaluation evaluation = ruleSets.version(tender.ruleSetVersion()).evaluate(facts);
        flags.dropOpen(tender.id(), tender.round());
        List<ScoreFlag> resolved = flags.of(tender.id(), tender.round());
        for (ScoreFlag.Raised raised : evaluation.all(ScoreFlag.Raised.class)) {
            boolean settled = resolved.stream().anyMatch(f -> f.bidId().equals(raised.bidId()) && f.kind() == raised.kind()
                    && java.util.Objects.equals(f.memberId(), raised.memberId()));
            if (!settled) {
                flags.raise(tender.id(), tender.round(), raised, clock.instant());
            }
        }
        return evaluation.firedRules();
    }

    /** The flags of the current round, open and resolved. */
    public List<ScoreFlag> flags(String tenderId) {
        Tender tender = tenders.get(tenderId);
        return flags.of(tenderId, tender.round());
    }

    /** How many flags wait for the committee's review (the models' gateway). */
    public int openFlags(String tenderId) {
        return (int) flags(tenderId).stream().filter(ScoreFlag::isOpen).count();
    }

    /**
     * While the committee reviews flagged scores, a member corrects its own scores of a flagged bid (O87 64:
     * results may be changed for abnormal scores and inconsistent objective scores). Recorded as a decision.
     */
    public void correctScores(String tenderId, Map<String, BigDecimal> scores, Map<String, BigDecimal> objectiveScores,
            String reason, Operator operator) {
        transactions.executeWithoutResult(s -> {
            Tender tender = tenders.get(tenderId);
            CommitteeMember member = member(tender, operator.userId());
            if (tasks.open(tenderId, REVIEW_FLAGS).isEmpty()) {
                throw new ConflictException(
                        "只有在复核评分时才能修改评分 / Scores are corrected only while the committee reviews flagged scores");
            }
            if (reason == null || reason.isBlank()) {
                throw new ValidationException(List.of(Violation.of("reason", "validation.reasons", "O87 64", null, null,
                        "修改评分须说明理由", "A correction gives its reason")));
            }
            List<ScoreFlag> open = flags.of(tenderId, tender.round()).stream().filter(ScoreFlag::isOpen).toList();
            List<Violation> invalid = new ArrayList<>();
            for (String bidId : scores.keySet()) {
                boolean flagged = open.stream().anyMatch(f -> f.bidId().equals(bidId)
                        && (f.memberId() == null || f.memberId().equals(member.id())));
                if (!flagged) {
                    invalid.add(Violation.of("scores." + bidId, "validation.flagged-only", "O87 64", null, bidId,
                            "只能修改被提请复核的评分", "Only flagged scores may be corrected"));
                }
            }
            if (!invalid.isEmpty()) {
                throw new ValidationException(invalid);
            }
            BigDecimal max = maxTechnicalScore(tenderId);
            scores.forEach((bidId, score) -> {
                BigDecimal objective = objectiveScores == null ? null : objectiveScores.get(bidId);
                if (score == null || score.signum() < 0 || score.compareTo(max) > 0
                        || objective != null && (objective.signum() < 0 || objective.compareTo(score) > 0)) {
                    throw new ValidationException(List.of(Violation.of("scores." + bidId, "validation.score-range",
                            "O87 55; O87 64", max, score, "分值超出范围", "Score out of range")));
                }
                committees.score(member.id(), bidId, score, objective, clock.instant());
            });
            ObjectNode inputs = json.createObjectNode().put("member", member.name()).put("reason", reason);
            inputs.set("scores", json.valueToTree(scores));
            inputs.set("objectiveScores", json.valueToTree(objectiveScores));
            // the review rules look again: a flag whose score was corrected into line drops out
            List<Bid> valid = bids.ofRound(tenderId, tender.round()).stream()
                    .filter(b -> b.status() == BidStatus.VALID).toList();
            List<io.huitong.rules.FiredRule> fired = raiseFlags(tender, valid);
            ObjectNode outputs = json.createObjectNode();
            outputs.set("openFlags", json.valueToTree(flags.of(tenderId, tender.round()).stream()
                    .filter(ScoreFlag::isOpen).toList()));
            decisionRecords.save(new DecisionRecord(UUID.randomUUID().toString(), "SCORE_CORRECTION",
                    DecisionRecord.Outcome.ACCEPTED, false, tenderId, tender.ruleSetVersion(), clock.instant(),
                    operator.userId(), operator.address(), inputs, outputs, fired, List.of()));
        });
    }

    /** The chair's resolution of one flag. */
    public record Resolution(@jakarta.validation.constraints.Size(max = 100) String flagId,
            @jakarta.validation.constraints.Size(max = 2000) String resolution) {
    }

    /**
     * The chair resolves the flagged scores, each with a written explanation, and the aggregation runs again on
     * the scores as they now stand.
     */
    public void reviewFlags(String tenderId, List<Resolution> resolutions, Operator operator) {
        transactions.executeWithoutResult(s -> {
            Tender tender = tenders.get(tenderId);
            List<ScoreFlag> open = flags.of(tenderId, tender.round()).stream().filter(ScoreFlag::isOpen).toList();
            for (Resolution r : resolutions) {
                if (open.stream().noneMatch(f -> f.id().equals(r.flagId()))) {
                    throw new ValidationException(List.of(Violation.of("resolutions", "validation.open-flag", null, null,
                            r.flagId(), "该复核事项不存在或已处理", "No such open flag")));
                }
                if (r.resolution() == null || r.resolution().isBlank()) {
                    throw new ValidationException(List.of(Violation.of("resolutions", "validation.reasons",
                            "G1117 (五); O87 64", null, r.flagId(), "每项复核须写明结论", "Each flag is resolved in writing")));
                }
                flags.resolve(r.flagId(), r.resolution().strip(), operator.userId(), clock.instant());
            }
            tasks.complete(tenderId, REVIEW_FLAGS, operator, Map.of());
        });
    }

    /** One member's technical score of one bid, as published with the result (K12; G1117 (五)). */
    public record PublishedScore(String bidId, String memberName, boolean chair, BigDecimal technical) {
    }

    /** The sitting members' technical scores of the current round, members in the committee's order. */
    public List<PublishedScore> publishedScores(String tenderId) {
        Tender tender = tenders.get(tenderId);
        List<CommitteeMember> members = committees.of(tenderId, tender.round());
        List<PublishedScore> out = new ArrayList<>();
        for (Committees.Score score : committees.scoreList(tenderId, tender.round())) {
            members.stream().filter(m -> m.id().equals(score.memberId())).findFirst().ifPresent(m -> out.add(
                    new PublishedScore(score.bidId(), m.name(), m.chair(), score.technical())));
        }
        return out;
    }

    /** Every flag resolved, however the review task was completed (the task listener). */
    void checkFlagsReviewed(Tender tender) {
        List<String> open = flags.of(tender.id(), tender.round()).stream().filter(ScoreFlag::isOpen).map(ScoreFlag::id)
                .toList();
        if (!open.isEmpty()) {
            throw new ValidationException(List.of(Violation.of("resolutions", "validation.every-flag-resolved",
                    "G1117 (五); O87 64", null, open, "每项复核事项须写明结论：POST /score-flags/review",
                    "Resolve every flag in writing first: POST /score-flags/review")));
        }
    }

    // ---- committees seated one by one (remote evaluation) ----------------------------------------------------

    /** Seats a member who has signed in at a venue; the first expert seated chairs unless a chair sits. */
    public CommitteeMember seat(String tenderId, String name, String userId, CommitteeMember.Role role) {
        Tender tender = tenders.get(tenderId);
        List<CommitteeMember> sitting = committees.of(tenderId, tender.round());
        if (sitting.stream().anyMatch(m -> m.userId().equals(userId))) {
            throw new ConflictException("该成员已入座 / The member is already seated");
        }
        boolean chair = role == CommitteeMember.Role.EXPERT && sitting.stream().noneMatch(CommitteeMember::chair);
        return committees.add(tenderId, tender.round(), name, userId, role, chair);
    }

    /**
     * A member leaves (replaced for a conflict, illness or absence, TBR 48; O87 49): the member's scores are
     * void; if the member chaired, the next seated expert chairs.
     */
    public void unseat(String tenderId, String userId, String reason) {
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
    public void dismiss(String tenderId, String reason) {
        Tender tender = tenders.get(tenderId);
        committees.of(tenderId, tender.round()).forEach(m -> committees.end(m.id(), reason, clock.instant()));
        flags.dropAll(tenderId, tender.round());
        bids.resetReview(tenderId, tender.round());
    }

    /**
     * A member replaced during the evaluation (TBR 48): the committee's review is void with the member's
     * conclusions, and is done again by the committee as it now sits; the other members' scores stand.
     */
    public void resetReview(String tenderId) {
        Tender tender = tenders.get(tenderId);
        flags.dropAll(tenderId, tender.round());
        committees.clearSignatures(tenderId, tender.round());
        bids.resetReview(tenderId, tender.round());
    }

    /** The user ids of the sitting members who have not scored every qualified bid. */
    public List<String> yetToScore(String tenderId) {
        Tender tender = tenders.get(tenderId);
        List<String> valid = bids.ofRound(tenderId, tender.round()).stream().filter(b -> b.status() == BidStatus.VALID)
                .map(Bid::id).toList();
        return committees.of(tenderId, tender.round()).stream()
                .filter(m -> !committees.scoredBy(m.id()).containsAll(valid)).map(CommitteeMember::userId).toList();
    }

    /** The user ids of the sitting members who have not signed the report. */
    public List<String> yetToSign(String tenderId) {
        return committee(tenderId).stream().filter(m -> m.signedAt() == null).map(CommitteeMember::userId).toList();
    }

    /** The user ids of the sitting members. */
    public List<String> sitting(String tenderId) {
        return committee(tenderId).stream().map(CommitteeMember::userId).toList();
    }

    /** The chair's user id. */
    public String chair(String tenderId) {
        return committee(tenderId).stream().filter(CommitteeMember::chair).map(CommitteeMember::userId).findFirst()
                .orElseThrow(() -> new IllegalStateException("no chair sits on the committee of " + tenderId));
    }

    /**
     * A member signs the report, agreeing or dissenting with written reasons (TBR 53); a refusal to sign without
     * reasons counts as agreement (R12 45).
     */
    public void signReport(String tenderId, boolean agree, String dissent, Operator operator) {
        if (!agree && (dissent == null || dissent.isBlank())) {
            throw new ValidationException(List.of(Violation.of("dissent", "validation.reasons", "TBR 53; R12 45", null,
                    dissent, "持不同意见的，应当以书面形式说明理由", "A dissent is written with its reasons")));
        }
        transactions.executeWithoutResult(s -> {
            CommitteeMember member = member(tenders.get(tenderId), operator.userId());
            committees.sign(member.id(), agree ? null : dissent.strip(), clock.instant());
            tasks.complete(tenderId, SIGN_REPORT, operator, Map.of());
        });
    }

    /** The member of the tender's current committee who is this user. */
    CommitteeMember member(Tender tender, String userId) {
        return committees.of(tender.id(), tender.round()).stream().filter(m -> m.userId().equals(userId)).findFirst()
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException(
                        "你不是本项目评标委员会成员 / You do not sit on this committee"));
    }

    /** A member signed by completing the task without the API: agreement (R12 45). */
    void signedByCompletion(Tender tender, String userId) {
        CommitteeMember member = member(tender, userId);
        if (!committees.signed(member.id())) {
            committees.sign(member.id(), null, clock.instant());
        }
    }

    /** Every qualified bid scored by the member, however the scoring task was completed. */
    void checkScored(Tender tender, String userId) {
        CommitteeMember member = member(tender, userId);
        java.util.Set<String> scored = committees.scoredBy(member.id());
        List<String> missing = bids.ofRound(tender.id(), tender.round()).stream()
                .filter(b -> b.status() == BidStatus.VALID && !scored.contains(b.id())).map(Bid::id).toList();
        if (!missing.isEmpty()) {
            throw new ValidationException(List.of(Violation.of("scores", "validation.every-bid-scored", "O87 55", null,
                    missing, "须对每个合格投标评分：POST /scores", "Score every qualified bid first: POST /scores")));
        }
    }
}

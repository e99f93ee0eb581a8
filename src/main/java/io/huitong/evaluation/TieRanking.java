package io.huitong.evaluation;

import io.huitong.bidding.Bid;
import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.VerifiableLot;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import io.huitong.tender.registration.RegistrationDecision;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The ranking of scored bids as the rules lay it down ({@code rules/evaluation/ranking.drl}): each step compares
 * the bids the steps before it left equal; bids no ranking step separates rank equal (并列, O87 55), and the steps
 * that decide between them — the tender documents' method, a recorded, verifiable draw where government procurement
 * allows one (O87 68) — give their order.
 */
@Component
class TieRanking {

    private final TenderService tenders;
    private final RuleSetRegistry ruleSets;

    TieRanking(TenderService tenders, RuleSetRegistry ruleSets) {
        this.tenders = tenders;
        this.ruleSets = ruleSets;
    }

    /** A bid with its scores, as the ranking steps compare it. */
    record Scored(Bid bid, BigDecimal evaluated, BigDecimal price, BigDecimal technical, BigDecimal total) {
    }

    /** A step as the record shows it: what it compares, whether it ranks or decides, the rule and its article. */
    public record StepView(int order, String criterion, String effect, String label, String documentsMethod,
            String documentsMethodLabel, String rule, String citation) {
    }

    /** Bids ranked equal (并列), in the order the steps decided, and the steps that decided it. */
    public record Tie(int equalRank, List<String> bidIds, List<StepView> decidedBy) {
    }

    /**
     * A draw between bids ranked equal (O87 68), verifiable: {@code commitment} = SHA-256 of the seed's hex text;
     * re-running the draw ({@link VerifiableLot}) with the seed on the snapshot text gives {@code result}: for each
     * group label the bid ids in the order drawn.
     */
    public record TieDraw(String seed, String commitment, String snapshot, String snapshotHash,
            Map<String, List<String>> result, String rule, String citation) {
    }

    /** What a tie draw runs on: the tender, the round, and each group of bids ranked equal (ids sorted). */
    public record TieSnapshot(String tenderId, int round, String purpose, List<TieGroup> groups) {
    }

    /** One group of bids still equal: its label ({@code group-<n>}), their equal rank and their bid ids, sorted. */
    public record TieGroup(String label, int equalRank, List<String> candidates) {
    }

    /** The ranking of a round: the steps the rules gave, the order, each bid's equal rank, the ties and the draws. */
    record Ranked(RankingFacts facts, RuleSet.Evaluation evaluation, List<RankingStep> steps,
            CandidateLimit limit, List<Scored> order, Map<String, Integer> equalRank, List<Tie> ties,
            List<TieDraw> draws) {

        Tie tieOf(String bidId) {
            return ties.stream().filter(t -> t.bidIds().contains(bidId)).findFirst().orElse(null);
        }
    }

    static StepView describe(RankingStep step) {
        return new StepView(step.order(), step.criterion().name(), step.effect().name(), step.criterion().label(),
                step.documentsMethod() == null ? null : step.documentsMethod().name(),
                step.documentsMethod() == null ? null
                        : step.documentsMethod().zh() + " / " + step.documentsMethod().en(),
                step.by().rule(), step.by().citation());
    }

    /**
     * Applies the ranking steps of the rules in their order, each to the bids the steps before it left equal: a
     * ranking step splits them into ranks, a deciding step orders bids ranked equal without changing their rank.
     */
    Ranked rank(Tender tender, List<Scored> scored) {
        RegistrationDecision decisions = tenders.decisions(tender);
        RankingFacts facts = new RankingFacts(decisions.applicableLaw(), tenders.registration(tender).tieBreak());
        RuleSet.Evaluation evaluation = ruleSets.version(tender.ruleSetVersion()).evaluate(tender.bidDeadlineDate(), List.of(facts));
        if (evaluation.all(RankingStep.class).isEmpty()) {
            // a tender registered under a rule set older than the ranking rules: those in force now decide
            evaluation = ruleSets.active().evaluate(tender.bidDeadlineDate(), List.of(facts));
        }
        List<RankingStep> steps = evaluation.all(RankingStep.class).stream()
                .sorted(Comparator.comparingInt(RankingStep::order)).toList();
        List<CandidateLimit> limits = evaluation.all(CandidateLimit.class);
        if (steps.isEmpty() || limits.size() != 1) {
            throw new IllegalStateException("the rules give " + steps.size() + " ranking steps and " + limits.size()
                    + " candidate limits for tender " + tender.id());
        }
        List<List<Scored>> groups = new ArrayList<>();
        groups.add(scored.stream().sorted(Comparator.comparing(s -> s.bid().id())).toList());
        Map<String, Integer> equalRank = new HashMap<>();
        Map<String, List<StepView>> decidedBy = new HashMap<>();
        List<TieDraw> draws = new ArrayList<>();
        for (RankingStep step : steps) {
            Map<List<Scored>, List<String>> drawn = step.criterion() == RankingStep.Criterion.DRAW
                    ? draw(tender, step, groups, equalRank, draws) : Map.of();
            List<List<Scored>> next = new ArrayList<>();
            for (List<Scored> group : groups) {
                List<List<Scored>> split;
                if (group.size() == 1) {
                    split = List.of(group);
                } else if (step.criterion() == RankingStep.Criterion.DRAW) {
                    List<String> order = drawn.get(group);
                    split = order.stream().map(id -> group.stream().filter(s -> s.bid().id().equals(id)).toList())
                            .toList();
                } else {
                    split = split(group, comparator(step.criterion()));
                }
                if (split.size() > 1 && step.effect() == RankingStep.Effect.DECIDE) {
                    group.forEach(s -> decidedBy.computeIfAbsent(s.bid().id(), k -> new ArrayList<>())
                            .add(describe(step)));
                }
                next.addAll(split);
            }
            groups = next;
            if (step.effect() == RankingStep.Effect.RANK) {
                equalRank.clear();
                int position = 1;
                for (List<Scored> group : groups) {
                    for (Scored s : group) {
                        equalRank.put(s.bid().id(), position);
                    }
                    position += group.size();
                }
            }
        }
        // anything still equal (no step could tell them apart) keeps the order of its bid ids
        List<Scored> order = groups.stream().flatMap(List::stream).toList();
        Map<Integer, List<String>> byRank = new java.util.TreeMap<>();
        order.forEach(s -> byRank.computeIfAbsent(equalRank.get(s.bid().id()), r -> new ArrayList<>()).add(s.bid().id()));
        List<Tie> ties = byRank.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> new Tie(e.getKey(), e.getValue(), e.getValue().stream()
                        .flatMap(id -> decidedBy.getOrDefault(id, List.of()).stream()).distinct().toList()))
                .toList();
        return new Ranked(facts, evaluation, steps, limits.get(0), order, equalRank, ties, draws);
    }

    /**
     * The draw of a DRAW step between every group of bids still equal, recorded: a fresh seed, its commitment, the
     * snapshot it runs on and the order drawn for each group (O87 68).
     */
    private Map<List<Scored>, List<String>> draw(Tender tender, RankingStep step, List<List<Scored>> groups,
            Map<String, Integer> equalRank, List<TieDraw> draws) {
        List<List<Scored>> equal = groups.stream().filter(g -> g.size() > 1).toList();
        if (equal.isEmpty()) {
            return Map.of();
        }
        List<TieGroup> tied = new ArrayList<>();
        for (int k = 0; k < equal.size(); k++) {
            List<Scored> g = equal.get(k);
            tied.add(new TieGroup("group-" + (k + 1), equalRank.get(g.get(0).bid().id()),
                    g.stream().map(s -> s.bid().id()).sorted().toList()));
        }
        String text = VerifiableLot.canonical(new TieSnapshot(tender.id(), tender.round(), "tie", tied));
        String seed = VerifiableLot.newSeed(RANDOM);
        String hash = VerifiableLot.hash(text);
        byte[] key = VerifiableLot.key(seed);
        Map<String, List<String>> result = new java.util.LinkedHashMap<>();
        Map<List<Scored>, List<String>> byGroup = new java.util.IdentityHashMap<>();
        for (int k = 0; k < tied.size(); k++) {
            TieGroup group = tied.get(k);
            List<String> order = VerifiableLot.draw(key, hash, group.label(), group.candidates(),
                    group.candidates().size());
            result.put(group.label(), order);
            byGroup.put(equal.get(k), order);
        }
        draws.add(new TieDraw(seed, VerifiableLot.commitment(seed), text, hash, result, step.by().rule(),
                step.by().citation()));
        return byGroup;
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** Sorts a group by the comparator (stably) and splits it where the comparator tells bids apart. */
    private static List<List<Scored>> split(List<Scored> group, Comparator<Scored> comparator) {
        List<Scored> sorted = group.stream().sorted(comparator).toList();
        List<List<Scored>> runs = new ArrayList<>();
        List<Scored> run = new ArrayList<>();
        for (Scored s : sorted) {
            if (!run.isEmpty() && comparator.compare(run.get(0), s) != 0) {
                runs.add(run);
                run = new ArrayList<>();
            }
            run.add(s);
        }
        runs.add(run);
        return runs;
    }

    private static Comparator<Scored> comparator(RankingStep.Criterion criterion) {
        return switch (criterion) {
            case TOTAL_SCORE -> Comparator.comparing(Scored::total).reversed();
            case EVALUATED_PRICE -> Comparator.comparing(Scored::evaluated);
            case TECHNICAL_SCORE -> Comparator.comparing(Scored::technical).reversed();
            case SUBMISSION_TIME -> Comparator.comparing(s -> s.bid().submittedAt(),
                    Comparator.nullsLast(Comparator.naturalOrder()));
            case DRAW -> throw new IllegalArgumentException("a draw compares nothing");
        };
    }
}

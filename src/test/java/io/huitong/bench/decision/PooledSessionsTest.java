package io.huitong.bench.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.huitong.rules.FiredRule;
import io.huitong.rules.RuleSet;
import io.huitong.support.RuleSets;
import io.huitong.tender.registration.RegistrationFacts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * RuleSet reuses its Drools sessions (a pool per version: the decision benchmark's fix). A reused session must
 * decide exactly as a new one: nothing of an earlier decision (facts, conclusions, fired rules, listeners) may
 * show in a later one, in whatever order and from however many threads decisions come. Lives here, beside the
 * benchmark that motivated the pool, rather than in io.huitong.rules.
 */
class PooledSessionsTest {

    private final RuleSet ruleSet = RuleSets.current();
    private final List<RegistrationFacts> inputs = DecisionBenchmarks.requests().stream()
            .map(DecisionBenchmarks::facts).toList();

    /** What a decision leaves, comparable across runs: its facts (in any order) and its rules in firing order. */
    record Outcome(List<String> facts, List<FiredRule> fired) {
        static Outcome of(RuleSet.Evaluation e) {
            List<String> facts = new ArrayList<>(e.facts().stream().map(String::valueOf).toList());
            Collections.sort(facts);
            return new Outcome(facts, e.firedRules());
        }
    }

    private List<Outcome> decideInOrder(List<Integer> order) {
        List<Outcome> outcomes = new ArrayList<>(Collections.nCopies(inputs.size(), null));
        for (int i : order) {
            Outcome o = Outcome.of(ruleSet.evaluate(List.of(inputs.get(i))));
            if (outcomes.get(i) != null) {
                assertThat(o).as("input %d decided twice in one pass", i).isEqualTo(outcomes.get(i));
            }
            outcomes.set(i, o);
        }
        return outcomes;
    }

    @Test
    void a_reused_session_decides_as_the_first_did_whatever_came_before() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            order.add(i);
        }
        List<Outcome> first = decideInOrder(order);
        assertThat(first).allSatisfy(o -> assertThat(o.fired()).isNotEmpty());
        Random random = new Random(42);
        for (int pass = 0; pass < 5; pass++) {
            Collections.shuffle(order, random);
            List<Integer> twice = new ArrayList<>(order);
            twice.addAll(order);
            assertThat(decideInOrder(twice)).isEqualTo(first);
        }
    }

    @Test
    void decisions_taken_at_once_on_several_threads_do_not_mix() throws Exception {
        List<Outcome> expected = new ArrayList<>();
        for (RegistrationFacts f : inputs) {
            expected.add(Outcome.of(ruleSet.evaluate(List.of(f))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                running.add(pool.submit(() -> {
                    for (int k = 0; k < 200; k++) {
                        int i = (k + offset) % inputs.size();
                        assertThat(Outcome.of(ruleSet.evaluate(List.of(inputs.get(i))))).isEqualTo(expected.get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

package io.huitong.bench.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.huitong.lifecycle.LifecycleFacts;
import io.huitong.lifecycle.PeriodQuery;
import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetCompiler;
import io.huitong.rules.RuleSetSources;
import io.huitong.shared.time.LegalClock;
import io.huitong.tender.Category;
import io.huitong.tender.ProcurementMethod;
import io.huitong.tender.Regime;
import io.huitong.tender.registration.RegistrationFacts;
import io.huitong.tender.registration.RegistrationRules;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The latency of the decisions the period tables decide, without JMH or the application: a legal period of the
 * lifecycle (facts and a {@link PeriodQuery}, as {@code LegalPeriods.period} asks) and a whole registration
 * decision (every registration rule, periods included), one thread, after a warm-up; and the time to compile
 * the rule set. Run before and after a change of how the rules are written:
 * {@code ./mvnw -B -q -o test -Dtest=DecisionTableLatencyTest -Dbench.tables=true}. Off in the ordinary build:
 * timings on a shared machine are not a test.
 */
@EnabledIfSystemProperty(named = "bench.tables", matches = "true")
class DecisionTableLatencyTest {

    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 50_000;
    private static final String[] PERIODS = {"objectionAnswer", "announcement", "challengeWindow", "publicity",
        "publicityObjectionAnswer", "winnerDetermination", "awardAnnouncement", "resultChallengeWindow",
        "withdrawalRefund", "contract", "supervisorReport", "contractPublication", "contractFiling",
        "losersBondRefund", "bondRefund", "terminationRefund", "failedRoundRefund"};

    @Test
    void decision_latency_and_compile_time() {
        long compileStart = System.nanoTime();
        RuleSetCompiler compiler = new RuleSetCompiler(new LegalClock());
        RuleSet ruleSet = null;
        int compilations = 3;
        for (int i = 0; i < compilations; i++) {
            ruleSet = compiler.compile(RuleSetSources.fromFolder(Path.of("rules")));
        }
        double compileMs = (System.nanoTime() - compileStart) / 1e6 / compilations;
        RuleSet rules = ruleSet;

        Regime[] laws = {Regime.TENDERING_LAW, Regime.GOVERNMENT_PROCUREMENT};
        IntConsumer period = i -> {
            Regime law = laws[i % 2];
            rules.evaluate(List.of(new LifecycleFacts(law, law, Category.WORKS, ProcurementMethod.OPEN, true, false),
                    new PeriodQuery(PERIODS[i % PERIODS.length])));
        };
        List<RegistrationFacts> registrations = DecisionBenchmarks.requests().stream().map(DecisionBenchmarks::facts)
                .toList();
        RegistrationRules registrationRules = new RegistrationRules();
        IntConsumer registration = i -> registrationRules.evaluate(registrations.get(i % registrations.size()),
                rules);

        double[] periodMs = measure(period);
        double[] registrationMs = measure(registration);
        System.out.printf(Locale.ROOT, "%n[bench.tables] %d rules; compile %.0f ms (mean of %d)%n",
                rules.ruleCount(), compileMs, compilations);
        System.out.printf(Locale.ROOT, "[bench.tables] legal period   p50 %.3f ms  p99 %.3f ms  mean %.3f ms%n",
                periodMs[0], periodMs[1], periodMs[2]);
        System.out.printf(Locale.ROOT, "[bench.tables] registration   p50 %.3f ms  p99 %.3f ms  mean %.3f ms%n%n",
                registrationMs[0], registrationMs[1], registrationMs[2]);
        assertThat(periodMs[1]).as("a legal period's decision, p99 (ms): the decision target is 1 ms")
                .isLessThan(1.0);
    }

    /** p50, p99 and mean in milliseconds of {@link #MEASURED} calls after {@link #WARM_UP}. */
    private static double[] measure(IntConsumer decision) {
        for (int i = 0; i < WARM_UP; i++) {
            decision.accept(i);
        }
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            decision.accept(i);
            nanos[i] = System.nanoTime() - start;
        }
        long total = Arrays.stream(nanos).sum();
        Arrays.sort(nanos);
        return new double[] {nanos[MEASURED / 2] / 1e6, nanos[(int) (MEASURED * 0.99)] / 1e6,
            total / 1e6 / MEASURED};
    }
}

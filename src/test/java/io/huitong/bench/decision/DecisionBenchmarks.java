package io.huitong.bench.decision;

import io.huitong.bench.BenchApp;
import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetCompiler;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.rules.RuleSetSources;
import io.huitong.rules.policy.PolicyData;
import io.huitong.shared.security.Operator;
import io.huitong.shared.time.LegalClock;
import io.huitong.tender.Category;
import io.huitong.tender.ProcurementMethod;
import io.huitong.tender.Regime;
import io.huitong.tender.RegistrationRequest;
import io.huitong.tender.RegistrationService;
import io.huitong.tender.ServiceKind;
import io.huitong.tender.registration.RegistrationFacts;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The four ways of taking the must-tender decision that {@link DecisionBench} compares, one JMH benchmark each.
 * Every call takes the next of eight registrations (a mix of regimes, categories and both sides of the
 * thresholds), the same mix for all four. Modes, iterations and forks are set by {@link DecisionBench}.
 */
public class DecisionBenchmarks {

    /** The decision the app takes in production, with its decision record: the registration sandbox. */
    static final String DROOLS_WITH_RECORD = "droolsWithRecord";
    /** The DMN table through the process engine's DecisionService, history level full. */
    static final String DMN_ENGINE_WITH_HISTORY = "dmnEngineWithHistory";
    /** The rule set alone: RuleSet.evaluate, no record. */
    static final String DROOLS_ALONE = "droolsAlone";
    /** The DMN table on a standalone DMN engine: no process engine, no history. */
    static final String DMN_STANDALONE = "dmnStandalone";

    private static final Operator OPERATOR = new Operator("clerk", "127.0.0.1");

    /** The registrations: documents issued in ten days, bids due thirty days later (valid at any date). */
    static List<RegistrationRequest> requests() {
        LocalDate issued = new LegalClock().today().plusDays(10);
        OffsetDateTime deadline = issued.plusDays(30).atTime(LocalTime.of(9, 30)).atZone(LegalClock.CHINA)
                .toOffsetDateTime();
        return List.of(
                request("施工 works 5,000,000", Regime.TENDERING_LAW, Category.WORKS, null, "5000000.00",
                        "5000000.00", "10000000.00", true, false, issued, deadline),
                request("施工 works 3,999,999.99", Regime.TENDERING_LAW, Category.WORKS, null, "3999999.99",
                        "3999999.99", "8000000.00", true, false, issued, deadline),
                request("货物 goods 2,000,000", Regime.TENDERING_LAW, Category.GOODS, null, "2000000.00",
                        "2000000.00", "20000000.00", false, false, issued, deadline),
                request("监理 supervision 1,000,000", Regime.TENDERING_LAW, Category.SERVICES,
                        ServiceKind.SURVEY_DESIGN_SUPERVISION, "1000000.00", "0.00", "30000000.00", true, false,
                        issued, deadline),
                request("政府采购货物 goods 1,500,000", Regime.GOVERNMENT_PROCUREMENT, Category.GOODS, null,
                        "1500000.00", null, null, false, false, issued, deadline),
                request("政府采购服务 services 2,000,000", Regime.GOVERNMENT_PROCUREMENT, Category.SERVICES,
                        ServiceKind.OTHER, "2000000.00", null, null, false, false, issued, deadline),
                request("外贷施工 works on a foreign loan 4,000,000", Regime.TENDERING_LAW, Category.WORKS, null,
                        "4000000.00", "0.00", "12000000.00", false, true, issued, deadline),
                request("政府采购工程 works 4,500,000", Regime.GOVERNMENT_PROCUREMENT, Category.WORKS, null,
                        "4500000.00", null, null, false, false, issued, deadline));
    }

    private static RegistrationRequest request(String title, Regime regime, Category category, ServiceKind kind,
            String estimate, String budgetFunds, String totalInvestment, boolean stateControlled,
            boolean foreignLoanOrAid, LocalDate issued, OffsetDateTime deadline) {
        return new RegistrationRequest(title, regime, category, kind, new BigDecimal(estimate),
                budgetFunds == null ? null : new BigDecimal(budgetFunds),
                totalInvestment == null ? null : new BigDecimal(totalInvestment), stateControlled, foreignLoanOrAid,
                "410100", ProcurementMethod.OPEN, null, null, false, true, true, null, null, Set.of(), null, issued,
                deadline, null, io.huitong.support.RegistrationJson.PURCHASER_ID, "郑州市市政工程管理处",
                io.huitong.tender.TieBreak.LOWER_EVALUATED_PRICE);
    }

    /** The facts the rules see for a request, normalised as registration normalises them. */
    static RegistrationFacts facts(RegistrationRequest r) {
        return RegistrationFacts.normalised(r.regime(), r.category(), r.serviceKind(), r.estimatedAmount(),
                r.budgetFunds(), r.totalInvestment(), Boolean.TRUE.equals(r.stateControlled()),
                Boolean.TRUE.equals(r.foreignLoanOrAid()), r.regionCode(), r.procurementMethod(), r.invitationGround(),
                r.approvedProcurementMethod(), false, true, true, r.documentFee(), r.bidBondAmount(),
                r.bidBondForms(), r.documentIssueDate(), r.bidDeadline().atZoneSameInstant(LegalClock.CHINA)
                        .toLocalDate(), new LegalClock().today(), r.tieBreak());
    }

    /** Huitong in this JVM (H2 file, history full, no job executor), the DMN table deployed to its engine. */
    @State(Scope.Benchmark)
    public static class App {
        Path dir;
        BenchApp app;
        RegistrationService registration;
        DecisionService decisions;
        BigDecimal threshold;
        List<RegistrationRequest> requests;
        List<RegistrationFacts> facts;
        int next;

        @Setup(Level.Trial)
        public void start() throws IOException {
            dir = Files.createTempDirectory("huitong-bench-decision");
            // BenchApp passes its properties as Spring's defaults, which application.yaml overrides (data-dir
            // ./data, job executor on): as system properties of this fork they win, so the H2 file is the fresh
            // one under dir, not ./data of the working directory
            System.setProperty("huitong.data-dir", dir.resolve("data").toString());
            System.setProperty("camunda.bpm.job-execution.enabled", "false");
            app = BenchApp.start(dir, false, Map.of());
            registration = app.bean(RegistrationService.class);
            ProcessEngine engine = app.engine();
            engine.getRepositoryService().createDeployment().name("bench-decision")
                    .addClasspathResource(MustTenderDmn.RESOURCE).deploy();
            decisions = engine.getDecisionService();
            threshold = app.bean(RuleSetRegistry.class).active().policy().parameters()
                    .amount(MustTenderDmn.THRESHOLD_PARAMETER);
            requests = requests();
            facts = requests.stream().map(DecisionBenchmarks::facts).toList();
        }

        @TearDown(Level.Trial)
        public void stop() throws IOException {
            app.close();
            io.huitong.bench.WorkFolders.delete(dir);
        }

        int next() {
            int i = next;
            next = (i + 1) % requests.size();
            return i;
        }
    }

    /** The project's rule set compiled as Huitong compiles it, outside the app. */
    @State(Scope.Benchmark)
    public static class Rules {
        RuleSet ruleSet;
        List<RegistrationFacts> facts;
        int next;

        @Setup(Level.Trial)
        public void compile() {
            ruleSet = new RuleSetCompiler(new LegalClock()).compile(RuleSetSources.fromFolder(Path.of("rules")));
            facts = requests().stream().map(DecisionBenchmarks::facts).toList();
        }

        RegistrationFacts nextFacts() {
            RegistrationFacts f = facts.get(next);
            next = (next + 1) % facts.size();
            return f;
        }
    }

    /** A standalone DMN engine (Camunda's default configuration) with the table parsed once. */
    @State(Scope.Benchmark)
    public static class Dmn {
        DmnEngine engine;
        DmnDecision decision;
        BigDecimal threshold;
        List<RegistrationFacts> facts;
        int next;

        @Setup(Level.Trial)
        public void parse() {
            engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
            decision = MustTenderDmn.parse(engine);
            // the threshold as the rule set has it: its policy files alone, no need to compile the rules here
            List<io.huitong.rules.RuleProblem> problems = new java.util.ArrayList<>();
            threshold = PolicyData.parse(RuleSetSources.fromFolder(Path.of("rules")).files().stream()
                    .filter(io.huitong.rules.RuleSource::isPolicy).toList(), problems)
                    .parameters().amount(MustTenderDmn.THRESHOLD_PARAMETER);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("policy files refused: " + problems);
            }
            facts = requests().stream().map(DecisionBenchmarks::facts).toList();
        }

        RegistrationFacts nextFacts() {
            RegistrationFacts f = facts.get(next);
            next = (next + 1) % facts.size();
            return f;
        }
    }

    @Benchmark
    public Object droolsWithRecord(App app) {
        return app.registration.evaluate(app.requests.get(app.next()), OPERATOR);
    }

    @Benchmark
    public Object dmnEngineWithHistory(App app) {
        return app.decisions.evaluateDecisionByKey(MustTenderDmn.DECISION_KEY)
                .variables(MustTenderDmn.variables(app.facts.get(app.next()), app.threshold)).evaluate();
    }

    @Benchmark
    public Object droolsAlone(Rules rules) {
        return rules.ruleSet.evaluate(List.of(rules.nextFacts()));
    }

    @Benchmark
    public Object dmnStandalone(Dmn dmn) {
        return dmn.engine.evaluateDecision(dmn.decision, MustTenderDmn.variables(dmn.nextFacts(), dmn.threshold));
    }

}

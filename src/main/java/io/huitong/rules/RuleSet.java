package io.huitong.rules;

import io.huitong.rules.RuleMetadata.RuleWindow;
import io.huitong.rules.policy.PolicyData;
import io.huitong.shared.time.LegalClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.AgendaFilter;

/**
 * One compiled rule-set version: its rules, its policy data and its calendar. Thread-safe; every evaluation
 * runs in a session of its own, taken from this version's pool and disposed when done. Disposing a pooled
 * session resets it (facts, agenda, event listeners, node memories) and puts it back, so no decision sees
 * another's facts; reusing it saves building the session and its node and segment memories every time, about a
 * third of the rules' time in a registration decision.
 */
public final class RuleSet {

    /** A decision that keeps firing is a rule bug; stop it rather than spin. */
    private static final int MAX_FIRINGS = 10_000;
    /** Sessions made up front; the pool grows to the number of decisions taken at once and keeps them. */
    private static final int INITIAL_SESSIONS = 2;
    static final RuleLocation UNKNOWN = new RuleLocation("?", 0);
    /** Today in China, for a decision whose caller names no act date. */
    private static final LegalClock CLOCK = new LegalClock();

    private final String version;
    private final String contentHash;
    private final String origin;
    private final Instant compiledAt;
    private final KieSessionsPool sessions;
    private final PolicyData policy;
    private final Map<RuleKey, RuleLocation> locations;
    private final List<RuleDefinition> rules;
    private final RuleMessages messages;
    private final RuleNotices notices;
    /** The rules that apply only on some days of the act ({@code @effectiveFrom}/{@code @effectiveTo}). */
    private final Map<RuleKey, RuleWindow> windows;

    RuleSet(String version, String contentHash, String origin, Instant compiledAt, KieBase kieBase,
            PolicyData policy, Map<RuleKey, RuleLocation> locations) {
        this(version, contentHash, origin, compiledAt, kieBase, policy, locations, RuleMessages.NONE);
    }

    RuleSet(String version, String contentHash, String origin, Instant compiledAt, KieBase kieBase,
            PolicyData policy, Map<RuleKey, RuleLocation> locations, RuleMessages messages) {
        this(version, contentHash, origin, compiledAt, kieBase, policy, locations, messages, RuleNotices.NONE);
    }

    RuleSet(String version, String contentHash, String origin, Instant compiledAt, KieBase kieBase,
            PolicyData policy, Map<RuleKey, RuleLocation> locations, RuleMessages messages, RuleNotices notices) {
        this.messages = messages;
        this.notices = notices;
        this.version = version;
        this.contentHash = contentHash;
        this.origin = origin;
        this.compiledAt = compiledAt;
        this.sessions = kieBase.newKieSessionsPool(INITIAL_SESSIONS);
        this.policy = policy;
        this.locations = Map.copyOf(locations);
        this.rules = kieBase.getKiePackages().stream()
                .flatMap(p -> p.getRules().stream().map(rule -> {
                    RuleLocation at = locations.getOrDefault(new RuleKey(p.getName(), rule.getName()), UNKNOWN);
                    return new RuleDefinition(p.getName(), rule.getName(),
                            RuleMetadata.text(rule.getMetaData().get(RuleMetadata.CITATION)),
                            RuleMetadata.text(rule.getMetaData().get(RuleMetadata.TAG)), at.file(), at.line());
                }))
                .sorted(java.util.Comparator.comparing(RuleDefinition::file).thenComparing(RuleDefinition::line))
                .toList();
        Map<RuleKey, RuleWindow> windows = new java.util.HashMap<>();
        kieBase.getKiePackages().forEach(p -> p.getRules().forEach(rule -> {
            try {
                RuleWindow window = RuleMetadata.window(rule.getMetaData());
                if (window != null) {
                    windows.put(new RuleKey(p.getName(), rule.getName()), window);
                }
            } catch (java.time.DateTimeException e) {
                // refused by the compiler before a rule set is made; nothing to add here
            }
        }));
        this.windows = Map.copyOf(windows);
    }

    /** A rule's package and name. */
    record RuleKey(String pkg, String name) {
    }

    /** Where a rule is written: file and line. */
    record RuleLocation(String file, int line) {
    }

    /** What an evaluation leaves behind: every fact in working memory and the rules that fired, in order. */
    public record Evaluation(List<Object> facts, List<FiredRule> firedRules) {

        public <T> List<T> all(Class<T> type) {
            return facts.stream().filter(type::isInstance).map(type::cast).toList();
        }

        public boolean any(Class<?> type) {
            return facts.stream().anyMatch(type::isInstance);
        }
    }

    /**
     * Decides as of today in China: for a decision whose act is taken now, or whose caller knows no better date.
     * Prefer {@link #evaluate(LocalDate, Collection)} with the date of the act the decision governs.
     */
    public Evaluation evaluate(Collection<?> facts) {
        return evaluate(CLOCK.today(), facts);
    }

    /**
     * Inserts the facts together with this version's policy facts (parameters as of {@code asOf}, jurisdiction
     * policies, sign-off levels, platform operators), fires the rules in force on {@code asOf} and returns what they
     * concluded. {@code asOf} is the date of the act the decision governs (registration, announcement, bid
     * deadline), not the day it is computed: a rule with {@code @effectiveFrom}/{@code @effectiveTo} outside it does
     * not fire, and a parameter with dated values answers the one in force on it.
     */
    public Evaluation evaluate(LocalDate asOf, Collection<?> facts) {
        io.micrometer.core.instrument.Timer.Sample sample = io.micrometer.core.instrument.Timer.start();
        try {
            return run(asOf == null ? CLOCK.today() : asOf, facts);
        } finally {
            // decision latency, whatever the rules: huitong_decision_seconds in /actuator/prometheus
            sample.stop(io.micrometer.core.instrument.Metrics.timer("huitong.decision"));
        }
    }

    private Evaluation run(LocalDate asOf, Collection<?> facts) {
        KieSession session = sessions.newKieSession();
        try {
            List<FiredRule> fired = new ArrayList<>();
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    var rule = event.getMatch().getRule();
                    RuleLocation at = locations.getOrDefault(new RuleKey(rule.getPackageName(), rule.getName()),
                            UNKNOWN);
                    fired.add(new FiredRule(rule.getName(),
                            RuleMetadata.text(rule.getMetaData().get(RuleMetadata.CITATION)),
                            RuleMetadata.text(rule.getMetaData().get(RuleMetadata.TAG)), at.file(), at.line()));
                }
            });
            // the words of the rules' messages (messages.yaml), for the facts they insert to render
            session.getEnvironment().set(RuleMessages.ENVIRONMENT_KEY, messages);
            session.insert(policy.parameters().on(asOf));
            policy.jurisdictionPolicies().forEach(session::insert);
            policy.approvalRoute().signOffLevels().forEach(session::insert);
            policy.platformOperators().forEach(session::insert);
            facts.forEach(session::insert);
            int firings = windows.isEmpty() ? session.fireAllRules(MAX_FIRINGS)
                    : session.fireAllRules(inForce(asOf), MAX_FIRINGS);
            if (firings >= MAX_FIRINGS) {
                throw new IllegalStateException("rule set " + version + " did not settle after " + MAX_FIRINGS
                        + " firings: a rule keeps re-activating itself");
            }
            return new Evaluation(List.copyOf(session.getObjects()), List.copyOf(fired));
        } finally {
            // back to the pool, reset: working memory, agenda and the listener above are cleared
            session.dispose();
        }
    }

    /** Lets a match fire unless its rule has a window that leaves out the date of the act. */
    private AgendaFilter inForce(LocalDate asOf) {
        return match -> {
            var rule = match.getRule();
            RuleWindow window = windows.get(new RuleKey(rule.getPackageName(), rule.getName()));
            return window == null || window.contains(asOf);
        };
    }

    /** The days of the act on which a rule applies, as its metadata sets them; null when it always applies. */
    public String window(RuleDefinition rule) {
        RuleWindow window = windows.get(new RuleKey(rule.pkg(), rule.name()));
        return window == null ? null : window.toString();
    }

    public String version() {
        return version;
    }

    public String contentHash() {
        return contentHash;
    }

    public String origin() {
        return origin;
    }

    public Instant compiledAt() {
        return compiledAt;
    }

    public PolicyData policy() {
        return policy;
    }

    /** The names of the rules of a package (as the DRL files declare it: io.huitong.rules.registration). */
    public Set<String> ruleNames(String pkg) {
        return locations.keySet().stream().filter(k -> k.pkg().equals(pkg)).map(RuleKey::name)
                .collect(Collectors.toSet());
    }

    /** Every rule of this version as written, by file and line (the catalogue in docs/rules.md lists them). */
    public List<RuleDefinition> rules() {
        return rules;
    }

    /** The messages of this version's rules (every folder's messages.yaml). */
    public RuleMessages messages() {
        return messages;
    }

    /** The platform's own notices in this version (every folder's notices.yaml). */
    public RuleNotices notices() {
        return notices;
    }

    public int ruleCount() {
        return locations.size();
    }
}

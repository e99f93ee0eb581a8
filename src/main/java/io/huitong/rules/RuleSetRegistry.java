package io.huitong.rules;

import io.huitong.shared.HuitongProperties;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rule-set versions Huitong decides with. At start-up the rules folder is compiled (a file that does not
 * compile stops the start with its file, line and column), stored if new, and activated. A reload activates a
 * new version only if it compiles; otherwise the running one stays. Versions that tenders are pinned to are
 * compiled again from the database when needed.
 */
@Component
public class RuleSetRegistry implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(RuleSetRegistry.class);

    private final RuleSetRepository repository;
    private final HuitongProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final RuleSetCompiler compiler;
    private final Optional<RuleSetPrecompiler> precompiler;
    private final List<NoticeCatalogue> notices;
    private final Map<String, RuleSet> compiled = new ConcurrentHashMap<>();
    private volatile RuleSet active;

    RuleSetRegistry(RuleSetRepository repository, HuitongProperties properties, TransactionTemplate transactions,
            Clock clock, Optional<RuleSetPrecompiler> precompiler, List<NoticeCatalogue> notices) {
        this.repository = repository;
        this.notices = List.copyOf(notices);
        this.precompiler = precompiler;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
        this.compiler = new RuleSetCompiler(clock);
    }

    /** What a reload did. */
    public record Reload(String version, String previousVersion, boolean changed, String origin, int ruleCount,
            int fileCount) {
    }

    @Override
    public void afterPropertiesSet() {
        Reload loaded = start();
        log.info("rule set {} in force: {} rules in {} files from {}", loaded.version(), loaded.ruleCount(),
                loaded.fileCount(), loaded.origin());
    }

    /**
     * The version in force for new decisions. Several nodes share one database: a version activated on another node
     * (a reload there) is taken up here within {@link #CHECK_INTERVAL} of its activation.
     */
    public RuleSet active() {
        long now = System.nanoTime();
        if (now - checkedAt > CHECK_INTERVAL.toNanos()) {
            checkedAt = now;
            try {
                repository.activeVersion().filter(v -> !v.equals(active.version())).ifPresent(v -> {
                    RuleSet activated = version(v);
                    log.info("rule set {} activated on another node replaces {}", v, active.version());
                    active = activated;
                });
            } catch (RuntimeException e) {
                // the database unreachable, or another node's version not compiling here: decide with the one in force
                log.warn("rule set activated elsewhere not taken up, {} stays: {}", active.version(), e.toString());
            }
        }
        return active;
    }

    /** How often a node looks whether another has activated a version. */
    static final java.time.Duration CHECK_INTERVAL = java.time.Duration.ofSeconds(1);
    private volatile long checkedAt = System.nanoTime();

    /** A version by id, compiled from the database if it is not in memory (a tender's pinned version). */
    public RuleSet version(String version) {
        RuleSet current = active;
        if (current != null && current.version().equals(version)) {
            return current;
        }
        return compiled.computeIfAbsent(version, v -> compiler.compile(repository.load(v)));
    }

    /**
     * Reads the rules folder again and activates it if it compiles.
     *
     * @throws RuleSetRejectedException with every problem (file, line, column) if it does not; nothing changes
     */
    public synchronized Reload reload(String operator) {
        return load(operator);
    }

    /**
     * The same, once the folder's version passes a check (an impact report made for it): the check sees the version
     * read, so nothing can change the folder between the check and the reload.
     */
    public synchronized Reload reload(String operator, java.util.function.Consumer<String> checkVersion) {
        RuleSetSources sources = readSources();
        checkVersion.accept(sources.version());
        return load(operator, sources, compiler.compile(sources));
    }

    public List<RuleSetVersionSummary> versions() {
        return repository.list();
    }

    /** The files of a stored version. */
    public RuleSetSources sources(String version) {
        return repository.load(version);
    }

    /**
     * At start-up: the rules folder (or the packaged copy) is activated if it is a version the database has never
     * seen — new rules brought by this start. A version seen before does not displace the one in force: restarting a
     * node of a cluster does not undo a reload done on another.
     */
    private synchronized Reload start() {
        RuleSetSources sources = readSources();
        // usually compiled already, while the database and the engine started (the same files, by their hash)
        RuleSet candidate = precompiler.flatMap(p -> p.take(sources)).orElseGet(() -> compiler.compile(sources));
        Optional<String> inForce = repository.activeVersion();
        if (inForce.isEmpty() || inForce.get().equals(candidate.version()) || !repository.exists(candidate.version())) {
            return load(SYSTEM, sources, candidate);
        }
        RuleSet current = version(inForce.get());
        requireNotices(current);
        compiled.put(candidate.version(), candidate);
        active = current;
        log.info("rules at {} are version {}, seen before; {} stays in force", sources.origin(), candidate.version(),
                current.version());
        return new Reload(current.version(), null, false, current.origin(), current.ruleCount(),
                repository.load(current.version()).files().size());
    }

    private static final String SYSTEM = "system";

    private synchronized Reload load(String operator) {
        RuleSetSources sources = readSources();
        return load(operator, sources, compiler.compile(sources));
    }

    private synchronized Reload load(String operator, RuleSetSources sources, RuleSet candidate) {
        requireNotices(candidate);
        RuleSet previous = active;
        try {
            store(sources, candidate, operator);
        } catch (org.springframework.dao.DataIntegrityViolationException storedMeanwhile) {
            // another node starting at the same moment stored the same version first
            store(sources, candidate, operator);
        }
        compiled.put(candidate.version(), candidate);
        active = candidate;
        boolean changed = previous == null || !previous.version().equals(candidate.version());
        if (changed && previous != null) {
            log.info("rule set {} replaces {} (by {})", candidate.version(), previous.version(), operator);
        }
        return new Reload(candidate.version(), previous == null ? null : previous.version(), changed,
                sources.origin(), candidate.ruleCount(), sources.files().size());
    }

    /**
     * Refuses a version to be put in force whose notices.yaml files lack a notice the platform asks for, use a
     * placeholder it does not pass, or hold one nobody asks for: each problem with its file and key.
     *
     * @throws RuleSetRejectedException listing them
     */
    public void requireNotices(RuleSet ruleSet) {
        List<RuleProblem> problems = ruleSet.notices().check(notices.stream()
                .flatMap(c -> c.notices().stream()).toList());
        if (!problems.isEmpty()) {
            throw new RuleSetRejectedException(ruleSet.origin(), problems);
        }
    }

    /**
     * One of the platform's notices as the version in force words it: a reload changes it at once, for every tender
     * (a version a tender is pinned to may be older than the notice).
     */
    public Notice notice(NoticeKey key, Object... namesAndValues) {
        return active().notices().render(key, namesAndValues);
    }

    private void store(RuleSetSources sources, RuleSet candidate, String operator) {
        transactions.executeWithoutResult(status -> {
            if (!repository.exists(candidate.version())) {
                repository.store(sources, candidate.ruleCount(), clock.instant(), operator);
            }
            if (!repository.activeVersion().map(candidate.version()::equals).orElse(false)) {
                repository.activate(candidate.version(), clock.instant(), operator);
            }
        });
    }

    /** The rules folder (relative to the working directory), or the packaged copy if there is none. */
    private RuleSetSources readSources() {
        return RuleSetSources.read(properties.rulesDir());
    }
}

package io.huitong.rules;

import io.huitong.shared.time.LegalClock;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Compiles the rules folder on a thread of its own from the moment the application context is created, so that
 * the compilation (seconds at start-up, most of it the Drools compiler loading and warming up) overlaps the
 * context's own start, the database, Flyway and the process engine instead of following them. It only compiles:
 * validating against the database, storing and activating stay with {@link RuleSetRegistry}, which takes this
 * result only if it was compiled from exactly the files it reads itself (the same content hash) and compiles them
 * again otherwise. Registered in {@code META-INF/spring.factories}; {@code huitong.rules.precompile=false} switches
 * it off.
 */
public class RuleSetPrecompiler implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN = "ruleSetPrecompiler";
    private static final Logger log = LoggerFactory.getLogger(RuleSetPrecompiler.class);

    private CompletableFuture<Result> compiling;

    /** What the early compilation gave: the hash of the files it read, and their rule set or why it was refused. */
    private record Result(String contentHash, RuleSet ruleSet, RuntimeException failure) {
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        if (!environment.getProperty("huitong.rules.precompile", Boolean.class, true)
                || context.getBeanFactory().containsSingleton(BEAN)) {
            return;
        }
        RuleSetPrecompiler precompiler = new RuleSetPrecompiler();
        precompiler.start(Path.of(environment.getProperty("huitong.rules-dir", "rules")));
        context.getBeanFactory().registerSingleton(BEAN, precompiler);
    }

    private synchronized void start(Path folder) {
        CompletableFuture<Result> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> result.complete(compile(folder)), "rules-precompile");
        thread.setDaemon(true);
        thread.start();
        compiling = result;
    }

    private static Result compile(Path folder) {
        RuleSetSources sources;
        try {
            sources = RuleSetSources.read(folder);
        } catch (RuntimeException e) {
            return new Result(null, null, e);
        }
        try {
            return new Result(sources.contentHash(), new RuleSetCompiler(new LegalClock()).compile(sources), null);
        } catch (RuntimeException e) {
            return new Result(sources.contentHash(), null, e);
        } catch (LinkageError e) {
            return new Result(sources.contentHash(), null, new IllegalStateException(e));
        }
    }

    /**
     * The rule set compiled ahead of time from exactly these files, once (later calls find nothing): empty if none
     * was started, if it read other files, or if it failed for a reason other than the rules themselves.
     *
     * @throws RuleSetRejectedException if these very files do not compile
     */
    synchronized Optional<RuleSet> take(RuleSetSources sources) {
        CompletableFuture<Result> pending = compiling;
        compiling = CompletableFuture.completedFuture(null);
        if (pending == null) {
            return Optional.empty();
        }
        Result result = pending.join();
        if (result == null || !sources.contentHash().equals(result.contentHash())) {
            return Optional.empty();
        }
        if (result.failure() instanceof RuleSetRejectedException rejected) {
            throw rejected;
        }
        if (result.failure() != null) {
            log.warn("compiling the rules ahead failed, compiling them again: {}", result.failure().toString());
            return Optional.empty();
        }
        return Optional.of(result.ruleSet());
    }
}

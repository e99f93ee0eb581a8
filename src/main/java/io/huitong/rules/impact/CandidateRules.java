package io.huitong.rules.impact;

import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetCompiler;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.rules.RuleSetSources;
import io.huitong.rules.RuleSource;
import io.huitong.shared.web.BadRequestException;
import io.huitong.shared.web.Violation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.springframework.stereotype.Component;

/**
 * A candidate rule set: a stored version by id, or the rules folder as uploaded (a zip of {@code rules/}), compiled
 * in memory like a reload would — a file that does not compile is refused with its file and line — and never stored
 * or activated.
 */
@Component
class CandidateRules {

    /** An uploaded folder unpacks to at most this much: the rules folder is a few hundred kilobytes. */
    static final long MAX_UNPACKED = 16L * 1024 * 1024;
    static final int MAX_ENTRIES = 2_000;

    private final RuleSetRegistry registry;
    private final RuleSetCompiler compiler;

    CandidateRules(RuleSetRegistry registry, Clock clock) {
        this.registry = registry;
        this.compiler = new RuleSetCompiler(clock);
    }

    /** The candidate as compiled, and where it came from. */
    record Candidate(RuleSet ruleSet, String origin) {
    }

    Candidate stored(String version) {
        return new Candidate(registry.version(version.strip()), "stored version " + version.strip());
    }

    /**
     * The uploaded folder compiled. A version the database already keeps is taken from there (compiled once).
     *
     * @throws io.huitong.rules.RuleSetRejectedException with each problem's file and line if it does not compile
     */
    Candidate uploaded(byte[] zip) {
        RuleSetSources sources = RuleSetSources.of("upload", unzip(zip));
        if (registry.versions().stream().anyMatch(v -> v.version().equals(sources.version()))) {
            return new Candidate(registry.version(sources.version()), "upload (= stored version " + sources.version()
                    + ")");
        }
        RuleSet cached;
        synchronized (recent) {
            cached = recent.get(sources.contentHash());
        }
        if (cached != null) {
            return new Candidate(cached, "upload");
        }
        RuleSet compiled = compiler.compile(sources);
        registry.requireNotices(compiled);
        synchronized (recent) {
            recent.put(sources.contentHash(), compiled);
        }
        return new Candidate(compiled, "upload");
    }

    /** Uploads compiled lately, by content hash: the same folder measured again is not compiled again. */
    static final int KEPT_UPLOADS = 3;

    private final java.util.Map<String, RuleSet> recent = new java.util.LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, RuleSet> eldest) {
            return size() > KEPT_UPLOADS;
        }
    };

    /** The rule files of the zip, by their path under {@code rules/} (a leading {@code rules/} folder is dropped). */
    static List<RuleSource> unzip(byte[] zip) {
        List<RuleSource> files = new ArrayList<>();
        long unpacked = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new CandidateTooLarge(MAX_UNPACKED);
                }
                String path = entry.getName().replace('\\', '/');
                if (entry.isDirectory() || !RuleSetSources.isRuleFile(path)) {
                    continue;
                }
                if (path.startsWith("/") || path.contains("../")) {
                    throw unreadable("a path outside the folder: " + path);
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    unpacked += n;
                    if (unpacked > MAX_UNPACKED) {
                        throw new CandidateTooLarge(MAX_UNPACKED);
                    }
                    content.write(buffer, 0, n);
                }
                files.add(new RuleSource(path, content.toString(StandardCharsets.UTF_8)));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable(e.getMessage());
        }
        if (files.isEmpty()) {
            throw unreadable("no *.drl, *.csv or *.yaml file in it");
        }
        if (files.stream().allMatch(f -> f.path().startsWith("rules/"))) {
            files.replaceAll(f -> new RuleSource(f.path().substring("rules/".length()), f.content()));
        }
        return files;
    }

    private static BadRequestException unreadable(String why) {
        return new BadRequestException(List.of(Violation.of("candidateZip", "impact.candidate-zip", null, "zip of rules/",
                null, "候选规则不是可读的 rules 文件夹压缩包", "The candidate is not a readable zip of the rules folder: " + why)));
    }
}

package io.huitong.rules.impact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionRecords;
import io.huitong.rules.DecisionSealing;
import io.huitong.rules.FiredRule;
import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.rules.DecisionReplay;
import io.huitong.rules.DecisionReplay.Replayed;
import io.huitong.rules.DecisionReplays;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.web.BadRequestException;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Measures the impact of a candidate rule set: every past decision of the period and kinds (not the sandbox's) is
 * decided again from its stored inputs under the candidate and compared with its answer under the version it was
 * taken with (as its record keeps it, or decided again under that version where the record cannot tell), both as of
 * the date the decision was taken for (the act's date its record keeps; today for a record kept before it did). A kind
 * whose records cannot be decided again by design (an expert draw's) is counted as excluded, with the reason. Page by
 * page, each page decided on all cores (one rule session per decision). Reads decisions, writes only the report. Decisions sealed from the user (bids before the opening, a
 * committee before the result) are left out: counted where their existence may be known, not even that otherwise.
 */
@Service
public class RuleImpact {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RuleImpact.class);

    /** Decisions read and decided at a time: a long period is never held in memory at once. */
    static final int PAGE = 1_000;

    /** The failures listed in a report (all are counted). */
    static final int LISTED_FAILURES = 100;

    private final DecisionRecords records;
    private final DecisionReplays replays;
    private final RuleSetRegistry registry;
    private final CandidateRules candidates;
    private final ImpactReports reports;
    private final List<DecisionSealing> sealing;
    private final ObjectMapper json;
    private final Clock clock;

    RuleImpact(DecisionRecords records, DecisionReplays replays, RuleSetRegistry registry, CandidateRules candidates,
            ImpactReports reports, List<DecisionSealing> sealing, ObjectMapper json, Clock clock) {
        this.records = records;
        this.replays = replays;
        this.registry = registry;
        this.candidates = candidates;
        this.reports = reports;
        this.sealing = sealing;
        this.json = json;
        this.clock = clock;
    }

    /** What one decision came to: unchanged, changed (with the comparison) or failed (with why). */
    private record Outcome(DecisionRecord record, ObjectNode changed, String failure) {
    }

    /** Per kind: how many were decided again, changed, failed, left out as sealed. */
    private static final class Counts {
        int evaluated;
        int changed;
        int failed;
        int sealed;
        int beforeRules;
        int excluded;
    }

    public ImpactReports.Stored measure(ImpactRequest request, String userId) {
        long started = System.nanoTime();
        Map<String, DecisionReplay> kinds = kinds(request);
        if (request.from() == null || request.to() == null || request.to().isBefore(request.from())) {
            throw new ValidationException(List.of(Violation.of("to", "impact.period", null, "from <= to",
                    request.to(), "须给出起止日期，且截止日不早于起始日", "Give from and to, to not before from")));
        }
        // the candidate compiles on a thread of its own while the first page of decisions is read
        long[] candidateReady = new long[1];
        CompletableFuture<CandidateRules.Candidate> compiling = CompletableFuture.supplyAsync(() -> {
            CandidateRules.Candidate c = candidate(request);
            candidateReady[0] = (System.nanoTime() - started) / 1_000_000;
            return c;
        }, task -> {
            Thread thread = new Thread(task, "impact-candidate");
            thread.setDaemon(true);
            thread.start();
        });
        Instant from = request.from().atStartOfDay(LegalClock.CHINA).toInstant();
        Instant to = request.to().plusDays(1).atStartOfDay(LegalClock.CHINA).toInstant();

        Map<String, Counts> counts = new LinkedHashMap<>();
        kinds.keySet().forEach(k -> counts.put(k, new Counts()));
        Map<String, Object> versions = new ConcurrentHashMap<>();
        ArrayNode changed = json.createArrayNode();
        ArrayNode failed = json.createArrayNode();
        RuleSet next = null;
        long waiting = 0;
        long deciding = 0;
        try (PagesAhead pages = new PagesAhead(sink -> records.decidedBetween(from, to, kinds.keySet(), PAGE, sink))) {
            while (true) {
                long asked = System.nanoTime();
                List<DecisionRecord> page = pages.next();
                waiting += System.nanoTime() - asked;
                if (page == null) {
                    break;
                }
                List<DecisionRecord> open = new ArrayList<>(page.size());
                for (DecisionRecord r : page) {
                    if (sealing.stream().anyMatch(s -> s.hidden(r, userId))) {
                        continue;
                    }
                    if (kinds.get(r.kind()).excludedFromImpact() != null) {
                        // a kind whose records cannot be decided again, by design: counted, with the reason
                        counts.get(r.kind()).excluded++;
                        continue;
                    }
                    if (sealing.stream().anyMatch(s -> s.sealed(r, userId))) {
                        counts.get(r.kind()).sealed++;
                        continue;
                    }
                    if (r.firedRules().isEmpty() && (r.outputs() == null || r.outputs().isNull())) {
                        // refused by validation before any rule ran (a malformed request): no rule change changes it
                        counts.get(r.kind()).beforeRules++;
                        continue;
                    }
                    open.add(r);
                }
                if (next == null) {
                    next = compiled(compiling).ruleSet();
                }
                long begun = System.nanoTime();
                RuleSet candidate = next;
                List<Outcome> outcomes = open.parallelStream()
                        .map(r -> decideAgain(r, kinds.get(r.kind()), candidate, versions)).toList();
                for (Outcome o : outcomes) {
                    Counts c = counts.get(o.record().kind());
                    c.evaluated++;
                    if (o.failure() != null) {
                        c.failed++;
                        if (failed.size() < LISTED_FAILURES) {
                            failed.addObject().put("decisionId", o.record().id()).put("kind", o.record().kind())
                                    .put("tenderId", o.record().tenderId()).put("reason", o.failure());
                        }
                    } else if (o.changed() != null) {
                        c.changed++;
                        changed.add(o.changed());
                    }
                }
                deciding += System.nanoTime() - begun;
            }
        }
        CandidateRules.Candidate candidate = compiled(compiling);
        long decided = System.nanoTime();
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        ObjectNode parameters = json.createObjectNode().put("candidateVersion", candidate.ruleSet().version())
                .put("candidateOrigin", candidate.origin()).put("from", request.from().toString())
                .put("to", request.to().toString());
        parameters.set("kinds", json.valueToTree(List.copyOf(kinds.keySet())));
        ObjectNode report = json.createObjectNode().put("id", id).put("createdBy", userId)
                .put("createdAt", now.toString()).put("candidateVersion", candidate.ruleSet().version())
                .put("candidateOrigin", candidate.origin());
        report.set("parameters", parameters);
        ArrayNode byKind = report.putArray("counts");
        counts.forEach((kind, c) -> {
            ObjectNode row = byKind.addObject().put("kind", kind).put("name", kinds.get(kind).name())
                    .put("evaluated", c.evaluated).put("changed", c.changed).put("failed", c.failed)
                    .put("sealed", c.sealed).put("refusedBeforeRules", c.beforeRules);
            String excluded = kinds.get(kind).excludedFromImpact();
            if (excluded != null) {
                row.put("excluded", c.excluded).put("excludedReason", excluded);
            }
        });
        report.set("changed", changed);
        report.set("failed", failed);
        report.put("elapsedMillis", (System.nanoTime() - started) / 1_000_000);
        ImpactReports.Stored stored = new ImpactReports.Stored(id, userId, now, candidate.ruleSet().version(),
                parameters, report);
        reports.save(stored);
        log.info("impact report {}: {} decisions, {} changed, in {} ms (candidate ready after {} ms, waiting for "
                + "pages {} ms, deciding and comparing {} ms, the report made and stored in {} ms)", id,
                counts.values().stream().mapToInt(c -> c.evaluated).sum(), changed.size(),
                (System.nanoTime() - started) / 1_000_000, candidateReady[0], waiting / 1_000_000,
                deciding / 1_000_000,
                (System.nanoTime() - decided) / 1_000_000);
        return stored;
    }


    /** The candidate once compiled; what its compilation threw, as thrown. */
    private static CandidateRules.Candidate compiled(CompletableFuture<CandidateRules.Candidate> compiling) {
        try {
            return compiling.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private Map<String, DecisionReplay> kinds(ImpactRequest request) {
        Map<String, DecisionReplay> kinds = new LinkedHashMap<>();
        if (request.kinds() == null || request.kinds().isEmpty()) {
            replays.all().forEach(r -> kinds.put(r.kind(), r));
            return kinds;
        }
        for (String name : request.kinds()) {
            try {
                DecisionReplay r = replays.named(name);
                kinds.put(r.kind(), r);
            } catch (io.huitong.shared.web.NotFoundException unknown) {
                throw new ValidationException(List.of(Violation.of("kinds", "impact.kind", null,
                        replays.all().stream().map(DecisionReplay::kind).toList(), name,
                        "无法重算此类决策", "No decision of this kind can be decided again")));
            }
        }
        return kinds;
    }

    private CandidateRules.Candidate candidate(ImpactRequest request) {
        boolean byVersion = request.candidateVersion() != null && !request.candidateVersion().isBlank();
        boolean byZip = request.candidateZip() != null && !request.candidateZip().isBlank();
        if (byVersion == byZip) {
            throw new ValidationException(List.of(Violation.of("candidateVersion", "impact.candidate", null,
                    "candidateVersion or candidateZip", null, "须给出候选规则：已存版本或规则文件夹压缩包（二者择一）",
                    "Name the candidate: a stored version or the zipped rules folder, one of them")));
        }
        if (byVersion) {
            return candidates.stored(request.candidateVersion());
        }
        byte[] zip;
        try {
            zip = Base64.getMimeDecoder().decode(request.candidateZip());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(List.of(Violation.of("candidateZip", "impact.candidate-zip", null, "base64",
                    null, "候选规则压缩包须为 base64", "The candidate zip must be base64")));
        }
        return candidates.uploaded(zip);
    }

    /**
     * One decision under the candidate, compared with its answer under the version it used: the answer its record
     * keeps where the kind can read it back ({@link DecisionReplay#recorded}), otherwise decided again under that
     * version.
     */
    private Outcome decideAgain(DecisionRecord r, DecisionReplay replay, RuleSet next, Map<String, Object> versions) {
        if (r.ruleSetVersion().equals(next.version())) {
            return new Outcome(r, null, null);
        }
        try {
            Replayed before = replay.recorded(r).orElse(null);
            if (before == null) {
                Object used = versions.computeIfAbsent(r.ruleSetVersion(), this::compiled);
                if (used instanceof String failure) {
                    return new Outcome(r, null, failure);
                }
                before = replay.replay(r, (RuleSet) used);
            }
            Replayed after = replay.replay(r, next);
            return new Outcome(r, compare(r, before, after), null);
        } catch (ValidationException | io.huitong.shared.web.NotFoundException e) {
            return new Outcome(r, null, e.getMessage());
        } catch (RuntimeException e) {
            return new Outcome(r, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The version a decision used, compiled; or why it cannot be. */
    private Object compiled(String version) {
        try {
            return registry.version(version);
        } catch (RuntimeException e) {
            return "规则集版本 " + version + " 无法编译 / The version " + version + " the decision used does not compile "
                    + "here: " + e.getMessage();
        }
    }

    /** The comparison of a changed decision, or null if it came out the same and by the same rules. */
    private ObjectNode compare(DecisionRecord r, Replayed before, Replayed after) {
        List<JsonDifferences.Difference> differences = JsonDifferences.of(before.outputs(), after.outputs());
        List<FiredRule> onlyBefore = firedOnlyIn(before.firedRules(), after.firedRules());
        List<FiredRule> onlyAfter = firedOnlyIn(after.firedRules(), before.firedRules());
        if (differences.isEmpty() && onlyBefore.isEmpty() && onlyAfter.isEmpty()) {
            return null;
        }
        ObjectNode node = json.createObjectNode().put("decisionId", r.id()).put("kind", r.kind())
                .put("tenderId", r.tenderId()).put("decidedAt", r.decidedAt().toString())
                .put("ruleSetVersion", r.ruleSetVersion());
        // the outputs where they differ, not whole: a report over thousands of decisions stays small
        node.set("before", JsonDifferences.only(before.outputs(), differences));
        node.set("after", JsonDifferences.only(after.outputs(), differences));
        ArrayNode diffs = node.putArray("differences");
        differences.forEach(d -> diffs.addObject().put("path", d.path()).<ObjectNode>set("before", d.before())
                .set("after", d.after()));
        node.set("firedOnlyBefore", json.valueToTree(onlyBefore));
        node.set("firedOnlyAfter", json.valueToTree(onlyAfter));
        return node;
    }

    /** The rules (by name) that fired in {@code a} more often than in {@code b}. */
    private static List<FiredRule> firedOnlyIn(List<FiredRule> a, List<FiredRule> b) {
        Map<String, Integer> others = new HashMap<>();
        b.forEach(f -> others.merge(f.rule(), 1, Integer::sum));
        List<FiredRule> only = new ArrayList<>();
        for (FiredRule f : a) {
            if (others.merge(f.rule(), -1, Integer::sum) < 0) {
                only.add(f);
            }
        }
        return only;
    }

}

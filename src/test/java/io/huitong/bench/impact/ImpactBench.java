package io.huitong.bench.impact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.bench.BenchApp;
import io.huitong.bench.Figure;
import io.huitong.bench.Report;
import io.huitong.bench.Section;
import io.huitong.bench.WorkFolders;
import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionRecords;
import io.huitong.rules.DecisionReplay;
import io.huitong.rules.DecisionReplays;
import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.web.Violation;
import io.huitong.tender.Category;
import io.huitong.tender.ProcurementMethod;
import io.huitong.tender.Regime;
import io.huitong.tender.TieBreak;
import io.huitong.tender.registration.RegistrationFacts;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The impact of a rule change over 10,000 stored decisions (issue 16: under 10 s on the benchmark machine). Stores
 * 10,000 registration decisions of one day (works projects of 1 to 100 million, bonds up to 2%) as registration keeps
 * them (decided under the version in force: outputs, fired rules, refusals; with {@code -Dbench.impact.bare=true}
 * inputs alone, so that each is decided again under both versions), then a rule author
 * asks, over HTTP, for the impact of the rules folder with the works-and-goods bond cap lowered from 800,000 to
 * 600,000: the candidate is uploaded and compiled in memory, each decision is decided again under the candidate and
 * compared with its answer under the version it used. Timed: the whole call, the first (the used version compiled already, as on a running node).
 */
public final class ImpactBench implements Section {

    static final String SECTION = "impact";

    @Override
    public String name() {
        return SECTION;
    }

    @Override
    public void run(Report report, Scale scale) throws Exception {
        int decisions = scale.pick(10_000, 1_000);
        Path dir = Files.createTempDirectory("huitong-bench-impact");
        try (BenchApp app = BenchApp.start(dir, false, Map.of())) {
            ObjectMapper json = app.bean(ObjectMapper.class);
            DecisionRecords records = app.bean(DecisionRecords.class);
            RuleSet active = app.bean(RuleSetRegistry.class).active();
            String version = active.version();
            DecisionReplay registration = app.bean(DecisionReplays.class).named("REGISTRATION");
            boolean bare = Boolean.getBoolean("bench.impact.bare");
            Instant day = Instant.parse("2026-11-27T02:00:00Z");
            for (int i = 0; i < decisions; i++) {
                BigDecimal estimate = BigDecimal.valueOf(1_000_000L + (i * 9_973L % 99_000_000L));
                BigDecimal bond = estimate.multiply(new BigDecimal("0.02")).multiply(BigDecimal.valueOf(i % 10))
                        .divide(BigDecimal.TEN).setScale(2, java.math.RoundingMode.DOWN);
                RegistrationFacts facts = RegistrationFacts.normalised(Regime.TENDERING_LAW, Category.WORKS, null,
                        estimate, estimate, estimate.multiply(BigDecimal.valueOf(2)), true, false, "410100",
                        ProcurementMethod.OPEN, null, null, false, true, false, null, bond, Set.of(),
                        LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-21"), LocalDate.parse("2026-11-27"),
                        TieBreak.LOWER_EVALUATED_PRICE);
                ObjectNode inputs = json.createObjectNode();
                inputs.set("facts", json.valueToTree(facts));
                if (bare) {
                    records.save(new DecisionRecord(UUID.randomUUID().toString(), "REGISTRATION",
                            DecisionRecord.Outcome.ACCEPTED, false, UUID.randomUUID().toString(), version,
                            day.plusMillis(i), "bench", null, inputs, json.createObjectNode(), List.of(), List.of()));
                    continue;
                }
                // kept as RegistrationService keeps a registration: its decisions, outcome, refusals, fired rules
                DecisionReplay.Replayed decided = registration.replay(inputs, active);
                List<Violation> refusals = List.of(json.treeToValue(decided.outputs().get("violations"),
                        Violation[].class));
                records.save(new DecisionRecord(UUID.randomUUID().toString(), "REGISTRATION",
                        DecisionRecord.Outcome.valueOf(decided.outputs().get("outcome").asText()), false,
                        UUID.randomUUID().toString(), version, day.plusMillis(i), "bench", null, inputs,
                        decided.outputs().get("decisions"), decided.firedRules(), refusals));
            }
            String body = json.createObjectNode().put("candidateZip", candidate()).put("from", "2026-11-27")
                    .put("to", "2026-11-27").toString();
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            double load = os.getSystemLoadAverage();
            long cpuBefore = os.getProcessCpuTime();
            long started = System.nanoTime();
            HttpResponse<String> response = app.post("ruleauthor", "/api/rules/impact", body);
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
            if (response.statusCode() != 201) {
                throw new IllegalStateException("impact: " + response.statusCode() + " " + response.body());
            }
            JsonNode counts = json.readTree(response.body()).get("counts");
            JsonNode registrations = null;
            for (JsonNode c : counts) {
                if (c.get("kind").asText().equals("REGISTRATION")) {
                    registrations = c;
                }
            }
            String note = "POST /api/rules/impact, candidate uploaded and compiled; "
                    + (bare ? "records without outputs (each decided under both versions); " : "")
                    + registrations.get("evaluated")
                    + " decided again, " + registrations.get("changed") + " changed, " + registrations.get("failed")
                    + " failed; " + String.format(java.util.Locale.ROOT, "%.1f", cpu) + " s of processor time (all "
                    + "threads of the JVM); load average before the call " + String.format(java.util.Locale.ROOT,
                    "%.1f", load);
            System.out.println("[bench] impact over " + decisions + " decisions: " + seconds + " s; " + note + "; the response " + response.body().length() + " characters");
            report.add(Figure.atMost(SECTION, "impact of a rule change over " + decisions + " stored decisions", seconds,
                    "s", 10, note));
        } finally {
            WorkFolders.delete(dir);
        }
    }

    /** The rules folder zipped, the works-and-goods bond cap lowered to 600,000. */
    private static String candidate() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path rules = Path.of("rules");
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(rules)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = rules.relativize(file).toString().replace('\\', '/');
                String content = Files.readString(file, StandardCharsets.UTF_8);
                if (relative.equals("policy/parameters.yaml")) {
                    content = content.replace("  bond.cap.works-goods:\n    value: 800000\n",
                            "  bond.cap.works-goods:\n    value: 600000\n");
                }
                zip.putNextEntry(new ZipEntry("rules/" + relative));
                zip.write(content.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** Runs this section alone: {@code java -cp ... io.huitong.bench.impact.ImpactBench}. */
    public static void main(String[] args) throws Exception {
        Report report = new Report();
        new ImpactBench().run(report, Scale.valueOf(System.getProperty("bench.scale", "full").toUpperCase()));
        report.figures().forEach(f -> System.out.println("[bench] " + f));
        System.exit(0);
    }
}

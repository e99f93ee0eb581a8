package io.huitong.bench.registry;

import io.huitong.bench.BenchApp;
import io.huitong.bench.Figure;
import io.huitong.bench.Latencies;
import io.huitong.bench.Report;
import io.huitong.bench.Section;
import io.huitong.bench.WorkFolders;
import io.huitong.registry.BidderFacts;
import io.huitong.registry.ImportKind;
import io.huitong.registry.ImportResult;
import io.huitong.registry.RegistryFacts;
import io.huitong.registry.RegistryImport;
import io.huitong.registry.Source;
import io.huitong.shared.party.CreditCodes;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The trading-entity registry at the size of issue 18 (Hefei: over 100,000 entities, about a million performance
 * records): CSV files of 100,000 entities, each with a qualification, a registered person and an assignment, and
 * 1,000,000 performance records (ten per entity) are generated, then loaded into H2 in a file through the bulk import
 * (the Java API the administrators' door calls), file by file in the order they depend on; timed: the whole load
 * (target ≤ 10 minutes). Then {@link RegistryFacts} is asked about random bidders with their project manager, a kind of
 * works and a three-year period, as an eligibility check asks it:
 * p50 and p99 over 20,000 lookups after 5,000 to warm up; then the whole eligibility check of one bid — those facts,
 * what the documents require and the rule set deciding on them (rules/qualification) — the same way (target p99 ≤ 10 ms
 * for the whole check).
 */
public final class RegistryBench implements Section {

    static final String SECTION = "registry";
    static final String[] KINDS = {"房屋建筑工程", "市政公用工程", "公路工程", "水利水电工程", "机电工程"};
    static final String[] GRADES = {"特级", "一级", "二级", "三级"};

    @Override
    public String name() {
        return SECTION;
    }

    @Override
    public void run(Report report, Scale scale) throws Exception {
        int entities = scale.pick(100_000, 10_000);
        int perEntity = 10;
        Path dir = Files.createTempDirectory("huitong-bench-registry");
        try {
            Map<ImportKind, Path> files = generate(dir, entities, perEntity);
            try (BenchApp app = BenchApp.start(dir, false, Map.of())) {
                RegistryImport imports = app.bean(RegistryImport.class);
                Map<ImportKind, Double> seconds = new LinkedHashMap<>();
                long started = System.nanoTime();
                for (Map.Entry<ImportKind, Path> file : files.entrySet()) {
                    long t = System.nanoTime();
                    ImportResult result = imports.load(file.getKey(), Source.SELF, file.getValue(), "bench");
                    seconds.put(file.getKey(), (System.nanoTime() - t) / 1e9);
                    System.out.printf(Locale.ROOT, "[bench] registry: %,d %s in %.1f s%n", result.rows(),
                            file.getKey(), seconds.get(file.getKey()));
                }
                double total = (System.nanoTime() - started) / 1e9;
                String split = String.join(", ", seconds.entrySet().stream().map(e -> e.getKey().name()
                        .toLowerCase(Locale.ROOT) + " " + String.format(Locale.ROOT, "%.0f s", e.getValue())).toList());
                report.add(Figure.atMost(SECTION, String.format(Locale.ROOT, "bulk load of %,d entities (each with a "
                        + "qualification, a person, an assignment) and %,d performance records", entities,
                        entities * perEntity), total, "s", 600, "CSV through RegistryImport (checked whole, then JDBC "
                        + "batches), H2 in a file: " + split));

                RegistryFacts facts = app.bean(RegistryFacts.class);
                LocalDate deadline = LocalDate.parse("2026-12-21");
                SplittableRandom random = new SplittableRandom(18);
                Latencies latencies = new Latencies();
                long found = 0;
                int lookups = scale.pick(20_000, 5_000);
                for (int i = 0; i < 5_000 + lookups; i++) {
                    int n = random.nextInt(entities);
                    String kind = KINDS[random.nextInt(KINDS.length)];
                    long t = System.nanoTime();
                    BidderFacts f = facts.of(code(n), deadline, certificate(n), kind, deadline.minusYears(3));
                    long took = System.nanoTime() - t;
                    if (f.entity() == null || f.projectManager() == null || f.qualifications().isEmpty()) {
                        throw new IllegalStateException("facts of entity " + n + " incomplete: " + f);
                    }
                    if (i >= 5_000) {
                        latencies.record(took);
                        found += f.performance().size();
                    }
                }
                String note = String.format(Locale.ROOT, "RegistryFacts.of(credit code, deadline, manager, kind of "
                        + "works, 3 years) for random bidders, one thread, %,d lookups after 5,000 to warm up; "
                        + "%.1f performance records matched on average; p50 %.3f ms; the facts alone",
                        lookups, (double) found / lookups, latencies.p50());
                report.add(Figure.atMost(SECTION, String.format(Locale.ROOT, "registry facts of a bidder at %,d "
                        + "entities / %,d performance records, p99", entities, entities * perEntity),
                        latencies.p99(), "ms", 10, note));

                // the whole eligibility check of one bid: the registry's facts, what the documents require, and the
                // rule set deciding on them (rules/qualification: qualification, performance, project manager)
                io.huitong.rules.RuleSet ruleSet = app.bean(io.huitong.rules.RuleSetRegistry.class).active();
                Latencies checks = new Latencies();
                long refused = 0;
                long invalid = 0;
                for (int i = 0; i < 5_000 + lookups; i++) {
                    int n = random.nextInt(entities);
                    String kind = KINDS[n % KINDS.length];
                    String code = code(n);
                    long t = System.nanoTime();
                    BidderFacts f = facts.of(code, deadline, certificate(n), kind, deadline.minusYears(3));
                    java.util.List<Object> in = new java.util.ArrayList<>();
                    in.add(new io.huitong.qualification.RegistryEntry(code, f.registered()));
                    in.add(new io.huitong.qualification.QualificationRequired(code, kind + "施工总承包", "二级",
                            deadline));
                    in.addAll(f.qualifications());
                    in.add(new io.huitong.qualification.PerformanceRequired(code, kind, 2,
                            new java.math.BigDecimal("10000000.00"), deadline.minusYears(3), deadline));
                    in.addAll(f.performance());
                    in.add(new io.huitong.qualification.ManagerRequired("bid-" + n, code, "投标人" + n, certificate(n),
                            kind, deadline, "bench-tender"));
                    in.add(f.projectManager());
                    in.addAll(f.managerAssignments());
                    io.huitong.rules.RuleSet.Evaluation e = ruleSet.evaluate(deadline, in);
                    long took = System.nanoTime() - t;
                    if (i >= 5_000) {
                        checks.record(took);
                        refused += e.all(io.huitong.rules.Refusal.class).isEmpty() ? 0 : 1;
                        invalid += e.all(io.huitong.bidding.BidInvalidated.class).isEmpty() ? 0 : 1;
                    }
                }
                report.add(Figure.atMost(SECTION, String.format(Locale.ROOT, "full eligibility check of one bid at %,d "
                        + "entities / %,d performance records, p99", entities, entities * perEntity),
                        checks.p99(), "ms", 10, String.format(Locale.ROOT, "RegistryFacts and the rule set deciding "
                                + "(rules/qualification: qualification kind and grade valid on the deadline, 2 "
                                + "projects of 10,000,000 in 3 years, the project manager registered and free), one "
                                + "thread, %,d checks after 5,000 to warm up; p50 %.3f ms; %.0f%% refused at "
                                + "submission, %.0f%% invalid at the opening", lookups, checks.p50(),
                                100.0 * refused / lookups, 100.0 * invalid / lookups)));
            }
        } finally {
            WorkFolders.delete(dir);
        }
    }

    static String code(int n) {
        return CreditCodes.withCheck("91410100" + String.format(Locale.ROOT, "%09d", n));
    }

    static String certificate(int n) {
        return "豫1" + String.format(Locale.ROOT, "%012d", n);
    }

    /** The five files, in the order they load (each refers to the ones before). */
    static Map<ImportKind, Path> generate(Path dir, int entities, int perEntity) throws IOException {
        Map<ImportKind, Path> files = new LinkedHashMap<>();
        SplittableRandom random = new SplittableRandom(32100);
        LocalDate base = LocalDate.parse("2016-01-01");
        try (BufferedWriter e = writer(dir, files, ImportKind.ENTITIES);
                BufferedWriter q = writer(dir, files, ImportKind.QUALIFICATIONS);
                BufferedWriter p = writer(dir, files, ImportKind.PERSONNEL);
                BufferedWriter a = writer(dir, files, ImportKind.ASSIGNMENTS);
                BufferedWriter r = writer(dir, files, ImportKind.PERFORMANCE)) {
            e.write("creditCode,name,entityType,legalRepresentative,regionCode\n");
            q.write("creditCode,kind,grade,issuer,number,validFrom,validTo\n");
            p.write("certificateNo,name,registrationKind,speciality,employerCode,validTo\n");
            a.write("certificateNo,creditCode,project,projectCode,client,startDate,completedOn,stoppedSince,"
                    + "clientConsent\n");
            r.write("creditCode,project,client,amount,startDate,endDate,role,worksKind\n");
            for (int n = 0; n < entities; n++) {
                String code = code(n);
                String kind = KINDS[n % KINDS.length];
                LocalDate from = base.plusDays(random.nextInt(3_000));
                e.write(code + ",测试建设集团第" + n + "公司,有限责任公司,法人" + n + ",410100\n");
                q.write(code + "," + kind + "施工总承包," + GRADES[n % GRADES.length] + ",河南省住房和城乡建设厅,D"
                        + n + "," + from + "," + from.plusYears(5) + "\n");
                p.write(certificate(n) + ",建造师" + n + ",一级注册建造师," + kind + "," + code + ","
                        + from.plusYears(6) + "\n");
                LocalDate start = LocalDate.parse("2024-01-01").plusDays(random.nextInt(1_000));
                a.write(certificate(n) + "," + code + ",在建项目" + n + ",XM" + n + ",建设单位" + n % 997 + "," + start
                        + "," + (n % 2 == 0 ? start.plusDays(400) : "") + ",,false\n");
                for (int i = 0; i < perEntity; i++) {
                    LocalDate s = base.plusDays(random.nextInt(3_600));
                    r.write(code + ",业绩项目" + n + "-" + i + ",业主单位" + (n + i) % 9973 + ","
                            + (1_000_000 + random.nextInt(99_000_000)) + ".00," + s + "," + s.plusDays(180
                                    + random.nextInt(720)) + ",施工总承包," + KINDS[random.nextInt(KINDS.length)]
                            + "\n");
                }
            }
        }
        return files;
    }

    private static BufferedWriter writer(Path dir, Map<ImportKind, Path> files, ImportKind kind) throws IOException {
        Path file = dir.resolve(kind.name().toLowerCase(Locale.ROOT) + ".csv");
        files.put(kind, file);
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    /**
     * Runs this section alone: {@code ./mvnw -B -Pbench verify -Dbench.only=registry} (add {@code -Dbench.scale=quick}
     * for 10,000 entities), or with the test classpath {@code java -cp … io.huitong.bench.registry.RegistryBench}.
     */
    public static void main(String[] args) throws Exception {
        Report report = new Report();
        new RegistryBench().run(report, Scale.valueOf(System.getProperty("bench.scale", "full").toUpperCase(Locale.ROOT)));
        report.figures().forEach(f -> System.out.println("[bench] " + f));
        System.exit(0);
    }
}

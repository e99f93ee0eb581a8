package io.huitong.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Start-up: the packaged jar started as a centre starts it (the JVM options of {@code docker/Dockerfile}), with the
 * demo profile, in a folder of its own (no {@code rules/} or {@code processes/} there: the packaged copies, as in
 * the image), timed from the process start to the first 200 of {@code /actuator/health/readiness}, and its resident
 * memory at that moment. <em>Fresh</em> starts on an empty data folder (H2 file, Flyway, the engine's schema, the
 * models, the demo users and pool); <em>restart</em> starts again on the same folder after a graceful stop.
 * <p>
 * Measured twice: {@code java -jar huitong.jar}, and the way the image runs it, extracted
 * ({@code -Djarmode=tools extract}) with a Class Data Sharing archive of the classes a training run loaded
 * ({@code -Dspring.context.exit=onRefresh}, no profile, a scratch data folder), as {@code docker/Dockerfile} builds
 * it.
 */
public final class StartupBench implements Section {

    /** The JVM options of docker/Dockerfile's ENTRYPOINT (without its archive). */
    static final List<String> PRODUCTION_OPTIONS = List.of("-XX:MaxRAMPercentage=75", "-Duser.timezone=Asia/Shanghai");

    private static final Duration READY_WITHIN = Duration.ofMinutes(3);
    private static final double TARGET_SECONDS = 10;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    public String name() {
        return "startup";
    }

    /** How one variant is launched: the JVM options before {@code -jar} and the jar. */
    private record Launch(String label, List<String> options, Path jar) {
    }

    /** One start: seconds to readiness and resident MB then. */
    private record Start(double seconds, double residentMegabytes) {
    }

    @Override
    public void run(Report report, Scale scale) throws Exception {
        int runs = scale.pick(3, 1);
        String jarProperty = System.getProperty("huitong.jar");
        if (jarProperty == null || !Files.isRegularFile(Path.of(jarProperty))) {
            throw new IllegalStateException("run through ./mvnw -Pbench verify: the packaged jar is needed, not "
                    + jarProperty);
        }
        Path jar = Path.of(jarProperty).toAbsolutePath();
        Path work = Path.of(System.getProperty("bench.out", "target/benchmark")).toAbsolutePath().resolve("startup");
        WorkFolders.delete(work);
        Files.createDirectories(work);

        Launch plain = new Launch("java -jar", PRODUCTION_OPTIONS, jar);
        long preparing = System.nanoTime();
        Launch cds = withClassDataSharing(jar, work.resolve("cds"));
        double training = (System.nanoTime() - preparing) / 1e9;
        // interleaved, so that whatever else the machine does falls on both alike
        List<Start>[] plainRuns = newRuns();
        List<Start>[] cdsRuns = newRuns();
        for (int i = 1; i <= runs; i++) {
            measure(plain, work.resolve("plain").resolve("run-" + i), plainRuns);
            measure(cds, work.resolve("cds").resolve("run-" + i), cdsRuns);
        }
        add(report, plain, plainRuns);
        add(report, cds, cdsRuns);

        report.note(String.format(Locale.ROOT,
                "startup: %s → extracted + CDS, same run: fresh %.1f → %.1f s, restart %.1f → %.1f s; resident "
                        + "memory fresh %.0f → %.0f MB (extraction, training run and archive took %.0f s, once per image)",
                plain.label(), median(plainRuns[0], Start::seconds), median(cdsRuns[0], Start::seconds),
                median(plainRuns[1], Start::seconds), median(cdsRuns[1], Start::seconds),
                median(plainRuns[0], Start::residentMegabytes), median(cdsRuns[0], Start::residentMegabytes),
                training));
        // the logs stay for a look; the databases and the extracted application with its archive (~200 MB) go
        WorkFolders.delete(work.resolve("cds").resolve("app"));
        try (Stream<Path> data = Files.find(work, 4, (p, a) -> a.isDirectory() && p.getFileName().toString()
                .equals("data"))) {
            for (Path dir : data.toList()) {
                WorkFolders.delete(dir);
            }
        }
    }

    private void add(Report report, Launch launch, List<Start>[] measured) {
        String[] kinds = {"fresh H2", "restart on the same data"};
        String how = String.join(" ", launch.options().stream()
                .map(o -> o.startsWith("-XX:SharedArchiveFile=") ? "-XX:SharedArchiveFile=huitong.jsa" : o).toList())
                + " -jar " + launch.jar().getFileName()
                + " --spring.profiles.active=demo; process start → readiness 200, median of " + measured[0].size()
                + " (runs interleaved with the other variant)";
        for (int k = 0; k < 2; k++) {
            List<Start> starts = measured[k];
            double seconds = median(starts, Start::seconds);
            String name = "start-up to readiness, " + kinds[k] + " (" + launch.label() + ")";
            report.add(Figure.atMost("startup", name, seconds, "s", TARGET_SECONDS, how));
            report.add(Figure.of("startup", "resident memory at readiness, " + kinds[k] + " (" + launch.label() + ")",
                    median(starts, Start::residentMegabytes), "MB", "VmRSS of the process when readiness answered 200"));
            report.note(String.format(Locale.ROOT, "startup %s, %s: %s s (min %.1f, max %.1f); RSS %s MB",
                    launch.label(), kinds[k], list(starts, Start::seconds), min(starts, Start::seconds),
                    max(starts, Start::seconds), list(starts, Start::residentMegabytes)));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Start>[] newRuns() {
        return new List[] {new ArrayList<Start>(), new ArrayList<Start>()};
    }

    /** A fresh start on a new data folder, then a restart on it: into [fresh starts, restarts]. */
    private void measure(Launch launch, Path dir, List<Start>[] into) throws Exception {
        Files.createDirectories(dir);
        into[0].add(startAndStop(launch, dir, "fresh"));
        into[1].add(startAndStop(launch, dir, "restart"));
    }

    private Start startAndStop(Launch launch, Path dir, String kind) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(launch.options());
        command.addAll(List.of("-jar", launch.jar().toString(), "--server.port=" + port,
                "--spring.profiles.active=demo"));
        Path log = dir.resolve(kind + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            double seconds = awaitReady(process, port, start, log);
            double rss = Machine.residentMegabytes(process.pid());
            System.out.printf(Locale.ROOT, "[bench] startup %-28s %-8s %6.2f s  %5.0f MB%n", launch.label(), kind,
                    seconds, rss);
            return new Start(seconds, rss);
        } finally {
            stop(process);
        }
    }

    private double awaitReady(Process process, int port, long start, Path log) throws Exception {
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).GET().build();
        long until = start + READY_WITHIN.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("exited " + process.exitValue() + ":\n" + tail(log));
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - start) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(25);
        }
        throw new IllegalStateException("not ready within " + READY_WITHIN + ":\n" + tail(log));
    }

    /** SIGTERM: a graceful stop, as an orchestrator does it, so the restart finds the data as it is left then. */
    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * The image's way, step by step as docker/Dockerfile does it: the jar extracted, a training run that lists the
     * classes loaded until the context has refreshed, a static archive of them (without the lambda lines of the signed
     * Eclipse compiler jar, on which JDK 17's archiving crashes), then every start with {@code -XX:SharedArchiveFile}.
     */
    private Launch withClassDataSharing(Path jar, Path base) throws Exception {
        Path app = base.resolve("app");
        Path training = base.resolve("training");
        Files.createDirectories(training);
        run(base, base.resolve("extract.log"), java(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
                "--destination", app.toString());
        Path extracted = app.resolve(jar.getFileName());
        Path classList = base.resolve("huitong.classlist");
        List<String> command = new ArrayList<>(List.of(java(), "-XX:DumpLoadedClassList=" + classList,
                "-Dspring.context.exit=onRefresh"));
        command.addAll(PRODUCTION_OPTIONS);
        command.addAll(List.of("-jar", extracted.toString(), "--huitong.data-dir=" + training.resolve("data"),
                "--server.port=0"));
        run(training, base.resolve("training.log"), command.toArray(String[]::new));
        Path classes = base.resolve("huitong.classes");
        try (Stream<String> lines = Files.lines(classList, StandardCharsets.UTF_8)) {
            Files.write(classes, lines.filter(l -> !(l.startsWith("@lambda-proxy") && l.contains("org/eclipse/jdt")))
                    .toList(), StandardCharsets.UTF_8);
        }
        Path archive = app.resolve("huitong.jsa");
        run(app, base.resolve("dump.log"), java(), "-Xshare:dump", "-XX:SharedClassListFile=" + classes,
                "-XX:SharedArchiveFile=" + archive, "-jar", extracted.toString());
        List<String> options = new ArrayList<>();
        options.add("-XX:SharedArchiveFile=" + archive);
        options.addAll(PRODUCTION_OPTIONS);
        return new Launch("extracted + CDS", options, extracted);
    }

    private static void run(Path dir, Path log, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish:\n" + tail(log));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue() + ":\n"
                    + tail(log));
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static double median(List<Start> starts, java.util.function.ToDoubleFunction<Start> value) {
        double[] sorted = starts.stream().mapToDouble(value).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(List<Start> starts, java.util.function.ToDoubleFunction<Start> value) {
        return starts.stream().mapToDouble(value).min().orElse(Double.NaN);
    }

    private static double max(List<Start> starts, java.util.function.ToDoubleFunction<Start> value) {
        return starts.stream().mapToDouble(value).max().orElse(Double.NaN);
    }

    private static String list(List<Start> starts, java.util.function.ToDoubleFunction<Start> value) {
        return String.join(", ", starts.stream().mapToDouble(value)
                .mapToObj(v -> String.format(Locale.ROOT, "%.1f", v)).toList());
    }
}

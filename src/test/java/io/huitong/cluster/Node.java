package io.huitong.cluster;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One node of Huitong as a real process: the packaged jar (the {@code huitong.jar} system property) started with
 * the postgres profile against a shared database, talked to over HTTP, stopped or killed.
 */
public final class Node implements AutoCloseable {

    final String name;
    final int port;
    final Path dir;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The same node started again on its directory (and database) after it stopped or was killed. */
    public Node restart(String profiles, String jdbcUrl, String... extra) throws IOException {
        return startOn(name, profiles, jdbcUrl, dir, port, extra);
    }

    private Node(String name, int port, Path dir, Process process) {
        this.name = name;
        this.port = port;
        this.dir = dir;
        this.process = process;
    }

    /** Starts a node in its own working directory (with no ./rules or ./processes: the packaged copies). */
    public static Node start(String name, String jdbcUrl, Path dir, String... extra) throws IOException {
        return start(name, "postgres,demo", jdbcUrl, dir, extra);
    }

    /** A node with the profiles given; without postgres it keeps its H2 file under its directory's data/. */
    public static Node start(String name, String profiles, String jdbcUrl, Path dir, String... extra) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return startOn(name, profiles, jdbcUrl, dir, port, extra);
    }

    private static Node startOn(String name, String profiles, String jdbcUrl, Path dir, int port, String... extra)
            throws IOException {
        Files.createDirectories(dir);
        String jar = System.getProperty("huitong.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("run through Maven's verify: the packaged jar is needed, not " + jar);
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx600m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8",
                "-jar", jar, "--server.port=" + port, "--spring.profiles.active=" + profiles,
                "--huitong.data-dir=" + dir.resolve("data"), "--huitong.tasks.sweep=false",
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                // the tests wait for jobs: an idle executor looks again within 2 s, not the profile's 60 s
                "--camunda.bpm.job-execution.max-wait=2000"));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("node.log").toFile()));
        if (jdbcUrl != null) {
            builder.environment().put("HUITONG_DB_URL", jdbcUrl);
        }
        builder.environment().put("HUITONG_DB_USER", "postgres");
        builder.environment().put("HUITONG_DB_PASSWORD", "postgres");
        return new Node(name, port, dir, builder.start());
    }

    /** Waits for readiness (database and engine up), at most the time given; the log's tail if it fails. */
    public Node awaitReady(Duration within) throws IOException, InterruptedException {
        Instant until = Instant.now().plus(within);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (get(null, "/actuator/health/readiness").statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            process.waitFor(500, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException(name + " not ready in " + within + ":\n" + tail());
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("node.log"), StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    public HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
        return send(user, HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String user, String path, String json) throws IOException, InterruptedException {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> send(String user, HttpRequest.Builder request) throws IOException, InterruptedException {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** An administrator creates a bidder account acting for the entity of that credit code (password = user). */
    void bidderAccount(String user, String creditCode, String name) throws IOException, InterruptedException {
        post("demo", "/engine-rest/user/create", "{\"profile\":{\"id\":\"" + user + "\",\"firstName\":\"" + name
                + "\",\"lastName\":\"(test)\"},\"credentials\":{\"password\":\"" + user + "\"}}");
        send("demo", HttpRequest.newBuilder(uri("/engine-rest/group/bidder/members/" + user))
                .PUT(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> bound = send("demo", HttpRequest.newBuilder(uri("/api/bidder-accounts/" + user))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"creditCode\":\"" + creditCode + "\",\"name\":\"" + name + "\"}", StandardCharsets.UTF_8)));
        if (bound.statusCode() != 200) {
            throw new IllegalStateException("bidder account " + user + ": " + bound.body());
        }
    }

    /** Deploys one model through the engine's REST API (multipart), as an administrator. */
    HttpResponse<String> deploy(String fileName, String bpmn) throws IOException, InterruptedException {
        String boundary = "----huitong" + java.util.UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
                + fileName + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary
                + "--\r\n";
        return send("demo", HttpRequest.newBuilder(uri("/engine-rest/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}

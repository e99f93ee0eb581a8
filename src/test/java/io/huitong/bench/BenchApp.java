package io.huitong.bench;

import io.huitong.HuitongApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Huitong running inside the benchmark's JVM, on a port of its own, with the demo users: its beans (the service
 * layer) and its HTTP doors side by side. The database is H2 in a file under the folder given, unless the
 * properties say otherwise (PostgreSQL).
 */
public final class BenchApp implements AutoCloseable {

    public final ConfigurableApplicationContext context;
    public final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> authorization = new ConcurrentHashMap<>();

    private BenchApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
    }

    /**
     * Starts Huitong with the demo profile (and any others), H2 under {@code dir} and the job executor as given;
     * further properties override.
     */
    public static BenchApp start(Path dir, boolean jobExecutor, Map<String, Object> properties, String... profiles) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("server.port", 0);
        all.put("huitong.data-dir", dir.toAbsolutePath().resolve("data").toString());
        all.put("camunda.bpm.job-execution.enabled", jobExecutor);
        all.put("camunda.bpm.generate-unique-process-engine-name", false);
        all.put("huitong.tasks.sweep", false);
        all.put("logging.level.root", "warn");
        all.put("logging.level.org.camunda.bpm.engine.context", "off");
        all.put("spring.main.banner-mode", "off");
        all.putAll(properties);
        String[] active = new String[profiles.length + 1];
        active[0] = "demo";
        System.arraycopy(profiles, 0, active, 1, profiles.length);
        // as command-line arguments: they outrank application.yaml (default properties would not)
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new BenchApp(new SpringApplicationBuilder(HuitongApplication.class).profiles(active).run(args));
    }

    public ProcessEngine engine() {
        return context.getBean(ProcessEngine.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /**
     * The bidder account of bidder n, which acts for {@code LifecycleTest.bidderId(n)} only: the demo's
     * {@code bidder1}…{@code bidder5}, or a user created and bound here (password = user name).
     */
    public String bidder(int n) {
        String user = "bidder" + n;
        org.camunda.bpm.engine.IdentityService identity = engine().getIdentityService();
        synchronized (this) {
            if (identity.createUserQuery().userId(user).count() == 0) {
                org.camunda.bpm.engine.identity.User created = identity.newUser(user);
                created.setFirstName("投标人" + n);
                created.setLastName("(bench)");
                created.setPassword(user);
                identity.saveUser(created);
                identity.createMembership(user, io.huitong.shared.security.Groups.BIDDER);
            }
            io.huitong.shared.party.BidderAccounts accounts = bean(io.huitong.shared.party.BidderAccounts.class);
            if (accounts.of(user).isEmpty()) {
                accounts.bind(user, io.huitong.support.LifecycleTest.bidderId(n), "投标人" + n, "bench");
            }
        }
        return user;
    }

    public HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
        return send(user, HttpRequest.newBuilder(uri(path)).GET());
    }

    public HttpResponse<String> post(String user, String path, String json) throws IOException, InterruptedException {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** Sends as the demo user (whose password is the user name), or anonymously. */
    public HttpResponse<String> send(String user, HttpRequest.Builder request) throws IOException, InterruptedException {
        if (user != null) {
            request.header("Authorization", authorization.computeIfAbsent(user, u -> "Basic " + Base64.getEncoder()
                    .encodeToString((u + ":" + u).getBytes(StandardCharsets.UTF_8))));
        }
        return http.send(request.timeout(Duration.ofSeconds(120)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() {
        context.close();
    }
}

package io.huitong.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Killed with SIGKILL under load, then started again, on H2 (the default) and on PostgreSQL: every request that was
 * acknowledged is there and whole (its decision and its running approval), waiting processes go on, and timers that
 * fell due while the node was down fire.
 */
class DurabilityIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void h2_loses_nothing_acknowledged() throws Exception {
        killUnderLoadAndRestart("h2", "demo", null);
    }

    @Test
    void postgres_loses_nothing_acknowledged() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            killUnderLoadAndRestart("pg", "postgres,demo",
                    "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres");
        }
    }

    void killUnderLoadAndRestart(String name, String profiles, String jdbcUrl) throws Exception {
        Path dir = Path.of("target", "durability-" + name + "-" + UUID.randomUUID()).toAbsolutePath();
        Node node = Node.start(name, profiles, jdbcUrl, dir);
        Node restarted = null;
        try {
            node.awaitReady(Duration.ofMinutes(3));
            deployTimer(node);
            for (int i = 0; i < 5; i++) {
                assertThat(node.post("demo", "/engine-rest/process-definition/key/durability-timer/start", "{}")
                        .statusCode()).isEqualTo(200);
            }
            // four clients register tenders as fast as they are answered; the node is killed in the middle
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(4);
            for (int c = 0; c < 4; c++) {
                clients.submit(() -> {
                    while (running.get()) {
                        try {
                            HttpResponse<String> r = node.post("purchaser", "/api/tenders",
                                    PostgresClusterIT.registration("持久性 " + UUID.randomUUID()));
                            if (r.statusCode() == 201) {
                                acknowledged.add(JSON.readTree(r.body()).get("id").asText());
                            }
                        } catch (Exception connectionGone) {
                            return null;
                        }
                    }
                    return null;
                });
            }
            Instant until = Instant.now().plus(Duration.ofMinutes(1));
            while (acknowledged.size() < 30 && Instant.now().isBefore(until)) {
                Thread.sleep(50);
            }
            node.kill();
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            assertThat(acknowledged).as("load before the kill").hasSizeGreaterThanOrEqualTo(10);

            restarted = node.restart(profiles, jdbcUrl);
            restarted.awaitReady(Duration.ofMinutes(3));
            for (String id : acknowledged) {
                HttpResponse<String> r = restarted.get("clerk", "/api/tenders/" + id);
                assertThat(r.statusCode()).as("acknowledged tender " + id).isEqualTo(200);
                JsonNode tender = JSON.readTree(r.body());
                assertThat(tender.get("status").asText()).isEqualTo("PENDING_APPROVAL");
                assertThat(restarted.get("clerk", "/api/decisions/" + tender.get("decisionId").asText()).statusCode())
                        .as("its decision record").isEqualTo(200);
                assertThat(tender.get("openTasks")).as("its approval waits").hasSize(1);
            }
            // a waiting process goes on after the restart
            String first = acknowledged.iterator().next();
            assertThat(restarted.post("clerk", "/api/tenders/" + first + "/approval",
                    "{\"approved\":true,\"comment\":\"ok\"}").statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(restarted.get("clerk", "/api/tenders/" + first).body()).get("approval")
                    .get("openStep").get("group").asText()).isEqualTo("centre-director");
            // timers that fell due while the node was down fire now
            Instant timers = Instant.now().plus(Duration.ofMinutes(1));
            int ended = 0;
            while (ended < 5 && Instant.now().isBefore(timers)) {
                Thread.sleep(200);
                ended = JSON.readTree(restarted.get("demo", "/engine-rest/history/process-instance/count"
                        + "?processDefinitionKey=durability-timer&finished=true").body()).get("count").asInt();
            }
            assertThat(ended).isEqualTo(5);
        } finally {
            node.kill();
            if (restarted != null) {
                restarted.close();
            }
        }
    }

    static void deployTimer(Node node) throws Exception {
        String bpmn = PostgresClusterIT.TIMER.replace("cluster-timer", "durability-timer").replace("PT1S", "PT8S");
        HttpResponse<String> deployed = node.deploy("durability-timer.bpmn", bpmn);
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    }
}

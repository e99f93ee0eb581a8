package io.huitong;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huitong.support.ApiTest;
import io.huitong.support.Standalone;
import java.nio.file.Path;
import java.util.Date;
import java.time.Instant;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.DefaultResponseErrorHandler;
import org.springframework.web.client.RestTemplate;

/**
 * Stop and start on the default file database: tenders, decision records, waiting approval tasks, the rule-set
 * version and the deployed models are all still there, and the route goes on where it stopped.
 */
class RestartTest {

    @TempDir
    Path dataDir;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setClock() {
        ClockUtil.setCurrentTime(Date.from(ApiTest.NOW.toInstant()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(HuitongApplication.class)
                .profiles("demo")
                .run(Standalone.args("--huitong.data-dir=" + dataDir, "--camunda.bpm.job-execution.enabled=false",
                        "--camunda.bpm.metrics.enabled=false"));
    }

    private ResponseEntity<String> call(ConfigurableApplicationContext app, String user, HttpMethod method,
            String path, String body) {
        RestTemplate rest = new RestTemplateBuilder().errorHandler(new DefaultResponseErrorHandler() {
            @Override
            public boolean hasError(org.springframework.http.client.ClientHttpResponse response) {
                return false;
            }
        }).build();
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        String port = app.getEnvironment().getProperty("local.server.port");
        return rest.exchange("http://localhost:" + port + path, method, new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode read(ResponseEntity<String> response) throws Exception {
        return json.readTree(response.getBody());
    }

    @Test
    void pending_timers_fire_at_their_dates_after_a_restart() throws Exception {
        String id;
        try (ConfigurableApplicationContext first = start()) {
            id = read(call(first, "purchaser", HttpMethod.POST, "/api/tenders", works().toString())).get("id").asText();
            call(first, "clerk", HttpMethod.POST, "/api/tenders/" + id + "/approval", "{\"approved\":true}");
            call(first, "director", HttpMethod.POST, "/api/tenders/" + id + "/approval", "{\"approved\":true}");
            runDueJobs(first);
            assertThat(read(call(first, "demo", HttpMethod.GET, "/api/tenders/" + id, null)).get("status").asText())
                    .isEqualTo("APPROVED");
        }

        try (ConfigurableApplicationContext second = start()) {
            var jobs = second.getBean(ManagementService.class);
            assertThat(jobs.createJobQuery().timers().singleResult().getDuedate())
                    .isEqualTo(Date.from(Instant.parse("2026-11-30T16:00:00Z")));
            ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T15:59:59Z")));
            assertThat(runDueJobs(second)).as("not yet due").isZero();
            ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T16:00:01Z")));
            assertThat(runDueJobs(second)).isPositive();
            assertThat(read(call(second, "demo", HttpMethod.GET, "/api/tenders/" + id, null)).get("status").asText())
                    .isEqualTo("BIDDING");
            assertThat(jobs.createJobQuery().timers().singleResult().getDuedate())
                    .as("the next timer waits for the bid deadline")
                    .isEqualTo(Date.from(Instant.parse("2026-12-21T01:30:00Z")));
        }
    }

    private static int runDueJobs(ConfigurableApplicationContext app) {
        var jobs = app.getBean(ManagementService.class);
        int ran = 0;
        for (var due = jobs.createJobQuery().executable().list(); !due.isEmpty();
                due = jobs.createJobQuery().executable().list()) {
            for (var job : due) {
                jobs.executeJob(job.getId());
                ran++;
            }
        }
        return ran;
    }

    @Test
    void nothing_acknowledged_is_lost_and_the_route_goes_on() throws Exception {
        String id;
        String version;
        String decisionId;
        try (ConfigurableApplicationContext first = start()) {
            JsonNode created = read(call(first, "purchaser", HttpMethod.POST, "/api/tenders", works().toString()));
            id = created.get("id").asText();
            version = created.get("ruleSetVersion").asText();
            decisionId = created.get("decisionId").asText();
            var approved = call(first, "clerk", HttpMethod.POST, "/api/tenders/" + id + "/approval",
                    "{\"approved\":true,\"comment\":\"材料齐全\"}");
            assertThat(approved.getStatusCode().value()).isEqualTo(200);
        }
        assertThat(dataDir.resolve("huitong.mv.db")).as("the database is the file under the data folder").exists();

        try (ConfigurableApplicationContext second = start()) {
            JsonNode tender = read(call(second, "director", HttpMethod.GET, "/api/tenders/" + id, null));
            assertThat(tender.get("status").asText()).isEqualTo("PENDING_APPROVAL");
            assertThat(tender.get("ruleSetVersion").asText()).isEqualTo(version);
            assertThat(tender.get("approval").get("steps")).hasSize(1);
            assertThat(tender.get("approval").get("openStep").get("group").asText()).isEqualTo("centre-director");

            JsonNode decisions = read(call(second, "director", HttpMethod.GET, "/api/tenders/" + id + "/decisions", null));
            assertThat(decisions).hasSize(1);
            assertThat(decisions.get(0).get("id").asText()).isEqualTo(decisionId);

            JsonNode rules = read(call(second, "director", HttpMethod.GET, "/api/rules", null));
            assertThat(rules.get("activeVersion").asText()).isEqualTo(version);
            assertThat(rules.get("versions")).hasSize(1);
            assertThat(second.getBean(RepositoryService.class).createProcessDefinitionQuery()
                    .processDefinitionKey("tender-registration").count())
                    .as("an unchanged model gets no new version").isEqualTo(1);

            var approved = call(second, "director", HttpMethod.POST, "/api/tenders/" + id + "/approval",
                    "{\"approved\":true}");
            assertThat(approved.getStatusCode().value()).as("the last step: the approval follows as a job").isEqualTo(202);
            assertThat(read(approved).get("approval").get("steps")).hasSize(2);
        }
    }
}

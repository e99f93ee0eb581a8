package io.huitong.shared.time;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.support.LifecycleTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Under the sandbox profile an administrator moves the one clock forward and sets its speed: the engine's timers
 * and the legal checks read the time it was moved to. Nobody else may, nor back, nor with a speed that is none.
 */
@ActiveProfiles("sandbox")
class SandboxClockApiTest extends LifecycleTest {

    @Autowired
    LegalClock legalClock;

    @Test
    void the_administrator_moves_the_clock_that_timers_and_legal_checks_read() {
        String id = registerAndApprove(works());
        assertThat(deadline(id, "documentIssue").get("dueAt").asText()).isEqualTo("2026-12-01T00:00:00+08:00");

        ResponseEntity<String> moved = post("demo", "/api/sandbox/clock",
                "{\"at\":\"2026-12-01T00:00:00+08:00\",\"factor\":0}");
        assertThat(moved.getStatusCode()).as(moved.getBody()).isEqualTo(HttpStatus.OK);
        Instant documentIssue = Instant.parse("2026-11-30T16:00:00Z");
        assertThat(OffsetDateTime.parse(json(moved).get("now").asText()).toInstant()).isEqualTo(documentIssue);
        assertThat(ClockUtil.getCurrentTime().toInstant()).as("the engine's clock").isEqualTo(documentIssue);
        assertThat(legalClock.instant()).as("the legal checks' clock").isEqualTo(documentIssue);
        runDueJobs();
        assertThat(status(id)).isEqualTo("BIDDING");
        assertThat(deadline(id, "bidDeadline").get("dueAt").asText()).isEqualTo("2026-12-21T09:30:00+08:00");

        JsonNode read = json(get("purchaser", "/api/sandbox/clock"));
        assertThat(OffsetDateTime.parse(read.get("now").asText()).toInstant()).as("stopped").isEqualTo(documentIssue);
        assertThat(read.get("factor").asDouble()).isZero();

        ResponseEntity<String> faster = post("demo", "/api/sandbox/clock", "{\"factor\":1440}");
        assertThat(faster.getStatusCode()).as(faster.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json(faster).get("factor").asDouble()).isEqualTo(1440);
        assertThat(legalClock.instant()).isAfterOrEqualTo(documentIssue);
    }

    @Test
    void nobody_else_moves_it_nor_back_nor_without_a_speed() {
        assertThat(post("purchaser", "/api/sandbox/clock", "{\"factor\":1440}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> back = post("demo", "/api/sandbox/clock", "{\"at\":\"2026-11-26T10:00:00+08:00\"}");
        assertThat(back.getStatusCode()).as(back.getBody()).isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<String> negative = post("demo", "/api/sandbox/clock", "{\"factor\":-1}");
        assertThat(negative.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(negative).get("violations").get(0).get("field").asText()).isEqualTo("factor");
        assertThat(post("demo", "/api/sandbox/clock", "{}").getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(post("demo", "/api/sandbox/clock", "{\"speed\":2}").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ClockUtil.getCurrentTime().toInstant()).as("nothing moved").isEqualTo(NOW.toInstant());
    }
}

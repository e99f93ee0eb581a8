package io.huitong.lifecycle;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;

import io.huitong.support.LifecycleTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

/**
 * Acceleration (a day in a minute) shortens the engine's waiting, not the law: a 19-day period is still
 * refused, due dates stay legal, only the timers fire sooner.
 */
@TestPropertySource(properties = "huitong.acceleration.factor=1440")
class AccelerationTest extends LifecycleTest {

    @Test
    void timers_fire_sooner_while_the_legal_arithmetic_stays() {
        var nineteenDays = post("purchaser", "/api/tenders",
                works().with("bidDeadline", "2026-12-20T09:30:00+08:00").toString());
        assertThat(nineteenDays.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(nineteenDays).get("violations").get(0).get("citation").asText()).isEqualTo("TBL 24");

        String id = registerAndApprove(works());
        assertThat(deadline(id, "documentIssue").get("dueAt").asText()).isEqualTo("2026-12-01T00:00:00+08:00");
        String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id)
                .processDefinitionKey(LifecycleProcess.KEY).singleResult().getId();
        Instant timer = engine.getManagementService().createJobQuery().timers().processInstanceId(instance)
                .singleResult().getDuedate().toInstant();
        // 3 days and 14 hours to the legal date, 1440 times faster: about 3.6 minutes
        assertThat(Duration.between(NOW.toInstant(), timer)).isBetween(Duration.ofMinutes(3), Duration.ofMinutes(4));

        clockAt(NOW.plusMinutes(4));
        runDueJobs();
        assertThat(status(id)).isEqualTo("BIDDING");
        assertThat(deadline(id, "bidDeadline").get("dueAt").asText()).isEqualTo("2026-12-21T09:30:00+08:00");
    }
}

package io.huitong.shared.operations;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;

import io.huitong.support.LifecycleTest;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** What an operator reads: probes, Prometheus metrics behind their own account, the tender id in the log context. */
class OperationsTest extends LifecycleTest {

    @Test
    void probes_answer_the_load_balancer_and_metrics_need_the_monitoring_account() {
        assertThat(get(null, "/actuator/health/liveness").getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> ready = get(null, "/actuator/health/readiness");
        assertThat(ready.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(ready).get("status").asText()).isEqualTo("UP");

        String id = registerAndApprove(works());
        at("2026-12-01T08:00:00");
        assertThat(status(id)).isEqualTo("BIDDING");
        assertThat(get(null, "/actuator/prometheus").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get("bidder", "/actuator/prometheus").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> scraped = get("metrics", "/actuator/prometheus");
        assertThat(scraped.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scraped.getBody()).containsPattern("huitong_tenders\\{[^}]*status=\"BIDDING\"[^}]*} [1-9]")
                .contains("huitong_tasks_open", "huitong_incidents_open", "huitong_decision_seconds_count",
                        "http_server_requests_seconds");
        assertThat(get("metrics", "/api/tenders/" + id).getStatusCode()).as("a monitoring account reads metrics only")
                .isIn(HttpStatus.OK, HttpStatus.FORBIDDEN);
    }

    @Test
    void a_request_about_a_tender_carries_its_id_in_the_log_context() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        MockHttpServletRequest request = new MockHttpServletRequest("GET",
                "/api/tenders/0b4e6f3c-2d7a-4c1e-9a55-3f1d2c7b8e90/bids");
        new TenderLogContext().doFilter(request, new MockHttpServletResponse(),
                (req, res) -> seen.set(MDC.get("tenderId")));
        assertThat(seen.get()).isEqualTo("0b4e6f3c-2d7a-4c1e-9a55-3f1d2c7b8e90");
        assertThat(MDC.get("tenderId")).as("removed after the request").isNull();
    }
}

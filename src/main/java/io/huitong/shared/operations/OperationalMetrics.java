package io.huitong.shared.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an operator watches (/actuator/prometheus): tenders by status, open tasks, open incidents. Each is counted
 * at most every 10 seconds however often it is scraped; decision latency is timed where rules run (huitong.decision).
 */
@Component
class OperationalMetrics implements MeterBinder {

    static final String[] STATUSES = {"PENDING_APPROVAL", "RETURNED", "APPROVED", "BIDDING", "SUSPENDED", "CLOSED",
        "OPENED", "EVALUATING", "PUBLICITY", "AWARDING", "AWARDED", "CONTRACTED", "ARCHIVED", "FAILED",
        "METHOD_CHANGED", "TERMINATED"};
    private static final Duration FRESH = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final ProcessEngine engine;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Instant at, Object value) {
    }

    OperationalMetrics(JdbcClient jdbc, ProcessEngine engine) {
        this.jdbc = jdbc;
        this.engine = engine;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String status : STATUSES) {
            Gauge.builder("huitong.tenders", () -> byStatus().getOrDefault(status, 0L)).tag("status", status)
                    .description("Tenders by status").register(registry);
        }
        Gauge.builder("huitong.tasks.open", () -> this.<Long>cached("tasks", () -> engine.getTaskService()
                .createTaskQuery().count())).description("Open user tasks").register(registry);
        Gauge.builder("huitong.incidents.open", () -> this.<Long>cached("incidents", () -> engine.getRuntimeService()
                .createIncidentQuery().count())).description("Open incidents").register(registry);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> byStatus() {
        return (Map<String, Long>) cached("tenders", () -> {
            Map<String, Long> counts = new java.util.HashMap<>();
            jdbc.sql("select status, count(*) from tender group by status")
                    .query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2))).list();
            return counts;
        });
    }

    private <T> T cached(String key, java.util.function.Supplier<T> compute) {
        Cached c = cache.get(key);
        if (c == null || c.at().plus(FRESH).isBefore(Instant.now())) {
            c = new Cached(Instant.now(), compute.get());
            cache.put(key, c);
        }
        @SuppressWarnings("unchecked")
        T value = (T) c.value();
        return value;
    }
}

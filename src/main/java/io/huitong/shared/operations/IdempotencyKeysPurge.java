package io.huitong.shared.operations;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;

/** Forgets idempotency keys after their retention (24 hours unless configured). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "huitong.idempotency.purge", havingValue = "true", matchIfMissing = true)
class IdempotencyKeysPurge {

    private final IdempotencyKeys keys;
    private final Clock clock;
    private final Duration retention;

    IdempotencyKeysPurge(IdempotencyKeys keys, Clock clock,
            @Value("${huitong.idempotency.retention:PT24H}") Duration retention) {
        this.keys = keys;
        this.clock = clock;
        this.retention = retention;
    }

    // once per cluster: the node holding the lock runs it
    @SchedulerLock(name = "idempotency-keys-purge", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5S")

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void purge() {
        keys.purge(clock.instant().minus(retention));
    }
}

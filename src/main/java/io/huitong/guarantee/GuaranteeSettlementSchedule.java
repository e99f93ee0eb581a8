package io.huitong.guarantee;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;

/** Asks the provider again for surrenders and claims it has not answered; off where tests drive everything. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "huitong.guarantee.retry-settlements", havingValue = "true", matchIfMissing = true)
class GuaranteeSettlementSchedule {

    private final ElectronicGuarantees guarantees;

    GuaranteeSettlementSchedule(ElectronicGuarantees guarantees) {
        this.guarantees = guarantees;
    }

    // once per cluster: the node holding the lock runs it
    @SchedulerLock(name = "guarantee-settlement-retry", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5S")

    @Scheduled(fixedDelayString = "${huitong.guarantee.retry-interval:PT5M}", initialDelayString = "PT1M")
    void retry() {
        guarantees.settlePending();
    }
}

package io.huitong.interconnect;

import io.huitong.shared.signing.Es256;
import io.huitong.shared.signing.SignatureScheme;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The signature scheme of centre keys (ES256 unless a deployment provides another), the key handlers, the sweep. */
@Configuration(proxyBeanMethods = false)
class InterconnectConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SignatureScheme signatureScheme() {
        return new Es256();
    }

    @Bean
    KeyRotation.Added keyAdded(Peers peers, SignatureScheme scheme) {
        return new KeyRotation.Added(peers, scheme);
    }

    @Bean
    KeyRotation.Retired keyRetired(Peers peers) {
        return new KeyRotation.Retired(peers);
    }

    /** Delivers what is due, retries included; off where tests drive delivery ({@code huitong.interconnect.deliver}). */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "huitong.interconnect.deliver", havingValue = "true", matchIfMissing = true)
    static class Sweep {

        private final OutboxDelivery delivery;

        Sweep(OutboxDelivery delivery) {
            this.delivery = delivery;
        }

        @SchedulerLock(name = "interconnect-delivery", lockAtMostFor = "PT5M")
        @Scheduled(fixedDelayString = "${huitong.interconnect.sweep-interval:PT1S}", initialDelayString = "PT5S")
        void sweep() {
            delivery.deliverDue();
        }
    }
}

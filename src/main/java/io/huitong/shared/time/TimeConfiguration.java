package io.huitong.shared.time;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock, shared by domain and engine. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    LegalClock legalClock() {
        return new LegalClock();
    }
}

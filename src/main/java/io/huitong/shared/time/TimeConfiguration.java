package io.huitong.shared.time;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock, shared by domain and engine, and the sandbox clock that may run beneath it (SandboxTime). */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    LegalClock legalClock() {
        return new LegalClock();
    }

    @Bean
    SandboxClock sandboxClock() {
        return new SandboxClock(System::currentTimeMillis);
    }
}

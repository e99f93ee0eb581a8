package io.huitong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Huitong (汇通): an orchestrator for public resource trading centres (公共资源交易中心). */
// no generated in-memory user (its password logged at start-up) behind the doors: users are the engine's
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class HuitongApplication {

    public static void main(String[] args) {
        SpringApplication.run(HuitongApplication.class, args);
    }
}

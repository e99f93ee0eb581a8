package io.huitong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Huitong (汇通): an orchestrator for public resource trading centres (公共资源交易中心). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HuitongApplication {

    public static void main(String[] args) {
        SpringApplication.run(HuitongApplication.class, args);
    }
}

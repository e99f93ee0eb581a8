package io.huitong.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /v3/api-docs and browsable at /swagger-ui.html. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI huitongApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("汇通 Huitong API")
                        .version("0.1")
                        .description("""
                                公共资源交易中心编排系统 / An orchestrator for public resource trading centres.
                                Money is yuan as JSON numbers, compared exactly (at most two decimals); dates are ISO-8601 \
                                and legal dates are reckoned in Asia/Shanghai. Errors are RFC 9457 problem details: 400 \
                                unreadable, 401 unauthenticated, 403 forbidden, 404 unknown, 409 conflict, 422 refused by \
                                validation or by the rules (each violation names its field, rule, citation, limit and value), \
                                413 over a size limit, 415 a POST that is not JSON, 429 a login locked for a while (Retry-After). \
                                Every operation needs HTTP Basic, except the public pages (/public/**, open to anyone for \
                                reading) and the demo guarantee provider (/guarantee-bank/**, signed messages); the \
                                description itself needs a login. Limits: README, section Limits.""")
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Camunda users (the demo profile: demo/demo, clerk/clerk, ...)")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    /** The public pages and the signed guarantee exchange need no login: their operations say so ({@code security: []}). */
    @Bean
    org.springdoc.core.customizers.OpenApiCustomizer openDoors() {
        return api -> {
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> {
                if (path.startsWith("/public/") || path.startsWith("/guarantee-bank/")) {
                    item.readOperations().forEach(operation -> operation.setSecurity(new java.util.ArrayList<>()));
                }
            });
        };
    }
}

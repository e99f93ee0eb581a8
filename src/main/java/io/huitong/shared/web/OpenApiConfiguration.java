package io.huitong.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The OpenAPI description served at /v3/api-docs and browsable at /swagger-ui.html. Both need a login (HTTP Basic,
 * {@code shared/security/SecurityConfiguration}): the browser asks once, at the page, and sends the same
 * credentials with the ui's own requests (its files, its configuration, the description).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /** A host and port as a Host header carries them, nothing else (a redirect goes nowhere else). */
    private static final java.util.regex.Pattern HOST = java.util.regex.Pattern.compile(
            "[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");

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

    /**
     * The way into swagger-ui leads to its page by a network-path reference ({@code //host/swagger-ui/index.html}):
     * same scheme and host, without the user name and password an address may carry
     * ({@code http://clerk:clerk@host/swagger-ui.html}). Springdoc's own redirect is relative, and a page whose
     * address keeps credentials cannot fetch anything (the Fetch standard refuses such a URL): swagger-ui would
     * stop at "Failed to load remote configuration". The browser keeps the credentials it logged in with and sends
     * them with every request of the page. Runs after Spring Security: only a logged-in user is led on.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> swaggerUiEntry(
            @Value("${springdoc.swagger-ui.path:/swagger-ui.html}") String entry) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String host = request.getHeader(HttpHeaders.HOST);
                if (!"GET".equals(request.getMethod()) || host == null || host.isBlank()
                        || !HOST.matcher(host).matches()) {
                    chain.doFilter(request, response);
                    return;
                }
                String query = request.getQueryString();
                response.setStatus(HttpServletResponse.SC_FOUND);
                response.setHeader(HttpHeaders.LOCATION, "//" + host + request.getContextPath() + "/swagger-ui/index.html"
                        + (query == null ? "" : "?" + query));
            }
        });
        registration.addUrlPatterns(entry);
        return registration;
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

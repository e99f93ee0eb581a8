package io.huitong.shared.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Tasklist talks to the engine through the webapps' own REST API, whose error handlers Huitong cannot extend:
 * a refusal from a task's guard comes back as 500 wrapped in the engine's words. This filter gives Tasklist the
 * refusal itself — 422, 409, 404 or 403 with the person-readable reason as the {@code message} Tasklist shows.
 */
@Configuration(proxyBeanMethods = false)
class WebappProblems {

    private static final Pattern REFUSAL = Pattern.compile(
            "(?:io\\.huitong\\.shared\\.web|org\\.springframework\\.security\\.access)\\."
                    + "(ValidationException|RuleRefusalException|ConflictException|NotFoundException|AccessDeniedException)"
                    + ": (.*?)'?\\s*$", Pattern.DOTALL);
    private static final Map<String, HttpStatus> STATUS = Map.of("ValidationException", HttpStatus.UNPROCESSABLE_ENTITY,
            "RuleRefusalException", HttpStatus.UNPROCESSABLE_ENTITY, "ConflictException", HttpStatus.CONFLICT,
            "NotFoundException", HttpStatus.NOT_FOUND, "AccessDeniedException", HttpStatus.FORBIDDEN);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> webappRefusals(ObjectMapper json) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(json));
        registration.addUrlPatterns("/camunda/api/engine/*");
        registration.setOrder(20);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private final ObjectMapper json;

        Filter(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, held);
            if (held.getStatus() == 500) {
                String[] refusal = refusal(held.getContentAsByteArray());
                if (refusal != null) {
                    HttpStatus status = STATUS.get(refusal[0]);
                    ProblemDetail problem = Problems.of(status, status == HttpStatus.UNPROCESSABLE_ENTITY
                            ? "validation-failed" : status == HttpStatus.CONFLICT ? "conflict"
                            : status == HttpStatus.FORBIDDEN ? "forbidden" : "not-found",
                            status.getReasonPhrase(), refusal[1]);
                    problem.setProperty("message", refusal[1]);
                    held.resetBuffer();
                    held.setStatus(status.value());
                    held.setContentType("application/problem+json");
                    held.getOutputStream().write(json.writeValueAsBytes(problem));
                }
            }
            held.copyBodyToResponse();
        }

        /** The refusal's kind and reason, if the 500 is one of Huitong's refusals. */
        private String[] refusal(byte[] body) {
            try {
                JsonNode answer = json.readTree(new String(body, StandardCharsets.UTF_8));
                String message = answer.path("message").asText("");
                Matcher m = REFUSAL.matcher(message);
                if (m.find()) {
                    return new String[] {m.group(1), m.group(2).strip()};
                }
                // thrown by the engine's guard before any command ran, so not wrapped in the engine's words
                String type = answer.path("type").asText("");
                return STATUS.containsKey(type) && !message.isBlank() ? new String[] {type, message.strip()} : null;
            } catch (IOException e) {
                return null;
            }
        }
    }
}

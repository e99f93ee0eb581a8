package io.huitong.shared.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huitong.shared.web.Problems;
import io.huitong.shared.web.ReplayedRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The same bounded, per-address login throttle as the API's ({@link LoginThrottle}) in front of the webapps' login
 * form (Cockpit, Tasklist, Admin), since Camunda's own lock is off: a locked pair gets 429 with until when.
 */
@Configuration(proxyBeanMethods = false)
class WebappLoginThrottle {

    private static final Pattern LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> webappLogins(LoginThrottle throttle, ObjectMapper json, Clock clock) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new Filter(throttle, json, clock));
        registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
        registration.setOrder(10);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private final LoginThrottle throttle;
        private final ObjectMapper json;
        private final Clock clock;

        Filter(LoginThrottle throttle, ObjectMapper json, Clock clock) {
            this.throttle = throttle;
            this.json = json;
            this.clock = clock;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !"POST".equals(request.getMethod())
                    || !LOGIN.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            // a login form is a few hundred bytes: read it once, give it again to the webapps
            byte[] body = request.getInputStream().readNBytes(16 * 1024);
            String user = username(new String(body, StandardCharsets.ISO_8859_1));
            String address = request.getRemoteAddr();
            Instant locked = user == null ? null : throttle.lockedUntil(user, address);
            if (locked != null) {
                long seconds = Math.max(1, (long) Math.ceil(Duration.between(clock.instant(), locked).toMillis() / 1000.0));
                ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "login-locked",
                        "登录暂时锁定 / Login temporarily locked", "登录暂时锁定至 " + locked + "（多次密码错误）/ "
                                + "Login temporarily locked until " + locked + " after repeated wrong passwords");
                problem.setProperty("lockedUntil", locked.toString());
                problem.setProperty("retryAfter", seconds);
                problem.setInstance(URI.create(request.getRequestURI()));
                response.setStatus(429);
                response.setHeader("Retry-After", Long.toString(seconds));
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                json.writeValue(response.getOutputStream(), problem);
                return;
            }
            chain.doFilter(new ReplayedRequest(request, body), response);
            if (user != null) {
                int status = response.getStatus();
                if (status == 401 || status == 403) {
                    throttle.failed(user, address);
                } else if (status >= 200 && status < 300) {
                    throttle.succeeded(user, address);
                }
            }
        }

        private static String username(String form) {
            for (String pair : form.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals("username")) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }
    }
}

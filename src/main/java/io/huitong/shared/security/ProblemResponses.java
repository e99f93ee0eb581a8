package io.huitong.shared.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huitong.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401, 403 and 429 (a login locked for a while) as problem details, like every other error of the API. */
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;
    private final java.time.Clock clock;

    ProblemResponses(ObjectMapper json, java.time.Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof LoginLockedException locked) {
            long seconds = Math.max(1, (long) Math.ceil(
                    java.time.Duration.between(clock.instant(), locked.until()).toMillis() / 1000.0));
            ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "login-locked",
                    "登录暂时锁定 / Login temporarily locked", e.getMessage());
            problem.setProperty("lockedUntil", locked.until().toString());
            problem.setProperty("retryAfter", seconds);
            response.setHeader("Retry-After", Long.toString(seconds));
            write(request, response, problem);
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Huitong\", charset=\"UTF-8\"");
        write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "需要登录 / Authentication required",
                "请使用用户名和密码（HTTP Basic）访问 / Use HTTP Basic with a user name and password"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "无权操作 / Forbidden",
                "你的角色不能执行此操作 / Your role may not do this"));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}

package io.huitong.shared.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huitong.shared.Digests;
import io.huitong.shared.web.Problems;
import io.huitong.shared.web.ReplayedRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Idempotent creation: a POST to Huitong's API with an {@code Idempotency-Key} header is carried out once per user
 * and key; a retry with the same key and the same request gets the first answer again (marked
 * {@code Idempotency-Replayed: true}) and creates nothing new. The same key for another request is 422; a retry
 * while the first is still running is 409. Only lasting answers are kept (2xx, 400, 413, 422); others free the key.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_BODY = 2_000_000;

    private final IdempotencyKeys keys;
    private final ObjectMapper json;
    private final Clock clock;

    public IdempotencyFilter(IdempotencyKeys keys, ObjectMapper json, Clock clock) {
        this.keys = keys;
        this.json = json;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String key = request.getHeader(HEADER).strip();
        if (auth == null || !auth.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        if (key.isEmpty() || key.length() > 200) {
            problem(response, HttpStatus.BAD_REQUEST, "请求头 Idempotency-Key 须为1至200个字符 / The Idempotency-Key header "
                    + "takes 1 to 200 characters");
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY) {
            problem(response, HttpStatus.PAYLOAD_TOO_LARGE, "带 Idempotency-Key 的请求体不得超过2MB / A request with an "
                    + "Idempotency-Key carries at most 2 MB");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            problem(response, HttpStatus.PAYLOAD_TOO_LARGE, "带 Idempotency-Key 的请求体不得超过2MB / A request with an "
                    + "Idempotency-Key carries at most 2 MB");
            return;
        }
        String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String hash = Digests.sha256Hex(
                (request.getMethod() + "\n" + path + "\n").getBytes(StandardCharsets.UTF_8), body);
        String user = auth.getName();
        Optional<IdempotencyKeys.Stored> stored = keys.claim(user, key, request.getMethod(), path, hash,
                clock.instant());
        if (stored.isPresent()) {
            IdempotencyKeys.Stored s = stored.get();
            if (!s.requestHash().equals(hash)) {
                problem(response, HttpStatus.UNPROCESSABLE_ENTITY, "该 Idempotency-Key 已用于另一个请求 / This "
                        + "Idempotency-Key was used for another request");
            } else if (!"DONE".equals(s.state())) {
                problem(response, HttpStatus.CONFLICT, "相同的请求正在处理中 / The same request is still being "
                        + "processed: retry later");
            } else {
                replay(response, s);
            }
            return;
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new ReplayedRequest(request, body), answer);
            if (lasting(answer.getStatus())) {
                kept = true;
                try {
                    keys.done(user, key, answer.getStatus(), answer.getContentType(),
                            answer.getHeader(HttpHeaders.LOCATION),
                            new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8));
                } catch (RuntimeException notStored) {
                    // the work is done: the client gets its answer; the key stays claimed, so a retry meets 409
                    // rather than doing it twice
                    log.warn("idempotency key {} of {}: answer not stored: {}", key, user, notStored.toString());
                }
            }
        } finally {
            try {
                if (!kept) {
                    keys.release(user, key);
                }
            } catch (RuntimeException releaseFailed) {
                log.warn("idempotency key {} of {} not released: {}", key, user, releaseFailed.toString());
            } finally {
                answer.copyBodyToResponse();
            }
        }
    }

    /**
     * Answers a retry gets again: what was done (2xx) and what the request itself was refused for (400, 413, 422).
     * A conflict, a denial or a server error may turn out otherwise next time: the key is freed.
     */
    static boolean lasting(int status) {
        return status >= 200 && status < 300 || status == 400 || status == 413 || status == 422;
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IdempotencyFilter.class);

    private static void replay(HttpServletResponse response, IdempotencyKeys.Stored s) throws IOException {
        response.setStatus(s.status());
        if (s.contentType() != null) {
            response.setContentType(s.contentType());
        }
        if (s.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, s.location());
        }
        response.setHeader("Idempotency-Replayed", "true");
        if (s.body() != null) {
            byte[] bytes = s.body().getBytes(StandardCharsets.UTF_8);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }

    private void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        ProblemDetail problem = Problems.of(status, "idempotency", "幂等键 / Idempotency key", detail);
        problem.setProperty("violations", List.of(Map.of("field", HEADER, "rule", "validation.idempotency-key",
                "message", detail)));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), problem);
    }
}

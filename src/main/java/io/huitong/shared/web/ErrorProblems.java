package io.huitong.shared.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every error is a problem (RFC 9457), also those that never reach a controller: what a filter answers with an
 * error status (Spring Boot's {@code /error}, instead of its own JSON) and what Tomcat refuses before the
 * application sees it (an unreadable path such as {@code /api/%} or an encoded slash; Tomcat's HTML page).
 */
@RestController
class ErrorProblems implements ErrorController {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RequestMapping(path = "${server.error.path:/error}", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE,
        MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // asked for directly (no error being forwarded): there is nothing at this path
        ProblemDetail problem = problem(code instanceof Integer status ? status : 404);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException e) {
                // a path that is no URI: the problem stands without it
            }
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static ProblemDetail problem(int code) {
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return switch (status) {
            case BAD_REQUEST -> Problems.of(status, "malformed-request", "请求无法解析 / Malformed request",
                    "请求的路径或格式无法读取 / The request's path or form cannot be read");
            case NOT_FOUND -> Problems.of(status, "not-found", "不存在 / Not found", "没有这个地址 / No such path");
            case PAYLOAD_TOO_LARGE -> Problems.of(status, "payload-too-large", "请求体过大 / Payload too large",
                    "请求体超过上限 / The request body is over its limit");
            case INTERNAL_SERVER_ERROR -> Problems.of(status, "internal-error", "内部错误 / Internal error",
                    "请求未能完成，已记录日志 / The request could not be completed; the error was logged");
            default -> Problems.of(status, status.name().toLowerCase().replace('_', '-'), status.getReasonPhrase(),
                    status.value() + " " + status.getReasonPhrase());
        };
    }

    /** Tomcat's own error pages (for what it refuses before the application) become problems too. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() != null) {
                Container host = context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                if (java.util.Arrays.stream(host.getPipeline().getValves()).noneMatch(ProblemReportValve.class::isInstance)) {
                    host.getPipeline().addValve(new ProblemReportValve());
                }
                if (host instanceof org.apache.catalina.core.StandardHost standard) {
                    standard.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
            }
        }));
    }

    /** Tomcat's error report as a problem (no server name, no stack trace). */
    public static final class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0) {
                return;
            }
            AtomicBoolean io = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, io);
            if (!io.get()) {
                return;
            }
            try {
                ProblemDetail problem = problem(status);
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
                    body.put("type", problem.getType().toString());
                    body.put("title", problem.getTitle());
                    body.put("status", problem.getStatus());
                    body.put("detail", problem.getDetail());
                    writer.write(JSON.writeValueAsString(body));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the answer was committed: nothing more to say
            }
        }
    }
}

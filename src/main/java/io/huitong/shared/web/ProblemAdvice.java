package io.huitong.shared.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.huitong.shared.workflow.ModelRejectedException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import jakarta.validation.ConstraintViolationException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one error contract of the API: problem details (RFC 9457). 400 for what cannot be read (malformed JSON,
 * wrong types or values), 422 for what validation or the rules refuse — with {@code violations} naming each
 * field, rule, citation, limit and value — 404 unknown, 409 conflict, never a stack trace.
 */
@RestControllerAdvice(basePackages = "io.huitong")
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof BodyLimitFilter.TooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(BodyLimitFilter.problem(tooLarge.limit()));
            }
        }
        Violation violation = unreadable(ex.getCause());
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request",
                "请求无法解析 / Malformed request", violation.message());
        problem.setProperty("violations", List.of(violation));
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> BeanViolations.of(e.getField(), e.getCode(), e.getRejectedValue(), null))
                .sorted(java.util.Comparator.comparing(Violation::field))
                .toList();
        return ResponseEntity.unprocessableEntity().body(validationProblem(violations, null));
    }

    @ExceptionHandler(BadRequestException.class)
    ProblemDetail badRequest(BadRequestException ex) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request",
                "请求无法解析 / Malformed request", Violation.describe(ex.violations()));
        problem.setProperty("violations", ex.violations());
        return problem;
    }

    @ExceptionHandler(ValidationException.class)
    ProblemDetail validation(ValidationException ex) {
        return validationProblem(ex.violations(), ex.decisionId());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraint(ConstraintViolationException ex) {
        return validationProblem(BeanViolations.of(ex.getConstraintViolations()), null);
    }

    @ExceptionHandler(RuleRefusalException.class)
    ProblemDetail refused(RuleRefusalException ex) {
        return refusedProblem(ex);
    }

    static ProblemDetail refusedProblem(RuleRefusalException ex) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "rule-refusal",
                "规则不允许 / Refused by the rules", ex.violations().stream()
                        .map(v -> v.rule() + " (" + v.citation() + ")").collect(Collectors.joining("; ")));
        problem.setProperty("violations", ex.violations());
        problem.setProperty("decisionId", ex.decisionId());
        problem.setProperty("ruleSetVersion", ex.ruleSetVersion());
        return problem;
    }

    @ExceptionHandler(ModelRejectedException.class)
    ProblemDetail modelRejected(ModelRejectedException ex) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "model-rejected",
                "模型无法解析，未部署 / A model does not parse; nothing was deployed",
                ex.problems().size() + " problem(s): " + ex.problems().get(0));
        problem.setProperty("problems", ex.problems());
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException ex) {
        return domainProblem(ex);
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException ex) {
        return domainProblem(ex);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException ex) {
        return domainProblem(ex);
    }

    /**
     * The problem for a refusal of Huitong's, wherever it sits in a chain of causes (the engine wraps what a
     * task listener throws); null when there is none.
     */
    static ProblemDetail domainProblem(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ValidationException e) {
                return validationProblem(e.violations(), e.decisionId());
            }
            if (t instanceof RuleRefusalException e) {
                return refusedProblem(e);
            }
            if (t instanceof NotFoundException) {
                return Problems.of(HttpStatus.NOT_FOUND, "not-found", "不存在 / Not found", t.getMessage());
            }
            if (t instanceof ConflictException) {
                return Problems.of(HttpStatus.CONFLICT, "conflict", "状态冲突 / Conflict", t.getMessage());
            }
            if (t instanceof AccessDeniedException) {
                return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "无权操作 / Forbidden", t.getMessage());
            }
        }
        return null;
    }

    @ExceptionHandler(OptimisticLockingException.class)
    ProblemDetail concurrent(OptimisticLockingException ex) {
        return Problems.of(HttpStatus.CONFLICT, "conflict", "状态冲突 / Conflict",
                "已被他人同时修改，请刷新后重试 / Changed by someone else at the same time: reload and retry");
    }

    @ExceptionHandler(AuthorizationException.class)
    ProblemDetail engineForbidden(AuthorizationException ex) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "无权操作 / Forbidden", ex.getMessage());
    }

    @ExceptionHandler(BodyLimitFilter.TooLarge.class)
    ProblemDetail tooLarge(BodyLimitFilter.TooLarge ex) {
        return BodyLimitFilter.problem(ex.limit());
    }

    /** Spring's firewall checks some headers only when they are first read (a control character in a value). */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ProblemDetail rejected(org.springframework.security.web.firewall.RequestRejectedException ex) {
        return Problems.of(HttpStatus.BAD_REQUEST, "request-rejected", "请求无法接受 / Request rejected",
                "请求的路径或请求头含不允许的字符 / The request's path or a header holds characters that are not allowed");
    }

    /** A second row with the same key (two requests at once, or a check that missed): a conflict, not a failure. */
    @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
    ProblemDetail duplicate(org.springframework.dao.DuplicateKeyException ex) {
        log.info("duplicate key refused: {}", ex.getMostSpecificCause().getMessage());
        return Problems.of(HttpStatus.CONFLICT, "conflict", "状态冲突 / Conflict",
                "已存在相同的记录 / A record with the same key exists");
    }

    /** A value the database cannot keep (too long, out of range): refused, nothing changed. */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ProblemDetail notStorable(org.springframework.dao.DataIntegrityViolationException ex) {
        log.warn("value refused by the database: {}", ex.getMostSpecificCause().getMessage());
        return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "validation-failed", "请求未通过校验 / Validation failed",
                "有取值超出可保存的范围 / A value is beyond what can be stored (README: Limits)");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception ex) {
        log.error("unexpected error", ex);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "内部错误 / Internal error",
                "请求未能完成，已记录日志 / The request could not be completed; the error was logged");
    }

    static ProblemDetail validationProblem(List<Violation> violations, String decisionId) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "validation-failed",
                "请求未通过校验 / Validation failed", violations.stream()
                        .map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")));
        problem.setProperty("violations", violations);
        if (decisionId != null) {
            problem.setProperty("decisionId", decisionId);
        }
        return problem;
    }

    /** What Jackson could not read, named by its field path. */
    private static Violation unreadable(Throwable cause) {
        if (cause instanceof DateBounds.OutOfRange e) {
            return Violation.of(path(e), "limits.date", null, DateBounds.LIMIT, e.getValue(),
                    "日期须在" + DateBounds.MIN_YEAR + "年至" + DateBounds.MAX_YEAR + "年之间",
                    "A date lies between the years " + DateBounds.MIN_YEAR + " and " + DateBounds.MAX_YEAR);
        }
        if (cause instanceof UnrecognizedPropertyException e) {
            return Violation.of(path(e), "json.unknown-field", null, e.getKnownPropertyIds(), e.getPropertyName(),
                    "未知字段 " + e.getPropertyName(), "Unknown field " + e.getPropertyName());
        }
        if (cause instanceof InvalidFormatException e) {
            Class<?> type = e.getTargetType();
            Object allowed = type != null && type.isEnum() ? Arrays.toString(type.getEnumConstants()) : null;
            return Violation.of(path(e), "json.invalid-value", null, allowed, e.getValue(),
                    "取值无效，应为 " + describe(type), "Invalid value: expected " + describe(type));
        }
        if (cause instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException
                || cause instanceof JsonMappingException m && m.getCause()
                        instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            // Jackson's own limits (README "Limits": no text value over 1,000,000 characters, nesting)
            return Violation.of(cause instanceof JsonMappingException m && !m.getPath().isEmpty() ? path(m) : null,
                    "limits.json", null, JsonConfiguration.MAX_STRING_LENGTH, null, "取值超出上限",
                    "A value is over the limit");
        }
        if (cause instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException e && !e.getPath().isEmpty()) {
            Class<?> type = e.getTargetType();
            return Violation.of(path(e), "json.wrong-type", null, null, null,
                    "类型错误，应为 " + describe(type), "Wrong type: expected " + describe(type));
        }
        if (cause instanceof JsonMappingException e && !e.getPath().isEmpty()) {
            return Violation.of(path(e), "json.wrong-type", null, null, null, "类型错误", "Wrong type");
        }
        if (cause instanceof JsonParseException e) {
            JsonLocation at = e.getLocation();
            return Violation.of(null, "json.syntax", null, null, null,
                    "JSON 格式错误（第 " + at.getLineNr() + " 行第 " + at.getColumnNr() + " 列）",
                    "Malformed JSON at line " + at.getLineNr() + ", column " + at.getColumnNr());
        }
        return Violation.of(null, "json.unreadable", null, null, null, "请求体无法读取",
                "The request body cannot be read");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "?";
        }
        if (type.isEnum()) {
            return Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "日期 date (2026-12-01)";
            case "OffsetDateTime" -> "带时区的时间 date-time with offset (2026-12-21T09:30:00+08:00) 或日期 or date";
            case "BigDecimal" -> "数字 number";
            case "Boolean", "boolean" -> "true | false";
            case "String" -> "字符串 string";
            case "Integer", "int", "Long", "long" -> "整数 integer";
            case "List", "Set", "Collection" -> "数组 array";
            case "Map" -> "对象 object";
            default -> type.getSimpleName();
        };
    }
}

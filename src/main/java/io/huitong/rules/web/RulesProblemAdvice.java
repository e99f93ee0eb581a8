package io.huitong.rules.web;

import io.huitong.rules.RuleSetRejectedException;
import io.huitong.shared.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A reload that does not compile: 422 with every problem's file, line and column. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RulesProblemAdvice {

    @ExceptionHandler(RuleSetRejectedException.class)
    ProblemDetail ruleSetRejected(RuleSetRejectedException ex) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "rule-set-rejected",
                "规则文件无法编译，原版本继续生效 / The rule files do not compile; the running version stays",
                ex.problems().size() + " problem(s): " + ex.problems().get(0));
        problem.setProperty("problems", ex.problems());
        return problem;
    }

    /** An uploaded candidate that unpacks to more than a rules folder could be. */
    @ExceptionHandler(io.huitong.rules.impact.CandidateTooLarge.class)
    org.springframework.http.ResponseEntity<ProblemDetail> candidateTooLarge(io.huitong.rules.impact.CandidateTooLarge ex) {
        return org.springframework.http.ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(io.huitong.shared.web.BodyLimitFilter.problem(ex.limit()));
    }
}

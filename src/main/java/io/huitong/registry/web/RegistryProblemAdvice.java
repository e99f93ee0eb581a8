package io.huitong.registry.web;

import io.huitong.registry.AssignmentKept;
import io.huitong.registry.AuthorityRecordConflict;
import io.huitong.registry.ImportRefused;
import io.huitong.shared.web.Problems;
import io.huitong.shared.web.Violation;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The registry's refusals as problem details: an authority's record (409), a declared assignment kept (409), a file
 * with bad rows (422).
 */
@RestControllerAdvice(basePackages = "io.huitong.registry")
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegistryProblemAdvice {

    @ExceptionHandler(AuthorityRecordConflict.class)
    ProblemDetail authorityRecord(AuthorityRecordConflict ex) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "authority-record",
                "主管部门的记录，主体不能修改 / An authority's record: the entity cannot change it", ex.getMessage());
        problem.setProperty("source", ex.source());
        problem.setProperty("checkId", ex.checkId());
        problem.setProperty("violations", List.of(Violation.of(ex.field(), "registry.authority-record", null,
                "SELF", ex.source().name(), "该记录来自主管部门 " + ex.source(), "The record comes from the authority "
                        + ex.source())));
        return problem;
    }

    @ExceptionHandler(AssignmentKept.class)
    ProblemDetail assignmentKept(AssignmentKept ex) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "assignment-kept",
                "在建项目一经申报即予保留 / A declared assignment is kept", ex.getMessage());
        problem.setProperty("violations", List.of(Violation.of(ex.field(), "registry.assignment-kept",
                AssignmentKept.CITATION, null, null, "在建项目只能申报竣工验收或停工", "An assignment changes only by "
                        + "its completion or stop")));
        return problem;
    }

    @ExceptionHandler(ImportRefused.class)
    ProblemDetail importRefused(ImportRefused ex) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "import-refused",
                "文件有错误行，未导入任何记录 / The file has bad rows; nothing was imported", ex.getMessage());
        problem.setProperty("kind", ex.kind());
        problem.setProperty("errorCount", ex.errorCount());
        problem.setProperty("errors", ex.errors());
        problem.setProperty("violations", ex.errors().stream().map(e -> new Violation("rows[" + e.row() + "]"
                + (e.field() == null ? "" : "." + e.field()), "registry.import", null, null, e.value(), e.reason()))
                .toList());
        return problem;
    }
}

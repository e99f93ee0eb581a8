package io.huitong.remote.web;

import io.huitong.remote.CompensationConfirmation;
import io.huitong.remote.RecordsHandBack;
import io.huitong.remote.RemoteViews;
import io.huitong.shared.security.Operator;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a partner centre hands back and answers after a remote evaluation: its records (J7), uploaded file by file
 * and hashed, and its answer to the compensation its agreement gives (J4, J16). A partner acts for its own centre
 * only (403 otherwise) and sees its own records; the main centre and overseers see all.
 */
@RestController
@RequestMapping("/api/remote-evaluations/{id}")
@Tag(name = "远程异地评标 Remote evaluation", description = "主场、副场、招标人、专家 / Main venue, partners, tenderer, experts")
class PartnerController {

    private final RecordsHandBack records;
    private final CompensationConfirmation compensation;
    private final RemoteViews views;

    PartnerController(RecordsHandBack records, CompensationConfirmation compensation, RemoteViews views) {
        this.records = records;
        this.compensation = compensation;
        this.views = views;
    }

    @PostMapping("/records")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "上传评标资料 Upload a record (J7)",
            description = "The partner centre, until it hands back: the file itself as the body, with its own "
                    + "Content-Type (video/mp4, audio/mpeg, application/pdf, application/octet-stream ...; not "
                    + "text/plain, a form or multipart) and its name in `name`; `centre` when the caller belongs to "
                    + "more than one partner. audio/* and video/* count as audio-video records. Kept with its "
                    + "SHA-256; at most huitong.remote.records.max-bytes (413).")
    RecordsHandBack.RecordView upload(@PathVariable String id, @RequestParam(name = "name", required = false)
            String name, @RequestParam(name = "centre", required = false) String centre,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestBody(required = false) byte[] content) {
        if (name == null || name.isBlank()) {
            throw new ValidationException(List.of(Violation.of("name", "validation.NotBlank", null, null, null,
                    "请在 name 参数中给出文件名", "Give the file's name in the parameter `name`")));
        }
        if (name.length() > 255) {
            throw new ValidationException(List.of(Violation.of("name", "validation.Size", null, 255, name.length(),
                    "文件名过长", "The file name is too long")));
        }
        return records.upload(id, centre, name, contentType, content, Operator.current());
    }

    @GetMapping("/records")
    @Operation(summary = "移交的评标资料 The records handed back",
            description = "A partner its own; the main centre and overseers all. Each with its SHA-256.")
    List<RecordsHandBack.RecordView> list(@PathVariable String id) {
        return records.list(id, Operator.current());
    }

    @GetMapping("/records/{recordId}/content")
    @Operation(summary = "下载一份资料 Download a record", description = "To whoever may see the record; 404 otherwise.")
    ResponseEntity<byte[]> content(@PathVariable String id, @PathVariable String recordId) {
        RecordsHandBack.Content c = records.content(id, recordId, Operator.current());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(c.record().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(c.record().name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Record-SHA256", c.record().sha256()).body(c.bytes());
    }

    record CompensationAnswer(@NotNull Boolean agree, @Size(max = 2000) String reason, @Size(max = 20) String centre) {
    }

    @PostMapping("/compensation/confirmation")
    @Operation(summary = "确认或对补偿提出异议 Confirm or dispute the compensation",
            description = "The partner centre, once its compensation is settled (409 before): {\"agree\":true}, or "
                    + "{\"agree\":false,\"reason\":\"...\"} (a dispute gives its reasons, 422 without). The latest "
                    + "answer shows in the settlement.")
    CompensationConfirmation.AnswerView confirm(@PathVariable String id, @Valid @RequestBody CompensationAnswer a) {
        return compensation.answer(id, a.centre(), a.agree(), a.reason(), Operator.current());
    }

    /** One partner's settlement: its records, its compensation and its answer. */
    record PartnerSettlement(String centre, String centreName, Instant recordsAt, String recordsNote,
            long recordsHandedBack, BigDecimal compensation, String compensationTerms, Instant settledAt,
            String answer, CompensationConfirmation.AnswerView compensationAnswer) {
    }

    record Settlement(String evaluationId, String tenderId, String status, List<PartnerSettlement> partners) {
    }

    @GetMapping("/settlement")
    @Operation(summary = "资料移交与补偿结算 The settlement",
            description = "Each partner the caller may see: records handed back, compensation by the agreement, and "
                    + "the partner's answer (AGREED, DISPUTED with its reasons, or PENDING).")
    Settlement settlement(@PathVariable String id) {
        RemoteViews.View view = views.view(id, Operator.current());
        List<PartnerSettlement> partners = view.partners().stream().filter(p -> "ACCEPTED".equals(p.status()))
                .map(p -> new PartnerSettlement(p.centre(), p.centreName(), p.recordsAt(), p.recordsNote(),
                        view.records().stream().filter(r -> r.centre().equals(p.centre())).count(), p.compensation(),
                        p.compensationTerms(), p.settledAt(), p.compensationAnswer() == null ? "PENDING"
                                : p.compensationAnswer().agreed() ? "AGREED" : "DISPUTED",
                        p.compensationAnswer()))
                .toList();
        return new Settlement(view.id(), view.tenderId(), view.status(), partners);
    }
}

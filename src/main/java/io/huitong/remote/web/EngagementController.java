package io.huitong.remote.web;

import io.huitong.remote.PartnerEngagement;
import io.huitong.remote.PartnerRecords;
import io.huitong.remote.PartnerVenue;
import io.huitong.shared.security.Operator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * This centre as the partner of a main centre on another platform (issue 17): the requests it received and what its
 * clerks do with them. The same steps are in Tasklist (processes/partner-venue.bpmn). This centre's clerks only.
 */
@RestController
@org.springframework.validation.annotation.Validated
@RequestMapping("/api/partner-engagements")
@Tag(name = "外部平台协作 Engagements for another platform", description = "本中心作为其他平台远程异地评标的副场")
class EngagementController {

    private final PartnerVenue venue;

    EngagementController(PartnerVenue venue) {
        this.venue = venue;
    }

    @GetMapping
    @Operation(summary = "协作请求 Requests received", description = "Newest first.")
    List<PartnerEngagement> list() {
        return venue.list(Operator.current());
    }

    @GetMapping("/{id}")
    @Operation(summary = "协作事项 One engagement")
    PartnerEngagement get(@PathVariable String id) {
        return venue.get(id, Operator.current());
    }

    @GetMapping(path = "/{id}/archive", produces = "application/zip")
    @Operation(summary = "下载协作归档包 Download this centre's archive of the engagement", description = "Once the "
            + "engagement is over (settled, refused or withdrawn; 409 before): the request, the joint draw, the seats, "
            + "the records handed back, every signed message either way with the keys that verify them, the audit "
            + "entries and the process history, with manifest.json listing every file's SHA-256.")
    org.springframework.http.ResponseEntity<byte[]> archive(@PathVariable String id) {
        io.huitong.archive.ArchivePackage p = venue.archive(id, Operator.current());
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType("application/zip"))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http
                        .ContentDisposition.attachment().filename("huitong-engagement-" + id + ".zip").build()
                        .toString())
                .header("X-Archive-SHA256", p.packageSha256()).body(p.content());
    }

    @GetMapping("/{id}/archive/verification")
    @Operation(summary = "核验协作归档包 Verify the stored archive", description = "Every file against the manifest, the "
            + "manifest and package against the hashes recorded here, and every message's signature against the keys "
            + "in the package.")
    io.huitong.archive.ArchiveVerification verifyStored(@PathVariable String id) {
        return venue.verifyArchive(venue.archive(id, Operator.current()).content(), Operator.current());
    }

    @org.springframework.web.bind.annotation.PostMapping(path = "/archive-verifications",
            consumes = {"application/zip", "application/octet-stream"})
    @Operation(summary = "核验一份协作归档包 Verify a copy of an engagement's archive")
    io.huitong.archive.ArchiveVerification verifyCopy(@RequestBody byte[] zip) {
        return venue.verifyArchive(zip, Operator.current());
    }

    record Answer(@NotNull Boolean accept, @Size(max = 36) String venueId, @Size(max = 2000) String reason) {
    }

    @PostMapping("/{id}/answer")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "答复协作请求 Answer the request", description = "Accept with one of this centre's venues, or "
            + "refuse with reasons; sent to the main centre signed (remote.answer).")
    void answer(@PathVariable String id, @Valid @RequestBody Answer answer) {
        venue.answer(id, answer.accept(), answer.venueId(), answer.reason(), Operator.current());
    }

    record SignIn(@NotNull @Size(max = 32) String idNo) {
    }

    @PostMapping("/{id}/sign-ins")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "专家签到（见证）Witness a sign-in", description = "The expert's ID number finds the seat drawn "
            + "for the expert; the name goes to the main centre signed (remote.signed-in), the ID number stays here.")
    void signIn(@PathVariable String id, @Valid @RequestBody SignIn signIn) {
        venue.signIn(id, signIn.idNo(), Operator.current());
    }

    @PostMapping("/{id}/records")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "上传评标资料 Upload a record to hand back (J7)", description = "The file itself as the body, with "
            + "its own Content-Type (audio/* and video/* are the audio-video records) and its name in `name`. Kept with "
            + "its SHA-256 until the hand-back sends it to the main centre.")
    PartnerRecords.RecordView upload(@PathVariable String id,
            @org.springframework.web.bind.annotation.RequestParam(name = "name") @Size(min = 1, max = 255) String name,
            @org.springframework.web.bind.annotation.RequestHeader(name = "Content-Type", required = false)
            String contentType, @RequestBody(required = false) byte[] content) {
        return venue.upload(id, name, contentType, content, Operator.current());
    }

    @GetMapping("/{id}/records")
    @Operation(summary = "待移交的评标资料 Records to hand back")
    List<PartnerRecords.RecordView> records(@PathVariable String id) {
        return venue.records(id, Operator.current());
    }

    record HandBack(@Size(max = 2000) String note) {
    }

    @PostMapping("/{id}/hand-back")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "移交评标资料 Hand the records back", description = "Every record uploaded, with its content and "
            + "SHA-256, goes to the main centre signed (remote.records); at least one audio-video record.")
    void handBack(@PathVariable String id, @Valid @RequestBody HandBack handBack) {
        venue.handBack(id, handBack.note(), Operator.current());
    }

    @GetMapping("/{id}/sheet")
    @Operation(summary = "评分表与评标报告 What an expert scores and signs", description = "For this centre's experts "
            + "signed in for the evaluation: the qualified bids with the most technical points, then the report.")
    java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> sheet(@PathVariable String id) {
        return venue.sheet(id, Operator.current());
    }

    record Scores(@jakarta.validation.constraints.NotEmpty java.util.Map<String, java.math.BigDecimal> scores,
            java.util.Map<String, java.math.BigDecimal> objectiveScores) {
    }

    @PostMapping("/{id}/scores")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "专家评分 Score the bids", description = "An expert of this centre signed in for the evaluation: "
            + "a technical score for every qualified bid; sent to the main centre signed (remote.scores).")
    void score(@PathVariable String id, @Valid @RequestBody Scores scores) {
        venue.score(id, scores.scores(), scores.objectiveScores(), Operator.current());
    }

    record Signature(Boolean agree, @Size(max = 2000) String dissent) {
    }

    @PostMapping("/{id}/report/signature")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "签署评标报告 Sign the report", description = "An expert of this centre: agree, or dissent with "
            + "written reasons; sent to the main centre signed (remote.signature). An empty body agrees.")
    void sign(@PathVariable String id, @Valid @RequestBody(required = false) Signature signature) {
        boolean agree = signature == null || !Boolean.FALSE.equals(signature.agree());
        venue.sign(id, agree, signature == null ? null : signature.dissent(), Operator.current());
    }

    record Preparation(@NotNull @Min(1) Integer seatsReady, @NotNull @Pattern(regexp = "OK|FAILED") String linkCheck,
            @Size(max = 2000) String note) {
    }

    @PostMapping("/{id}/preparation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "评标室准备就绪 Venue ready", description = "Seats and a checked video link; sent to the main "
            + "centre signed (remote.venue-ready).")
    void prepare(@PathVariable String id, @Valid @RequestBody Preparation preparation) {
        venue.prepare(id, preparation.seatsReady(), preparation.linkCheck(), preparation.note(), Operator.current());
    }
}

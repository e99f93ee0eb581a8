package io.huitong.remote.web;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.huitong.remote.CommitteeDraw;
import io.huitong.remote.LinkFailures;
import io.huitong.remote.MemberReplacement;
import io.huitong.remote.PartnerRequests;
import io.huitong.remote.Postponement;
import io.huitong.remote.RemotePlanning;
import io.huitong.remote.RemoteRecords;
import io.huitong.remote.RemoteViews;
import io.huitong.remote.Settlement;
import io.huitong.remote.VenueOperations;
import io.huitong.remote.VerifiableDraw;
import io.huitong.shared.security.Operator;
import io.huitong.shared.web.DeadlineDeserializer;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Remote cross-site evaluation (远程异地评标): what the main centre, the partner centres (their clerks and their
 * systems), the tenderer and the experts do. Each action completes its step of {@code remote-evaluation.bpmn};
 * a centre acts only on its own steps (403 otherwise), and reads only its own part.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "远程异地评标 Remote evaluation", description = "主场、副场、招标人、专家 / Main venue, partners, tenderer, experts")
class RemoteEvaluationController {

    private final RemotePlanning planning;
    private final PartnerRequests requests;
    private final CommitteeDraw committee;
    private final VenueOperations venues;
    private final LinkFailures links;
    private final Postponement postponement;
    private final MemberReplacement replacement;
    private final Settlement settlement;
    private final RemoteViews views;

    RemoteEvaluationController(RemotePlanning planning, PartnerRequests requests, CommitteeDraw committee,
            VenueOperations venues, LinkFailures links, Postponement postponement, MemberReplacement replacement,
            Settlement settlement, RemoteViews views) {
        this.planning = planning;
        this.requests = requests;
        this.committee = committee;
        this.venues = venues;
        this.links = links;
        this.postponement = postponement;
        this.replacement = replacement;
        this.settlement = settlement;
        this.views = views;
    }

    @GetMapping("/remote-evaluations")
    @Operation(summary = "我参与的远程异地评标 My remote evaluations",
            description = "Those the caller's centre takes part in (as main venue or partner); all for supervisors.")
    List<RemoteViews.View> list() {
        return views.list(Operator.current());
    }

    @GetMapping("/remote-evaluations/{id}")
    @Operation(summary = "远程异地评标 A remote evaluation",
            description = "The main centre sees all; a partner only its own request, venue, seats and records; names "
                    + "sealed until sign-in. 404 to anyone not taking part.")
    RemoteViews.View get(@PathVariable String id) {
        return views.view(id, Operator.current());
    }

    record PlanRequest(
            @NotBlank @Size(max = 40) String speciality,
            @NotNull @Min(3) @Max(25) Integer committeeSize,
            @NotNull @JsonDeserialize(using = DeadlineDeserializer.class) OffsetDateTime scheduledStart,
            @NotBlank @Size(max = 100) String mainVenueId,
            @NotNull @Size(max = 2) List<@NotBlank @Size(max = 100) String> representatives,
            @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{18}") String purchaserId,
            @Size(max = 100) String supervisoryDepartment,
            @Size(max = 20) List<@NotBlank @Size(max = 20) String> partners) {
    }

    @PostMapping("/remote-evaluations/{id}/plan")
    @Operation(summary = "制定评标安排 Plan the evaluation",
            description = "The main centre. The composition rules decide (TBL 37; O87 47; CQ 30): 422 with each rule "
                    + "and article. purchaserId is the tenderer's (purchaser's) credit code: its own staff are not "
                    + "drawn as experts (TBL 37; O87 47). Partners default to the main centre's agreements in force, "
                    + "in their order. The answer carries the commitment to the draw's seed (nextSeedHash), never the "
                    + "seed, which is revealed on the draw's record once drawn.")
    RemoteRecords.Evaluation plan(@PathVariable String id, @Valid @RequestBody PlanRequest r) {
        return planning.plan(id, new RemotePlanning.Plan(r.speciality(), r.committeeSize(), r.scheduledStart(),
                r.mainVenueId(), r.representatives(), r.purchaserId(), r.supervisoryDepartment(), r.partners()),
                Operator.current());
    }

    record Answer(@NotNull Boolean accept, @Size(max = 100) String venueId, @Size(max = 2000) String reason) {
    }

    @PostMapping("/remote-evaluations/{id}/requests/{centre}/answer")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "答复协作请求 Answer the request",
            description = "The partner centre: accept with one of its venues, or refuse with reasons.")
    void answer(@PathVariable String id, @PathVariable String centre, @Valid @RequestBody Answer a) {
        requests.answer(id, centre, a.accept(), a.venueId(), a.reason(), Operator.current());
    }

    record Partners(@NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 20) String> centres) {
    }

    @PostMapping("/remote-evaluations/{id}/partners")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "增加副场 Add partners", description = "The main centre, when those asked refused or timed out.")
    void partners(@PathVariable String id, @Valid @RequestBody Partners p) {
        requests.addMorePartners(id, p.centres(), Operator.current());
    }

    @PostMapping("/remote-evaluations/{id}/draw")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "重新抽取 Draw again",
            description = "The main centre, after too few eligible experts stopped the draw and the pool was widened.")
    void drawAgain(@PathVariable String id) {
        committee.retryDraw(id, Operator.current());
    }

    record Preparation(@NotNull @Min(0) Integer seatsReady, @NotBlank @Size(max = 2000) String linkCheck, @Size(max = 2000) String note) {
    }

    @PostMapping("/remote-evaluations/{id}/venues/{venueId}/preparation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "评标室准备就绪 The venue is ready",
            description = "The venue's centre: the seats ready and the video link checked (linkCheck OK).")
    void prepare(@PathVariable String id, @PathVariable String venueId, @Valid @RequestBody Preparation p) {
        venues.prepare(id, venueId, p.seatsReady(), p.linkCheck(), p.note(), Operator.current());
    }

    record SignIn(@Size(max = 100) String seatId, @Size(max = 32) String idNo, @Size(max = 100) String userId) {
    }

    @PostMapping("/remote-evaluations/{id}/sign-ins")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "见证签到 Witness a sign-in",
            description = "The clerk of the member's venue: the expert's ID number (it finds the seat drawn for the "
                    + "expert), or the representative's user; seatId optional.")
    void signIn(@PathVariable String id, @Valid @RequestBody SignIn s) {
        venues.signIn(id, s.seatId(), s.idNo(), s.userId(), Operator.current());
    }

    record Failure(@NotBlank @Size(max = 100) String venueId, @Size(max = 2000) String description) {
    }

    @PostMapping("/remote-evaluations/{id}/link-failures")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "报告链路故障 Report a link failure",
            description = "The venue's centre or the main centre. Both venues lock and seal; before the start the "
                    + "tenderer decides past the first threshold (J9), during the evaluation a failure past the "
                    + "second threshold postpones it and voids the scores (J10).")
    RemoteRecords.LinkFailure failure(@PathVariable String id, @Valid @RequestBody Failure f) {
        return links.reportLinkFailure(id, f.venueId(), f.description(), Operator.current());
    }

    @PostMapping("/remote-evaluations/{id}/link-failures/{failureId}/restoration")
    @Operation(summary = "链路恢复 The link is back", description = "The venue's centre or the main centre.")
    RemoteRecords.LinkFailure restored(@PathVariable String id, @PathVariable String failureId) {
        return links.reportRestored(id, failureId, Operator.current());
    }

    record LinkDecision(@NotNull Boolean goOn, @Size(max = 2000) String reason) {
    }

    @PostMapping("/remote-evaluations/{id}/link-decision")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "招标人决定是否继续评标 The tenderer decides",
            description = "The tenderer (purchaser), past the first threshold: go on, or postpone with reasons (J9).")
    void decide(@PathVariable String id, @Valid @RequestBody LinkDecision d) {
        links.decideLink(id, d.goOn(), d.reason(), Operator.current());
    }

    record Schedule(@NotNull @JsonDeserialize(using = DeadlineDeserializer.class) OffsetDateTime scheduledStart) {
    }

    @PostMapping("/remote-evaluations/{id}/schedule")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "确定新的评标时间 Set the new start", description = "The main centre, after a postponement.")
    void schedule(@PathVariable String id, @Valid @RequestBody Schedule s) {
        postponement.reschedule(id, s.scheduledStart(), Operator.current());
    }

    record Replacement(@NotNull MemberReplacement.LeaveReason reason, @NotBlank @Size(max = 2000) String detail,
            @Size(max = 100) String replacementUserId) {
    }

    @PostMapping("/remote-evaluations/{id}/seats/{seatId}/replacement")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "更换成员 Replace a member",
            description = "The member (declaring a conflict) or the clerk of its venue (illness, absence): a new "
                    + "draw in the same speciality; the member's scores are void and the committee reviews again "
                    + "(TBR 46, 48; O87 49). A representative is replaced by the tenderer naming replacementUserId.")
    void replace(@PathVariable String id, @PathVariable String seatId, @Valid @RequestBody Replacement r) {
        replacement.requestReplacement(id, seatId, r.reason(), r.detail(), r.replacementUserId(), Operator.current());
    }

    @PostMapping("/remote-evaluations/{id}/confirmation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "主场确认评标结果 Confirm the result", description = "The main centre.")
    void confirm(@PathVariable String id) {
        settlement.confirm(id, Operator.current());
    }

    record Handback(@NotBlank @Size(max = 2000) String recordsNote) {
    }

    @PostMapping("/remote-evaluations/{id}/handbacks/{centre}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "移交评标资料 Hand the records back",
            description = "The partner centre, within 5 working days of the confirmation (J7).")
    void handBack(@PathVariable String id, @PathVariable String centre, @Valid @RequestBody Handback h) {
        settlement.handBack(id, centre, h.recordsNote(), Operator.current());
    }

    @GetMapping("/remote-evaluations/{id}/draws/{drawId}")
    @Operation(summary = "一次抽取 A draw",
            description = "Its commitment and snapshot hash always; the seed, the snapshot and the exclusions to "
                    + "supervisors once drawn and to everyone taking part once the result is determined.")
    RemoteViews.DrawView draw(@PathVariable String id, @PathVariable String drawId) {
        return views.draw(id, drawId, Operator.current());
    }

    @GetMapping("/remote-evaluations/{id}/draws/{drawId}/verification")
    @Operation(summary = "复核抽取 Verify a draw",
            description = "Re-runs the draw from its revealed seed and stored snapshot: whether the seed matches its "
                    + "commitment, the snapshot its hash, and the experts those recorded.")
    CommitteeDraw.Verification verify(@PathVariable String id, @PathVariable String drawId) {
        RemoteViews.DrawView seen = views.draw(id, drawId, Operator.current());
        if (seen.seed() == null) {
            throw new io.huitong.shared.web.ConflictException("种子尚未向你公开 / The seed is not revealed to you yet");
        }
        return committee.verify(drawId);
    }

    record Rerun(@NotBlank @Pattern(regexp = "[0-9a-f]{64}") String seed, @NotBlank @Size(max = 1_000_000) String snapshot) {
    }

    record RerunResult(String seedHash, String snapshotHash, Map<String, List<String>> drawn) {
    }

    @PostMapping("/expert-draws/rerun")
    @Operation(summary = "用种子和快照重新抽取 Re-run a draw",
            description = "Anyone holding a draw's seed and pool snapshot gets the same experts (VerifiableDraw).")
    RerunResult rerun(@Valid @RequestBody Rerun r) {
        try {
            return new RerunResult(VerifiableDraw.commitment(r.seed()), VerifiableDraw.hash(r.snapshot()),
                    VerifiableDraw.run(r.seed(), r.snapshot()));
        } catch (IllegalArgumentException | VerifiableDraw.PoolTooSmall e) {
            throw new ValidationException(List.of(Violation.of("snapshot", "validation.snapshot", null, null, null,
                    "不是有效的抽取快照：" + e.getMessage(), "Not a draw snapshot: " + e.getMessage())));
        }
    }

    @GetMapping("/my/expert-assignments")
    @Operation(summary = "我的评标安排 Where I am drawn to sit",
            description = "An expert's own seats: the evaluation, the venue and the start (names stay sealed from "
                    + "everyone else until sign-in).")
    List<VenueOperations.Assignment> assignments() {
        return venues.assignments(Operator.current());
    }

    @GetMapping("/partner/steps")
    @Operation(summary = "本中心待办的协作环节 My centre's open steps",
            description = "For a partner centre's clerks and systems: the open steps of their centre across every "
                    + "remote evaluation, each with the request that completes it.")
    List<RemoteViews.Step> steps() {
        return views.steps(Operator.current());
    }
}

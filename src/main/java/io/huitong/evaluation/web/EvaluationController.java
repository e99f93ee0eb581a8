package io.huitong.evaluation.web;

import io.huitong.bidding.CollusionFlag;
import io.huitong.evaluation.CommitteeMember;
import io.huitong.evaluation.Evaluation;
import io.huitong.evaluation.ReportView;
import io.huitong.evaluation.ScoreFlag;
import io.huitong.shared.security.Operator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
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

@RestController
@RequestMapping("/api/tenders/{tenderId}")
@Tag(name = "评标 Evaluation", description = "评标委员会、审查、评分、评标报告 / Committee, review, scores, report")
class EvaluationController {

    private final Evaluation evaluation;
    private final io.huitong.evaluation.CollusionDecisions collusion;

    EvaluationController(Evaluation evaluation, io.huitong.evaluation.CollusionDecisions collusion) {
        this.evaluation = evaluation;
        this.collusion = collusion;
    }

    record CommitteeRequest(@NotEmpty @Size(max = 25) List<@Valid CommitteeMember> members,
            @Schema(description = "招标人（采购人）的统一社会信用代码：其本单位人员只能作为代表，不得以专家身份参加 / "
                    + "The tenderer's (purchaser's) credit code: its own staff sit only as its representatives")
            @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{18}") String purchaserId) {
    }

    @PostMapping("/committee")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "组建评标委员会 Record the committee",
            description = "Centre clerks. The composition rules decide (TBL 37; O87 47): 422 with each rule and article. "
                    + "With purchaserId, a member sitting as an expert whom the expert pool records as the tenderer's "
                    + "staff is refused (TBL 37; O87 47).")
    List<CommitteeMember> committee(@PathVariable String tenderId, @Valid @RequestBody CommitteeRequest r) {
        return evaluation.recordCommittee(tenderId, r.members(), r.purchaserId(), Operator.current());
    }

    @GetMapping("/committee")
    @Operation(summary = "评标委员会 The committee",
            description = "Names stay confidential until the winner is determined (TBL 37; O87 47): before then only "
                    + "centre clerks, administrators and the members themselves see them.")
    List<CommitteeMember> committee(@PathVariable String tenderId) {
        return evaluation.committeeFor(tenderId, Operator.current());
    }

    record ReviewRequest(@NotNull List<Evaluation.@Valid Rejection> rejections) {
    }

    record Qualified(int qualifiedCount) {
    }

    @PostMapping("/review")
    @Operation(summary = "资格和符合性审查 Review the bids",
            description = "The chair: every bid rejected with its reason and article (TBR 51; O87 63).")
    Qualified review(@PathVariable String tenderId, @Valid @RequestBody ReviewRequest r) {
        return new Qualified(evaluation.review(tenderId, r.rejections(), Operator.current()));
    }

    record RejectAllRequest(@NotNull Boolean rejectAll, @Size(max = 2000) String reason) {
    }

    @PostMapping("/review/reject-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "是否否决全部投标 Reject every bid?",
            description = "Tendering Law, fewer than 3 valid bids: the committee may reject them all (R12 27).")
    void rejectAll(@PathVariable String tenderId, @Valid @RequestBody RejectAllRequest r) {
        evaluation.decideRejectAll(tenderId, r.rejectAll(), r.reason(), Operator.current());
    }

    record ScoresRequest(@NotEmpty Map<String, BigDecimal> scores, Map<String, BigDecimal> objectiveScores) {
    }

    @PostMapping("/scores")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "评分 Score the bids",
            description = "A member: a technical score for every qualified bid, up to what price does not carry; "
                    + "optionally the objective part of each (fixed criteria), which every member must give alike.")
    void score(@PathVariable String tenderId, @Valid @RequestBody ScoresRequest r) {
        evaluation.score(tenderId, r.scores(), r.objectiveScores(), Operator.current());
    }

    record CorrectionRequest(@NotEmpty Map<String, BigDecimal> scores, Map<String, BigDecimal> objectiveScores,
            @NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping("/scores/correction")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "修改被提请复核的评分 Correct flagged scores",
            description = "A member, while the committee reviews flagged scores: its own scores of flagged bids, with "
                    + "the reason (O87 64). Recorded as a decision.")
    void correct(@PathVariable String tenderId, @Valid @RequestBody CorrectionRequest r) {
        evaluation.correctScores(tenderId, r.scores(), r.objectiveScores(), r.reason(), Operator.current());
    }

    @GetMapping("/score-flags")
    @Operation(summary = "评分复核事项 Flagged scores",
            description = "Scores far from the others' and objective scores that differ (G1117 (五); O87 64).")
    List<ScoreFlag> flags(@PathVariable String tenderId) {
        evaluation.committeeFor(tenderId, Operator.current());
        return evaluation.flags(tenderId);
    }

    @GetMapping("/collusion-flags")
    @Operation(summary = "串通投标标记 Collusion flags",
            description = "Raised at the opening by the collusion rules (TBR 40; O87 37): DEEMED cases the law deems "
                    + "collusion and JUDGMENT evidence for the committee (a matching file-creator id). The committee "
                    + "and centre clerks see them; each carries its article, the bids and the evidence.")
    List<CollusionFlag> collusionFlags(@PathVariable String tenderId) {
        evaluation.committeeFor(tenderId, Operator.current());
        return collusion.collusionFlags(tenderId);
    }

    record CollusionDecision(Boolean confirmed, @Size(max = 4000) String reason) {
    }

    @PostMapping("/collusion-flags/{flagId}/decision")
    @Operation(summary = "认定或排除串通投标 Decide a collusion flag",
            description = "The chair, during the qualification review, records the committee's decision with its "
                    + "reasons. Confirmed: the bids are rejected (TBR 51(七); O87 36) and the case is reported to the "
                    + "supervisor. The review cannot be completed while a flag is undecided.")
    CollusionFlag decideCollusion(@PathVariable String tenderId, @PathVariable String flagId,
            @Valid @RequestBody CollusionDecision r) {
        return collusion.decideCollusion(tenderId, flagId, r.confirmed(), r.reason(), Operator.current());
    }

    record FlagReview(@NotNull List<Evaluation.@Valid Resolution> resolutions) {
    }

    @PostMapping("/score-flags/review")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "复核评分 Review flagged scores",
            description = "The chair resolves every open flag in writing; the aggregation then runs again.")
    void reviewFlags(@PathVariable String tenderId, @Valid @RequestBody FlagReview r) {
        evaluation.reviewFlags(tenderId, r.resolutions(), Operator.current());
    }

    record Signature(Boolean agree, @Size(max = 2000) String dissent,
            @Schema(description = "可选：对评标报告正文（GET …/report 的 content，UTF-8 字节）的分离式 CMS（PKCS#7）签名，"
                    + "Base64，内含签名者个人证书（主题 serialNumber 为公民身份号码）/ Optional: a detached CMS (PKCS#7) "
                    + "signature over the report's text (content of GET …/report, UTF-8 bytes), Base64, the signer's "
                    + "personal certificate inside (identity number in the subject's serialNumber)")
            @Size(max = 65536) String signature) {
    }

    @GetMapping("/report")
    @Operation(summary = "评标报告（待签署）The report to sign",
            description = "The sitting members: the report's text (compact JSON of the ranking the last aggregation "
                    + "decided) that a certificate signature is made over, and its SHA-256. 409 before the scores are "
                    + "aggregated, 403 to anyone else.")
    ReportView report(@PathVariable String tenderId) {
        return evaluation.report(tenderId, Operator.current());
    }

    @PostMapping("/report/signature")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "签署评标报告 Sign the report",
            description = "Every member (TBR 53): agree, or dissent with written reasons. An empty body agrees. "
                    + "With signature (optional), it is verified for the member's own identity number as the expert "
                    + "pool records it, in the tender's region, now, with the tender's rule set (ESL 13, 14): 422 with "
                    + "each rule and article when refused, and the member has not signed (docs/certification.md).")
    void sign(@PathVariable String tenderId, @Valid @RequestBody(required = false) Signature signature) {
        boolean agree = signature == null || !Boolean.FALSE.equals(signature.agree());
        evaluation.signReport(tenderId, agree, signature == null ? null : signature.dissent(),
                signature == null ? null : signature.signature(), Operator.current());
    }
}

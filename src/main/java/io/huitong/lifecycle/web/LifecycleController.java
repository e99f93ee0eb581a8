package io.huitong.lifecycle.web;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.huitong.lifecycle.ClosingSteps;
import io.huitong.lifecycle.ObjectionHandling;
import io.huitong.lifecycle.PurchaserDecisions;
import io.huitong.lifecycle.TenderClarifications;
import io.huitong.lifecycle.LifecycleProcess;
import io.huitong.lifecycle.Objection;
import io.huitong.shared.security.Operator;
import io.huitong.shared.web.DeadlineDeserializer;
import io.huitong.tender.ProcurementMethod;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tenders/{tenderId}")
@Tag(name = "招标流程 Lifecycle", description = "澄清、异议、定标、失败后处理、终止 / Clarify, object, award, after a failure, terminate")
class LifecycleController {

    private final TenderClarifications clarifications;
    private final ObjectionHandling objections;
    private final PurchaserDecisions decisions;
    private final ClosingSteps closing;

    LifecycleController(TenderClarifications clarifications, ObjectionHandling objections,
            PurchaserDecisions decisions, ClosingSteps closing) {
        this.clarifications = clarifications;
        this.objections = objections;
        this.decisions = decisions;
        this.closing = closing;
    }

    record ClarificationRequest(@NotBlank @Size(max = 20000) String content, @NotNull Boolean affectsPreparation,
            @JsonDeserialize(using = DeadlineDeserializer.class) OffsetDateTime newBidDeadline) {
    }

    @PostMapping("/clarifications")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "澄清或修改招标文件 Clarify or amend the documents",
            description = "One that may affect bid preparation and comes less than 15 days before the deadline moves "
                    + "it (TBR 21; GPR 31): to newBidDeadline if late enough (422 otherwise), else to the earliest legal "
                    + "moment. 409 while suspended or outside bidding.")
    TenderClarifications.Clarification clarify(@PathVariable String tenderId, @Valid @RequestBody ClarificationRequest r) {
        return clarifications.clarify(tenderId, r.content(), r.affectsPreparation(), r.newBidDeadline(), Operator.current());
    }

    record ObjectionRequest(@NotBlank @Size(max = 20000) String content, @Size(max = 200) String party,
            @Size(max = 100_000) String signature) {
    }

    @PostMapping("/objections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "提出异议或质疑 Object or challenge",
            description = "To the documents while bidding, within its window (TBR 22: 10 days before the deadline; "
                    + "B32); to the result during publicity (TBR 54). Suspends the procedure until answered. A bidder "
                    + "account objects for its own entity only: party is its name or credit code (its name when "
                    + "omitted); another party is 403, as is a bidder account bound to no entity. Optionally signed: "
                    + "signature is a detached CMS signature (Base64) over the content's UTF-8 bytes with a "
                    + "certificate of the objecting entity, verified now in the tender's province (422 with the "
                    + "reasons when refused; the decision's id is kept as signatureDecisionId).")
    Objection object(@PathVariable String tenderId, @Valid @RequestBody ObjectionRequest r) {
        return objections.object(tenderId, r.content(), r.party(), r.signature(), Operator.current());
    }

    record AnswerRequest(@NotBlank @Size(max = 20000) String answer, Boolean amendsDocuments) {
    }

    @PostMapping("/objections/{objectionId}/answer")
    @Operation(summary = "答复异议 Answer an objection",
            description = "With the last pending objection answered the procedure resumes; the time it stood still is "
                    + "given back, and an answer that amends the documents moves the deadline at least 15 days away.")
    Objection answer(@PathVariable String tenderId, @PathVariable String objectionId,
            @Valid @RequestBody AnswerRequest r) {
        return objections.answer(tenderId, objectionId, r.answer(), Boolean.TRUE.equals(r.amendsDocuments()),
                Operator.current());
    }

    record AwardRequest(@NotBlank @Size(max = 100) String winnerBidId, @Size(max = 2000) String reason) {
    }

    @PostMapping("/award")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "确定中标人 Determine the winner",
            description = "From the candidates. Under government procurement and where rank one must win (TBR 55), "
                    + "another candidate only with the reason the better-ranked dropped out.")
    void award(@PathVariable String tenderId, @Valid @RequestBody AwardRequest r) {
        decisions.chooseWinner(tenderId, r.winnerBidId(), r.reason(), Operator.current());
    }

    /** A step that takes nothing but its doing; the body is an empty JSON object. */
    record StepDone() {
    }

    @PostMapping("/contract")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "签订合同 The contract is signed",
            description = "The tenderer: within 30 days of the award notice (TBL 46; GPL 46). Body {}. 409 when the "
                    + "step is not open, 403 for anyone but the tenderer.")
    void signContract(@PathVariable String tenderId, @RequestBody StepDone body) {
        closing.complete(tenderId, ClosingSteps.Step.SIGN_CONTRACT, Operator.current());
    }

    @PostMapping("/contract/publication")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "公告合同 The contract is published",
            description = "Government procurement, the purchaser: within 2 working days of signing (GPR 50). Body {}.")
    void publishContract(@PathVariable String tenderId, @RequestBody StepDone body) {
        closing.complete(tenderId, ClosingSteps.Step.PUBLISH_CONTRACT, Operator.current());
    }

    @PostMapping("/contract/filing")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "合同备案 The contract is filed",
            description = "Government procurement, the purchaser: with the finance department within 7 working days "
                    + "(GPL 47). Body {}.")
    void fileContract(@PathVariable String tenderId, @RequestBody StepDone body) {
        closing.complete(tenderId, ClosingSteps.Step.FILE_CONTRACT, Operator.current());
    }

    @PostMapping("/supervisor-report")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "书面报告监督部门 Report to the supervisor",
            description = "Tendering Law, the tenderer: within 15 days of the award (TBL 47). Body {}.")
    void reportToSupervisor(@PathVariable String tenderId, @RequestBody StepDone body) {
        closing.complete(tenderId, ClosingSteps.Step.REPORT_TO_SUPERVISOR, Operator.current());
    }

    record AfterFailureRequest(@NotNull LifecycleProcess.NextStep nextStep, LocalDate documentIssueDate,
            @JsonDeserialize(using = DeadlineDeserializer.class) OffsetDateTime bidDeadline,
            ProcurementMethod procurementMethod, @Size(max = 2000) String reason, Boolean documentsDefective) {
    }

    @PostMapping("/after-failure")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "失败后：重新招标或变更方式 After a failure: tender again or change the method",
            description = "RETENDER with documentIssueDate and bidDeadline (the registration rules decide the periods "
                    + "again: 422 with the article); METHOD_CHANGE with procurementMethod and reason, for approval — under "
                    + "the Tendering Law only after a re-tender failed too (TBL 28; F4), under government procurement not "
                    + "when the documents were defective (documentsDefective, O87 43).")
    void afterFailure(@PathVariable String tenderId, @Valid @RequestBody AfterFailureRequest r) {
        decisions.afterFailure(tenderId, r.nextStep(), r.documentIssueDate(), r.bidDeadline(), r.procurementMethod(),
                r.reason(), Boolean.TRUE.equals(r.documentsDefective()), Operator.current());
    }

    record MethodChangeDecision(@NotNull Boolean approved, @Size(max = 2000) String comment) {
    }

    @PostMapping("/method-change/decision")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "审批采购方式变更 Decide a change of method",
            description = "The finance department (government procurement) or the project approval authority.")
    void decideMethodChange(@PathVariable String tenderId, @Valid @RequestBody MethodChangeDecision r) {
        decisions.decideMethodChange(tenderId, r.approved(), r.comment(), Operator.current());
    }

    record TerminationRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping("/termination")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "终止招标 Terminate", description = "Before the award (TBR 31; O87 29); fees and bonds are refunded.")
    void terminate(@PathVariable String tenderId, @Valid @RequestBody TerminationRequest r) {
        decisions.terminate(tenderId, r.reason(), Operator.current());
    }

    record VenueChoice(@NotNull Boolean remote, @Size(max = 2000) String reason) {
    }

    @PostMapping("/evaluation-venue")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "选择远程异地评标 Choose remote evaluation",
            description = "Centre clerks, before the opening: send a project to remote cross-site evaluation that the "
                    + "policy does not require (J1); a project the policy sends remote cannot be kept local (422).")
    void venue(@PathVariable String tenderId, @Valid @RequestBody VenueChoice r) {
        decisions.chooseEvaluationVenue(tenderId, r.remote(), r.reason(), Operator.current());
    }
}

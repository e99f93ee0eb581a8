package io.huitong.tender.web;

import io.huitong.rules.DecisionRecord;
import io.huitong.rules.FiredRule;
import io.huitong.shared.security.Operator;
import io.huitong.shared.web.Violation;
import io.huitong.tender.ApprovalService;
import io.huitong.tender.RegistrationRequest;
import io.huitong.tender.RegistrationService;
import io.huitong.tender.Tender;
import io.huitong.tender.Regime;
import io.huitong.tender.TenderList;
import io.huitong.tender.TenderQueries;
import io.huitong.tender.TenderStatus;
import io.huitong.tender.TenderView;
import io.huitong.tender.registration.RegistrationDecision;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "招标项目 Tenders", description = "项目登记、规则决策与审批 / Registration, rule decisions and approval")
class TenderController {

    static final String WORKS_EXAMPLE = """
            {"title": "郑州市某道路改造工程施工", "regime": "TENDERING_LAW", "category": "WORKS",
             "estimatedAmount": 5000000.00, "budgetFunds": 5000000.00, "totalInvestment": 10000000.00,
             "stateControlled": true, "regionCode": "410100", "procurementMethod": "OPEN",
             "bidBondAmount": 100000.00, "bidBondForms": ["E_GUARANTEE", "BANK_GUARANTEE"],
             "documentIssueDate": "2026-12-01", "bidDeadline": "2026-12-21T09:30:00+08:00",
             "tieBreak": "LOWER_EVALUATED_PRICE",
             "purchaserId": "12410100MB0000077Y", "purchaserName": "郑州市市政工程管理处"}""";
    static final String XINYANG_EXAMPLE = """
            {"title": "信阳市某单位办公设备采购", "regime": "GOVERNMENT_PROCUREMENT", "category": "GOODS",
             "estimatedAmount": 1500000.00, "regionCode": "411502", "procurementMethod": "OPEN",
             "documentIssueDate": "2026-12-01", "bidDeadline": "2026-12-21",
             "purchaserId": "12410100MB0000077Y", "purchaserName": "信阳市某单位"}""";
    static final String XINYANG_BOND_EXAMPLE = """
            {"title": "信阳市某单位办公设备采购", "regime": "GOVERNMENT_PROCUREMENT", "category": "GOODS",
             "estimatedAmount": 1500000.00, "regionCode": "411502", "procurementMethod": "OPEN",
             "bidBondAmount": 30000.00, "documentIssueDate": "2026-12-01", "bidDeadline": "2026-12-21",
             "purchaserId": "12410100MB0000077Y", "purchaserName": "信阳市某单位"}""";

    private final RegistrationService registration;
    private final TenderQueries queries;
    private final ApprovalService approvals;

    TenderController(RegistrationService registration, TenderQueries queries, ApprovalService approvals) {
        this.registration = registration;
        this.queries = queries;
        this.approvals = approvals;
    }

    @PostMapping("/tenders")
    @Operation(summary = "登记项目 Register a project",
            description = "Decides the registration by the rules in force. 201 with the decisions and the approval "
                    + "route started; 400 unreadable; 422 refused by validation or the rules (the decision record "
                    + "is kept, no tender is created).")
    ResponseEntity<TenderView> register(@RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = {
                @ExampleObject(name = "works", summary = "工程施工（招标投标法）Works under the Tendering Law",
                        value = WORKS_EXAMPLE),
                @ExampleObject(name = "xinyang-goods", summary = "信阳政府采购货物 Government procurement in Xinyang",
                        value = XINYANG_EXAMPLE)})) RegistrationRequest request) {
        Tender tender = registration.register(request, Operator.current());
        return ResponseEntity.created(URI.create("/api/tenders/" + tender.id())).body(queries.view(tender, Operator.current().userId()));
    }

    @GetMapping("/tenders")
    @Operation(summary = "项目列表 List tenders",
            description = "A page of tenders, newest registration first, with the total. Purchasers see what they "
                    + "registered; the centre's clerks and director, approvers, supervisors and finance see all "
                    + "(`mine=true`: only their own registrations). Filters: `status` (repeatable), `region` (a region "
                    + "code or its prefix, e.g. 4115), `regime`, `q` (words of the title). `page` from 0, `size` 1–100 "
                    + "(default 20). 400 names a filter that cannot be read; 403 for other users.")
    TenderList list(@RequestParam(name = "status", required = false) List<String> status,
            @RequestParam(name = "region", required = false) String region,
            @RequestParam(name = "regime", required = false) String regime,
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "mine", defaultValue = "false") boolean mine,
            @RequestParam(name = "page", defaultValue = "0") int page,
            @RequestParam(name = "size", defaultValue = "20") int size) {
        List<Violation> invalid = new java.util.ArrayList<>();
        List<TenderStatus> statuses = new java.util.ArrayList<>();
        for (String s : status == null ? List.<String>of() : status) {
            for (String one : s.split(",")) {
                try {
                    statuses.add(TenderStatus.valueOf(one.strip()));
                } catch (IllegalArgumentException e) {
                    invalid.add(Violation.of("status", "validation.enum", null,
                            java.util.Arrays.toString(TenderStatus.values()), one,
                            "未知的项目状态", "Unknown tender status"));
                }
            }
        }
        Regime law = null;
        if (regime != null && !regime.isBlank()) {
            try {
                law = Regime.valueOf(regime.strip());
            } catch (IllegalArgumentException e) {
                invalid.add(Violation.of("regime", "validation.enum", null,
                        java.util.Arrays.toString(Regime.values()), regime, "未知的法律制度", "Unknown regime"));
            }
        }
        if (region != null && !region.isBlank() && !region.strip().matches("\\d{1,6}")) {
            invalid.add(Violation.of("region", "validation.Pattern", null, "1–6 digits", region,
                    "行政区划代码或其前缀为1至6位数字", "A region code or its prefix: 1 to 6 digits"));
        }
        if (q != null && q.strip().length() > 100) {
            invalid.add(Violation.of("q", "validation.Size", null, "≤ 100", q.length(),
                    "检索词不超过100个字符", "At most 100 characters"));
        }
        if (page < 0 || page > 100_000) {
            invalid.add(Violation.of("page", "validation.Range", null, "0–100000", page,
                    "页码从0开始", "Pages count from 0"));
        }
        if (size < 1 || size > 100) {
            invalid.add(Violation.of("size", "validation.Range", null, "1–100", size,
                    "每页1至100项", "1 to 100 a page"));
        }
        if (!invalid.isEmpty()) {
            throw new io.huitong.shared.web.BadRequestException(invalid);
        }
        return queries.list(new TenderList.Filter(statuses, region == null || region.isBlank() ? null : region.strip(),
                law, q == null || q.isBlank() ? null : q.strip(), mine), page, size, Operator.current().userId());
    }

    @GetMapping("/tenders/{id}")
    @Operation(summary = "查看项目 A tender, its decisions and its approval",
            description = "Open steps: those the caller may act on (a candidate group of its own, or assigned or "
                    + "offered to it); administrators and supervisors see all. The open approval step's task id only to "
                    + "its group and the tenderer.")
    TenderView tender(@PathVariable String id) {
        return queries.view(id, Operator.current().userId());
    }

    @GetMapping("/tenders/{id}/decisions")
    @Operation(summary = "项目的决策记录 A tender's decision records",
            description = "Every decision: inputs, outputs, the rules that fired with citations, the rule-set version. "
                    + "A bid's submission record, refused or accepted, is listed before the opening only to its own "
                    + "bidder (TBL 22): nobody else, the centre and administrators included, learns how many bid.")
    List<DecisionRecord> decisions(@PathVariable String id) {
        return queries.decisions(id, Operator.current().userId());
    }

    /** An approver's decision on the open step. */
    record ApprovalDecision(@NotNull Boolean approved, @Size(max = 2000) String comment,
            @io.swagger.v3.oas.annotations.media.Schema(description = "审批人看到的待办步骤（可选）；已由他人处理时为409 / "
                    + "The step the approver saw (optional): 409 if someone decided it meanwhile") @Size(max = 64)
            String taskId) {
    }

    @PostMapping("/tenders/{id}/approval")
    @Operation(summary = "审批当前步骤 Decide the open approval step",
            description = "Any member of the step's candidate group decides; a return needs its reasons (comment). "
                    + "403 outside the group, 409 when no step is open or, with taskId, when that step was decided "
                    + "meanwhile (on any node). 200 with the tender as it stands after the step; 202 when the step "
                    + "ended the route and the tender's approval or return is still being carried out (it follows "
                    + "within a second: read the tender at the Location given).")
    ResponseEntity<TenderView> decide(@PathVariable String id, @Valid @RequestBody ApprovalDecision decision) {
        approvals.decide(id, decision.approved(), decision.comment(), decision.taskId(), Operator.current());
        TenderView after = queries.view(id, Operator.current().userId());
        // whether a step is still open is asked of the whole view: the caller sees only steps of its own groups
        if (after.status() == io.huitong.tender.TenderStatus.PENDING_APPROVAL
                && queries.view(id).approval().openStep() == null) {
            // the route has ended; marking the tender approved or returned runs as its own job (retried on failure)
            return ResponseEntity.accepted().location(URI.create("/api/tenders/" + id))
                    .header(org.springframework.http.HttpHeaders.RETRY_AFTER, "1").body(after);
        }
        return ResponseEntity.ok(after);
    }

    /** What the sandbox answers: the decisions, the refusals, the rules that fired. */
    record SandboxResult(DecisionRecord.Outcome outcome, String ruleSetVersion, String decisionId,
            RegistrationDecision decisions, List<Violation> violations, List<FiredRule> firedRules) {
    }

    @PostMapping("/rules/registration/evaluate")
    @Operation(summary = "规则沙箱 Try the registration rules",
            description = "The same body as registration, the same decisions out; only the decision record is stored. "
                    + "A refusal is reported in the body (outcome REFUSED), not as an error.")
    SandboxResult evaluate(@RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = {
                @ExampleObject(name = "works", value = WORKS_EXAMPLE),
                @ExampleObject(name = "xinyang-goods-with-bond", summary = "refused: Xinyang waives bid bonds",
                        value = XINYANG_BOND_EXAMPLE)})) RegistrationRequest request) {
        RegistrationService.Result result = registration.evaluate(request, Operator.current());
        return new SandboxResult(result.record().outcome(), result.evaluation().ruleSetVersion(),
                result.record().id(), result.evaluation().decisions(), result.evaluation().violations(),
                result.evaluation().firedRules());
    }
}

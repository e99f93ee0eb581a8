package io.huitong.rules.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.rules.FiredRule;
import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.rules.impact.ImpactReports;
import io.huitong.rules.impact.ImpactRequest;
import io.huitong.rules.impact.RuleImpact;
import io.huitong.rules.DecisionReplay;
import io.huitong.rules.DecisionReplays;
import io.huitong.shared.security.Operator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The rule author's workbench: the sandbox for every decision kind, and the impact of a candidate rule set. */
@RestController
@RequestMapping("/api/rules")
@Tag(name = "规则 Rules", description = "规则集版本、重新加载与决策记录 / Rule-set versions, reload, decision records")
class RuleImpactController {

    private final DecisionReplays replays;
    private final RuleSetRegistry registry;
    private final RuleImpact impact;
    private final ImpactReports reports;

    RuleImpactController(DecisionReplays replays, RuleSetRegistry registry, RuleImpact impact, ImpactReports reports) {
        this.replays = replays;
        this.registry = registry;
        this.impact = impact;
        this.reports = reports;
    }

    record DecisionKind(String name, String kind, String description) {
    }

    @GetMapping("/decision-kinds")
    @Operation(summary = "可重算的决策类型 The decision kinds the sandbox and the impact analysis decide again")
    List<DecisionKind> kinds() {
        return replays.all().stream().map(r -> new DecisionKind(r.name(), r.kind(), r.description())).toList();
    }

    /** What the sandbox answers: the kind's outputs and the rules that fired, with their citations. */
    record SandboxAnswer(String kind, String ruleSetVersion, JsonNode outputs, List<FiredRule> firedRules) {
    }

    @PostMapping("/{kind}/evaluate")
    @Operation(summary = "规则沙箱（各类决策） Try the rules of any decision kind",
            description = "The body is the kind's inputs as its decision records keep them (GET /api/rules/decision-kinds; "
                    + "a record's inputs at GET /api/decisions/{id}). Decided under the version in force, or the stored "
                    + "version named; read-only: nothing is stored. 422 naming the input that is missing or unreadable. "
                    + "Registration by its request stays at POST /api/rules/registration/evaluate.")
    SandboxAnswer evaluate(@PathVariable @Size(max = 40) String kind,
            @RequestParam(required = false) @Size(max = 64) String version, @RequestBody JsonNode inputs) {
        DecisionReplay replay = replays.named(kind);
        RuleSet ruleSet = version == null || version.isBlank() ? registry.active() : registry.version(version.strip());
        DecisionReplay.Replayed replayed = replay.replay(inputs, ruleSet);
        return new SandboxAnswer(replay.kind(), ruleSet.version(), replayed.outputs(), replayed.firedRules());
    }

    @PostMapping("/impact")
    @Operation(summary = "规则变更影响分析 The impact of a candidate rule set on past decisions",
            description = "Decides the decisions of the period (and kinds) again from their stored inputs under the "
                    + "candidate, as of the date each was taken for (the act's date its record keeps; today for older "
                    + "records), and compares each with its answer under the version it used (as its record keeps it, "
                    + "or decided again under that version where the record cannot tell), and reports per kind how "
                    + "many were decided again, changed and failed (expert draws: excluded, with the reason), and "
                    + "each changed decision with its tender, its old "
                    + "and new outputs where they differ (before, after: only the members that differ; differences: "
                    + "each path with its old and new value) and the rules that fired differently. The candidate is a stored version or the rules folder zipped (base64), "
                    + "compiled in memory and never activated: 422 with file and line if it does not compile. Only the "
                    + "report is stored (201, at the Location given). Rule authors and administrators.")
    ResponseEntity<JsonNode> measure(@Valid @RequestBody ImpactRequest request) {
        ImpactReports.Stored report = impact.measure(request, Operator.current().userId());
        return ResponseEntity.created(URI.create("/api/rules/impact/" + report.id())).body(report.report());
    }

    @GetMapping(value = "/impact/{id}")
    @Operation(summary = "影响分析报告 An impact report", description = "JSON, or with format=csv each changed decision "
            + "as a line of CSV.")
    ResponseEntity<?> report(@PathVariable @Size(max = 36) String id,
            @RequestParam(required = false) @Size(max = 8) String format) {
        ImpactReports.Stored report = reports.get(id);
        if ("csv".equalsIgnoreCase(format)) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header("Content-Disposition", "attachment; filename=\"impact-" + report.id() + ".csv\"")
                    .body(io.huitong.rules.impact.ImpactCsv.csv(report.report()));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report.report());
    }
}

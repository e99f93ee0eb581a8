package io.huitong.rules.web;

import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionRecords;
import io.huitong.rules.DecisionSealing;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.rules.RuleSetVersionSummary;
import io.huitong.rules.RuleSetSources;
import io.huitong.rules.impact.ImpactReports;
import io.huitong.shared.security.Operator;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "规则 Rules", description = "规则集版本、重新加载与决策记录 / Rule-set versions, reload, decision records")
class RulesController {

    private final RuleSetRegistry registry;
    private final DecisionRecords decisionRecords;
    private final List<DecisionSealing> sealing;

    private final ImpactReports impactReports;

    RulesController(RuleSetRegistry registry, DecisionRecords decisionRecords, List<DecisionSealing> sealing,
            ImpactReports impactReports) {
        this.impactReports = impactReports;
        this.sealing = sealing;
        this.registry = registry;
        this.decisionRecords = decisionRecords;
    }

    record RulesOverview(String activeVersion, String origin, int ruleCount, List<RuleSetVersionSummary> versions) {
    }

    @GetMapping("/rules")
    @Operation(summary = "规则集版本 The rule-set version in force and every stored version")
    RulesOverview overview() {
        var active = registry.active();
        return new RulesOverview(active.version(), active.origin(), active.ruleCount(), registry.versions());
    }

    @PostMapping("/rules/reload")
    @Operation(summary = "重新加载规则 Reload the rules folder",
            description = "Compiles every *.drl and policy file under rules/. Activates the new version only if it "
                    + "compiles; otherwise 422 with each problem's file, line and column, and the running version stays. "
                    + "With requireImpactReport, only if that impact report was made for the version the folder holds "
                    + "(422 otherwise, 404 if there is no such report).")
    RuleSetRegistry.Reload reload(@RequestParam(required = false) @Size(max = 36) String requireImpactReport) {
        if (requireImpactReport == null || requireImpactReport.isBlank()) {
            return registry.reload(Operator.current().userId());
        }
        ImpactReports.Stored report = impactReports.get(requireImpactReport.strip());
        return registry.reload(Operator.current().userId(), version -> {
            if (!version.equals(report.candidateVersion())) {
                throw new ValidationException(List.of(Violation.of("requireImpactReport", "rules.impact-report-required",
                        null, version, report.candidateVersion(),
                        "影响分析报告针对的不是待加载的规则版本 " + version,
                        "The impact report was made for version " + report.candidateVersion()
                                + ", not for version " + version + " the rules folder holds")));
            }
        });
    }

    @GetMapping("/rules/versions/{version}")
    @Operation(summary = "规则集版本的文件 The files of a stored version")
    RuleSetSources version(@PathVariable String version) {
        return registry.sources(version);
    }

    @GetMapping("/decisions/{id}")
    @Operation(summary = "决策记录 A decision record",
            description = "Inputs, outputs, the rules that fired with citations, refusals, the rule-set version.")
    DecisionRecord decision(@PathVariable String id) {
        DecisionRecord record = decisionRecords.get(id);
        String user = Operator.current().userId();
        return sealing.stream().anyMatch(s -> s.sealed(record, user)) ? DecisionSealing.redacted(record) : record;
    }
}

package io.huitong.tender;

import io.huitong.rules.RuleOutput;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.workflow.TaskGuide;
import io.huitong.tender.registration.RegistrationDecision;
import io.huitong.tender.registration.RegistrationRules;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/** An approver sees why the route came to them: the rule that put their step on it, with its article. */
@Component
class RegistrationGuide implements TaskGuide {

    private final TenderService tenders;
    private final RegistrationRules rules;
    private final RuleSetRegistry ruleSets;

    RegistrationGuide(TenderService tenders, RegistrationRules rules, RuleSetRegistry ruleSets) {
        this.tenders = tenders;
        this.rules = rules;
        this.ruleSets = ruleSets;
    }

    @Override
    public String explain(DelegateTask task) {
        if (!"approveRegistration".equals(task.getTaskDefinitionKey())) {
            return null;
        }
        Tender tender = tenders.get((String) task.getVariable("tenderId"));
        RegistrationDecision decisions = tenders.decisions(tender);
        String group = task.getCandidates().stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(l -> l.getGroupId()).findFirst().orElse("?");
        Map<String, List<RuleOutput>> reasons = rules.routeReasons(tenders.facts(tender, tender.documentIssueDate(),
                tender.bidDeadline(), false, tender.registeredAt().atZone(java.time.ZoneId.of("Asia/Shanghai"))
                        .toLocalDate()), ruleSets.version(tender.ruleSetVersion()));
        String why = reasons.getOrDefault(group, List.of()).stream()
                .map(r -> "「" + r.rule() + "」(" + r.citation() + ")").collect(Collectors.joining("；"));
        return "项目：" + tender.title() + "，估算价 " + tender.estimatedAmount().toPlainString() + " 元"
                + (decisions.mustTender() ? "，依法必须招标" : "") + "。\n"
                + "审批路线 Approval route：" + String.join(" → ", decisions.approvalRoute()) + "\n"
                + "本步骤（" + group + "）由规则 " + (why.isEmpty() ? "（无）" : why) + " 加入审批路线 / "
                + "This step is on the route because of the rule(s) above, with their articles.\n"
                + "规则集版本 Rule-set version：" + tender.ruleSetVersion();
    }
}

package io.huitong.tender;

import io.huitong.rules.RuleOutput;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.time.LegalClock;
import io.huitong.tender.registration.RegistrationDecision;
import io.huitong.tender.registration.RegistrationRules;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Why an approval step came to its approvers: the rules that put the step's candidate group on the route, with
 * their articles. The Tasklist guide ({@code tender.steps}) asks with the tender id and the task's group.
 */
@Service
public class ApprovalGuidance {

    private final TenderService tenders;
    private final RegistrationRules rules;
    private final RuleSetRegistry ruleSets;

    ApprovalGuidance(TenderService tenders, RegistrationRules rules, RuleSetRegistry ruleSets) {
        this.tenders = tenders;
        this.rules = rules;
        this.ruleSets = ruleSets;
    }

    /** The explanation of the approval step of this candidate group ({@code null}: unknown, shown as "?"). */
    public String explain(String tenderId, String candidateGroup) {
        Tender tender = tenders.get(tenderId);
        RegistrationDecision decisions = tenders.decisions(tender);
        String group = candidateGroup == null ? "?" : candidateGroup;
        Map<String, List<RuleOutput>> reasons = rules.routeReasons(tenders.facts(tender, tender.documentIssueDate(),
                tender.bidDeadline(), false, tender.registeredAt().atZone(LegalClock.CHINA).toLocalDate()),
                ruleSets.version(tender.ruleSetVersion()));
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

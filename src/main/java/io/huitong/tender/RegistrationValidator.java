package io.huitong.tender;

import io.huitong.rules.Notice;
import io.huitong.rules.NoticeKey;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.web.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Checks of a registration that bean validation cannot make: those between fields, and those that need the
 * date. The rules then decide what the law says; these only make sure the facts can be decided on.
 */
final class RegistrationValidator {

    private RegistrationValidator() {
    }

    /**
     * The checks, the notices (rules/registration/notices.yaml) from {@code notices}: the version in force's
     * ({@code RuleSetRegistry::notice}).
     */
    static List<Violation> check(RegistrationRequest r, LocalDate today, Function<NoticeKey, Notice> notices) {
        List<Violation> violations = new ArrayList<>();
        if (r.documentIssueDate().isBefore(today)) {
            violations.add(Violation.of("documentIssueDate", "validation.not-before-today", null, today,
                    r.documentIssueDate(), "招标文件发出日不得早于今天", "The documents cannot be issued before today"));
        }
        LocalDate deadline = r.bidDeadline().atZoneSameInstant(LegalClock.CHINA).toLocalDate();
        if (!deadline.isAfter(r.documentIssueDate())) {
            violations.add(Violation.of("bidDeadline", "validation.after-document-issue", null,
                    r.documentIssueDate().plusDays(1), deadline, "投标截止日须晚于招标文件发出日",
                    "The bid deadline must come after the day the documents are issued"));
        }
        if (r.serviceKind() != null && r.category() != Category.SERVICES) {
            violations.add(Violation.of("serviceKind", "validation.services-only", null, "SERVICES", r.category(),
                    "仅服务类项目可填写服务类别", "A kind of service is given only for services"));
        }
        if (r.invitationGround() != null && r.procurementMethod() != ProcurementMethod.INVITATION) {
            violations.add(Violation.of("invitationGround", "validation.invitation-only", null, "INVITATION",
                    r.procurementMethod(), "仅邀请招标需填写邀请理由", "A ground for invitation is given only for invitation"));
        }
        if (r.budgetFunds() != null && r.totalInvestment() != null
                && r.budgetFunds().compareTo(r.totalInvestment()) > 0) {
            violations.add(Violation.of("budgetFunds", "validation.within-total-investment", null,
                    r.totalInvestment(), r.budgetFunds(), "预算资金不得超过项目总投资",
                    "Budget funds cannot exceed the total investment"));
        }
        if (r.regime() == Regime.TENDERING_LAW) {
            // MT16 Arts 2 and 5 cannot be decided without these: a missing one must not read as "no".
            Notice mustTender = notices.apply(TenderNotices.REQUIRED_FOR_MUST_TENDER);
            requireForTenderingLaw(violations, "budgetFunds", r.budgetFunds(), mustTender);
            requireForTenderingLaw(violations, "totalInvestment", r.totalInvestment(), mustTender);
            requireForTenderingLaw(violations, "stateControlled", r.stateControlled(), mustTender);
            if (r.category() == Category.SERVICES) {
                requireForTenderingLaw(violations, "serviceKind", r.serviceKind(),
                        notices.apply(TenderNotices.REQUIRED_FOR_SERVICE_KIND));
            }
        }
        return violations;
    }

    private static void requireForTenderingLaw(List<Violation> violations, String field, Object value,
            Notice notice) {
        if (value == null) {
            violations.add(notice.violation(field, "validation.required-for-tendering-law", null, null));
        }
    }
}

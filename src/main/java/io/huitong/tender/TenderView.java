package io.huitong.tender;

import io.huitong.tender.registration.RegistrationDecision;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A tender as the API shows it: what was registered, what the rules decided, where its approval stands. */
public record TenderView(
        String id,
        String title,
        TenderStatus status,
        String statusLabel,
        Regime regime,
        Category category,
        ServiceKind serviceKind,
        ProcurementMethod procurementMethod,
        BigDecimal estimatedAmount,
        String regionCode,
        LocalDate documentIssueDate,
        OffsetDateTime bidDeadline,
        String ruleSetVersion,
        String decisionId,
        RegistrationDecision decisions,
        Approval approval,
        String returnReason,
        Instant registeredAt,
        String registeredBy) {

    /** The approval route: its groups, the steps taken, the step open now. */
    public record Approval(List<String> route, List<Step> steps, OpenStep openStep) {
    }

    public record Step(int stepNo, String group, boolean approved, String comment, String decidedBy,
            Instant decidedAt) {
    }

    public record OpenStep(int stepNo, String group, String taskId, String taskName) {
    }
}

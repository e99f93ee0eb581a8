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
        String registeredBy,
        int round,
        String outcomeReason,
        String winnerBidId,
        List<Deadline> timeline,
        List<OpenTask> openTasks,
        EvaluationScheme evaluationScheme) {

    /**
     * A due date: {@code dueAt} is the moment it falls due (for a legal period, 24:00 of its last day, CC 203);
     * {@code lastDay} the last day of a period.
     */
    public record Deadline(int round, String name, String label, OffsetDateTime dueAt, LocalDate lastDay,
            Integer length, io.huitong.shared.time.PeriodUnit unit, String citation, String rule,
            TenderTimeline.State state, boolean overdue) {
    }

    /** A task waiting for someone: who may do it, and by when. */
    public record OpenTask(String taskId, String taskKey, String name, String assignee, List<String> candidateGroups,
            java.util.Date due, String processDefinitionKey) {
    }

    /** The approval route: its groups, the steps taken, the step open now. */
    public record Approval(List<String> route, List<Step> steps, OpenStep openStep) {
    }

    public record Step(int stepNo, String group, boolean approved, String comment, String decidedBy,
            Instant decidedAt) {
    }

    public record OpenStep(int stepNo, String group, String taskId, String taskName) {
    }
}

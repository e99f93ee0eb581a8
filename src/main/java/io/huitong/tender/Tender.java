package io.huitong.tender;

import io.huitong.shared.web.ConflictException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A tender (招标项目) as registered. Its status changes only through guarded transitions; the BPMN model
 * decides when a transition is asked for, the tender decides whether it may happen. A tender keeps the
 * rule-set version in force when it was registered.
 */
public final class Tender {

    private final String id;
    private final String title;
    private final Regime regime;
    private final Category category;
    private final ServiceKind serviceKind;
    private final ProcurementMethod procurementMethod;
    private final BigDecimal estimatedAmount;
    private final String regionCode;
    private final LocalDate documentIssueDate;
    private final OffsetDateTime bidDeadline;
    private final String ruleSetVersion;
    private final String registrationDecisionId;
    private final String registrationJson;
    private final String decisionsJson;
    private final Instant registeredAt;
    private final String registeredBy;
    private TenderStatus status;
    private String processInstanceId;
    private String returnReason;
    private int rowVersion;

    Tender(String id, String title, Regime regime, Category category, ServiceKind serviceKind,
            ProcurementMethod procurementMethod, BigDecimal estimatedAmount, String regionCode,
            LocalDate documentIssueDate, OffsetDateTime bidDeadline, String ruleSetVersion,
            String registrationDecisionId, String registrationJson, String decisionsJson, Instant registeredAt,
            String registeredBy, TenderStatus status, String processInstanceId, String returnReason, int rowVersion) {
        this.id = id;
        this.title = title;
        this.regime = regime;
        this.category = category;
        this.serviceKind = serviceKind;
        this.procurementMethod = procurementMethod;
        this.estimatedAmount = estimatedAmount;
        this.regionCode = regionCode;
        this.documentIssueDate = documentIssueDate;
        this.bidDeadline = bidDeadline;
        this.ruleSetVersion = ruleSetVersion;
        this.registrationDecisionId = registrationDecisionId;
        this.registrationJson = registrationJson;
        this.decisionsJson = decisionsJson;
        this.registeredAt = registeredAt;
        this.registeredBy = registeredBy;
        this.status = status;
        this.processInstanceId = processInstanceId;
        this.returnReason = returnReason;
        this.rowVersion = rowVersion;
    }

    /** Approved by every step of its route. */
    public void approve() {
        requireStatus(TenderStatus.PENDING_APPROVAL, "approve");
        status = TenderStatus.APPROVED;
    }

    /** Returned to the purchaser by a step of its route, with the reasons. */
    public void returnToPurchaser(String reason) {
        requireStatus(TenderStatus.PENDING_APPROVAL, "return");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a returned registration needs its reasons");
        }
        status = TenderStatus.RETURNED;
        returnReason = reason;
    }

    void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    private void requireStatus(TenderStatus expected, String action) {
        if (status != expected) {
            throw new ConflictException("招标项目 " + id + " 当前状态为" + status.label() + "，不能" + action
                    + " / Tender " + id + " is " + status + ": cannot " + action);
        }
    }

    void incrementVersion() {
        rowVersion++;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Regime regime() {
        return regime;
    }

    public Category category() {
        return category;
    }

    public ServiceKind serviceKind() {
        return serviceKind;
    }

    public ProcurementMethod procurementMethod() {
        return procurementMethod;
    }

    public BigDecimal estimatedAmount() {
        return estimatedAmount;
    }

    public String regionCode() {
        return regionCode;
    }

    public LocalDate documentIssueDate() {
        return documentIssueDate;
    }

    public OffsetDateTime bidDeadline() {
        return bidDeadline;
    }

    public String ruleSetVersion() {
        return ruleSetVersion;
    }

    public String registrationDecisionId() {
        return registrationDecisionId;
    }

    String registrationJson() {
        return registrationJson;
    }

    String decisionsJson() {
        return decisionsJson;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public String registeredBy() {
        return registeredBy;
    }

    public TenderStatus status() {
        return status;
    }

    public String processInstanceId() {
        return processInstanceId;
    }

    public String returnReason() {
        return returnReason;
    }

    int rowVersion() {
        return rowVersion;
    }
}

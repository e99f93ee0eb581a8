package io.huitong.tender;

import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import java.util.List;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * A tender (招标项目). Its status changes only through guarded transitions, each naming the state it needs; the
 * BPMN models decide when a transition is asked for, the tender decides whether it may happen. A tender keeps
 * the rule-set version in force when it was registered. A failed tender may be tendered again: a new round, with
 * new dates.
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
    private final String ruleSetVersion;
    private final String registrationDecisionId;
    private final String registrationJson;
    private String decisionsJson;
    private final Instant registeredAt;
    private final String registeredBy;
    private LocalDate documentIssueDate;
    private OffsetDateTime bidDeadline;
    private TenderStatus status;
    private String processInstanceId;
    private String lifecycleInstanceId;
    private String returnReason;
    private int round;
    private Instant suspendedAt;
    private TenderStatus suspendedFrom;
    private String winnerBidId;
    private String outcomeReason;
    private FailureKind failureKind;
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
        this.round = 1;
    }

    /** The lifecycle fields, as read back from the database. */
    void restore(int round, String lifecycleInstanceId, Instant suspendedAt, TenderStatus suspendedFrom,
            String winnerBidId, String outcomeReason, FailureKind failureKind) {
        this.failureKind = failureKind;
        this.round = round;
        this.lifecycleInstanceId = lifecycleInstanceId;
        this.suspendedAt = suspendedAt;
        this.suspendedFrom = suspendedFrom;
        this.winnerBidId = winnerBidId;
        this.outcomeReason = outcomeReason;
    }

    // ---- registration -----------------------------------------------------------------------------------------

    /** Approved by every step of its route. */
    public void approve() {
        requireStatus("approve", TenderStatus.PENDING_APPROVAL);
        status = TenderStatus.APPROVED;
    }

    /** Returned to the purchaser by a step of its route, with the reasons. */
    public void returnToPurchaser(String reason) {
        requireStatus("return", TenderStatus.PENDING_APPROVAL);
        requireReason(reason);
        status = TenderStatus.RETURNED;
        returnReason = reason;
    }

    // ---- announcement and bidding ----------------------------------------------------------------------------

    /** Why a round failed. */
    public enum FailureKind {
        /** 投标人少于规定数量，不得开标 (F2, F3). */
        TOO_FEW_BIDS,
        /** 开标后有效投标不足 (O87 43, 44). */
        TOO_FEW_VALID,
        /** 合格投标不足 (GPL 36; O87 44). */
        TOO_FEW_QUALIFIED,
        /** 预留项目合格中小企业不足 (SME46 10): the next round is not reserved. */
        RESERVATION_UNFILLED,
        /** 评标委员会否决全部投标 (R12 27; TBL 42). */
        ALL_REJECTED
    }

    /**
     * The announcement is published and the documents issued, on {@code issuedOn} (later than planned when the
     * route ended late): bids are accepted until the deadline.
     */
    public void announce(String lifecycleInstanceId, LocalDate issuedOn) {
        requireStatus("announce", TenderStatus.APPROVED);
        status = TenderStatus.BIDDING;
        this.lifecycleInstanceId = lifecycleInstanceId;
        if (issuedOn.isAfter(documentIssueDate)) {
            documentIssueDate = issuedOn;
        }
    }

    /** The bid deadline moves (a late clarification, TBR 21; an answered objection, TBR 22). */
    public void moveDeadline(OffsetDateTime newDeadline) {
        requireStatus("move the bid deadline", TenderStatus.BIDDING, TenderStatus.SUSPENDED);
        if (!newDeadline.isAfter(bidDeadline)) {
            throw new IllegalArgumentException("a deadline only moves later: " + newDeadline + " is not after "
                    + bidDeadline);
        }
        bidDeadline = newDeadline;
    }

    /** An objection or challenge suspends the procedure until it is answered (TBR 22, 54; O94 13). */
    public void suspend(Instant at) {
        requireStatus("suspend", TenderStatus.BIDDING, TenderStatus.PUBLICITY);
        suspendedFrom = status;
        status = TenderStatus.SUSPENDED;
        suspendedAt = at;
    }

    /** Every pending objection answered: the procedure resumes where it was suspended. */
    public void resume() {
        requireStatus("resume", TenderStatus.SUSPENDED);
        status = suspendedFrom;
        suspendedFrom = null;
        suspendedAt = null;
    }

    /** The bid deadline has passed (F1). */
    public void closeBidding() {
        requireStatus("close bidding", TenderStatus.BIDDING);
        status = TenderStatus.CLOSED;
    }

    /** Failed (流标, 废标): too few bids or valid bids, or every bid rejected. */
    public void fail(FailureKind kind, String reason) {
        requireStatus("fail", TenderStatus.CLOSED, TenderStatus.OPENED, TenderStatus.EVALUATING);
        requireReason(reason);
        status = TenderStatus.FAILED;
        failureKind = kind;
        outcomeReason = reason;
    }

    /**
     * Tendered again after a failure: a new round with new dates (TBL 28, 42; O87 43), under the decisions the
     * rules took for it (a reservation for SMEs that could not be filled is lifted, SME46 10).
     */
    public void retender(LocalDate newIssueDate, OffsetDateTime newDeadline, String newDecisionsJson) {
        requireStatus("tender again", TenderStatus.FAILED);
        round++;
        documentIssueDate = newIssueDate;
        bidDeadline = newDeadline;
        decisionsJson = newDecisionsJson;
        status = TenderStatus.APPROVED;
        outcomeReason = null;
        failureKind = null;
    }

    /** Another method approved after the failure (GPL 37; O87 43; A14): this procedure ends. */
    public void changeMethod(String reason) {
        requireStatus("change method", TenderStatus.FAILED);
        status = TenderStatus.METHOD_CHANGED;
        outcomeReason = reason;
    }

    // ---- opening, evaluation, award --------------------------------------------------------------------------

    public void open() {
        requireStatus("open", TenderStatus.CLOSED);
        status = TenderStatus.OPENED;
    }

    public void startEvaluation() {
        requireStatus("start evaluation", TenderStatus.OPENED);
        status = TenderStatus.EVALUATING;
    }

    /** Tendering Law: the candidates are publicised (TBR 54). */
    public void publishCandidates() {
        requireStatus("publicise candidates", TenderStatus.EVALUATING);
        status = TenderStatus.PUBLICITY;
    }

    /** The winner is being determined: after publicity (Tendering Law) or from the report (GP, O87 68). */
    public void startAwarding() {
        requireStatus("determine the winner", TenderStatus.EVALUATING, TenderStatus.PUBLICITY);
        status = TenderStatus.AWARDING;
    }

    /** The winner is determined and notified. */
    public void award(String winnerBidId) {
        requireStatus("award", TenderStatus.AWARDING);
        if (winnerBidId == null) {
            throw new IllegalArgumentException("an award names its winning bid");
        }
        this.winnerBidId = winnerBidId;
        status = TenderStatus.AWARDED;
    }

    public void contract() {
        requireStatus("record the contract", TenderStatus.AWARDED);
        status = TenderStatus.CONTRACTED;
    }

    public void archive() {
        requireStatus("archive", TenderStatus.CONTRACTED);
        status = TenderStatus.ARCHIVED;
    }

    /** Terminated by the purchaser before the award (TBR 31; O87 29): fees and bonds are refunded. */
    public void terminate(String reason) {
        if (!status.isTerminable()) {
            throw conflict("terminate");
        }
        requireReason(reason);
        status = TenderStatus.TERMINATED;
        outcomeReason = reason;
    }

    void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    private void requireStatus(String action, TenderStatus... allowed) {
        Set<TenderStatus> states = EnumSet.of(allowed[0], allowed);
        if (!states.contains(status)) {
            throw conflict(action);
        }
    }

    private ConflictException conflict(String action) {
        return new ConflictException("招标项目 " + id + " 当前状态为" + status.label() + "，不能执行此操作 / Tender "
                + id + " is " + status + ": cannot " + action);
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ValidationException(List.of(Violation.of("reason", "validation.reasons", null, null, reason,
                    "须说明理由", "The reasons are required")));
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

    /**
     * The bid deadline's day in China: the date of the act the bid and evaluation rules govern (the law of the
     * procedure in force by the deadline applies to its bids and their evaluation).
     */
    public LocalDate bidDeadlineDate() {
        return bidDeadline == null ? null
                : bidDeadline.atZoneSameInstant(io.huitong.shared.time.LegalClock.CHINA).toLocalDate();
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

    public String lifecycleInstanceId() {
        return lifecycleInstanceId;
    }

    public String returnReason() {
        return returnReason;
    }

    public int round() {
        return round;
    }

    public Instant suspendedAt() {
        return suspendedAt;
    }

    /** What a suspension resumes: bidding or publicity. */
    public TenderStatus suspendedFrom() {
        return suspendedFrom;
    }

    public String winnerBidId() {
        return winnerBidId;
    }

    public String outcomeReason() {
        return outcomeReason;
    }

    public FailureKind failureKind() {
        return failureKind;
    }

    int rowVersion() {
        return rowVersion;
    }
}

package io.huitong.lifecycle;

import io.huitong.bidding.Bid;
import io.huitong.bidding.BidService;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.RuleRefusalException;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import io.huitong.tender.ProcurementMethod;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the lifecycle's user tasks check when completed (the listeners in {@code steps/Guards} read the task's
 * variables and call these): the same checks apply whether a task is completed through Huitong's API, Tasklist or
 * the engine's REST API. A refused completion changes nothing.
 */
@Component
public class LifecycleChecks {

    private final TenderService tenders;
    private final Objections objections;
    private final LegalPeriods periods;
    private final BidService bids;
    private final RuleSetRegistry ruleSets;

    LifecycleChecks(TenderService tenders, Objections objections, LegalPeriods periods, BidService bids,
            RuleSetRegistry ruleSets) {
        this.ruleSets = ruleSets;
        this.tenders = tenders;
        this.objections = objections;
        this.periods = periods;
        this.bids = bids;
    }

    /** The procedure resumes only when every objection of the round is answered (TBR 22, 54). */
    public void objectionsAnswered(String tenderId) {
        Tender tender = tenders.get(tenderId);
        long pending = objections.pending(tender.id()).stream().filter(o -> o.round() == tender.round()).count();
        if (pending > 0) {
            throw new ConflictException("尚有" + pending + "项异议未答复 / " + pending
                    + " objection(s) not yet answered: answer each through POST /objections/{id}/answer");
        }
    }

    /** After a failure: tender again with dates the rules accepted, or a change of method the rules allow. */
    public void nextStepDecided(String tenderId, Object next, Object newDecisionId, Object method, Object reason,
            boolean documentsDefective) {
        Tender tender = tenders.get(tenderId);
        if (LifecycleProcess.NextStep.RETENDER.name().equals(next)) {
            if (newDecisionId == null) {
                throw invalid(LifecycleProcess.NEXT_STEP, next, "重新招标请通过 POST /after-failure 提交新的日期，由规则判定",
                        "Tender again through POST /after-failure, whose dates the rules decide");
            }
            return;
        }
        if (!LifecycleProcess.NextStep.METHOD_CHANGE.name().equals(next)) {
            throw invalid(LifecycleProcess.NEXT_STEP, next, "请选择重新招标或变更采购方式",
                    "Choose RETENDER or METHOD_CHANGE");
        }
        if (!(method instanceof String m) || !isMethod(m) || !(reason instanceof String r) || r.isBlank()) {
            throw invalid(LifecycleProcess.NEW_METHOD, method, "变更采购方式须说明新的方式和理由",
                    "A change of method names the method and the reasons");
        }
        List<Violation> refused = periods.afterFailureRefusals(tender, true, documentsDefective);
        if (!refused.isEmpty()) {
            throw new RuleRefusalException(refused, null, tender.ruleSetVersion());
        }
    }

    /** The approver decides; a refusal gives its reasons. */
    public void methodChangeDecided(Object approved, Object comment) {
        if (!(approved instanceof Boolean decision)) {
            throw invalid(LifecycleProcess.METHOD_CHANGE_APPROVED, approved, "请选择批准或不批准",
                    "Approve or refuse: choose one");
        }
        if (!decision && (!(comment instanceof String c) || c.isBlank())) {
            throw invalid("comment", comment, "不批准须说明理由", "A refusal gives its reasons");
        }
    }

    /**
     * The winner is one of the candidates (TBL 40, 57). Under government procurement (O87 68) and where rank one
     * must win (TBR 55), another candidate only with the reason the better-ranked ones dropped out.
     */
    public void winnerChosen(String tenderId, Object winnerId, Object reason) {
        Tender tender = tenders.get(tenderId);
        Bid winner = winnerId instanceof String id ? bids.ofRound(tender.id(), tender.round()).stream()
                .filter(b -> b.id().equals(id) && b.candidateRank() != null).findFirst().orElse(null) : null;
        if (winner == null) {
            throw new ValidationException(List.of(ruleSets.notice(LifecycleNotices.WINNER_NOT_CANDIDATE)
                    .violation(LifecycleProcess.WINNER_BID_ID, "validation." + LifecycleProcess.WINNER_BID_ID, null,
                            winnerId)));
        }
        if (winner.candidateRank() == 1 || reason instanceof String r && !r.isBlank()) {
            return;
        }
        String rankOrder = periods.rankOrderCitation(tender);
        if (rankOrder != null) {
            throw new ValidationException(List.of(Violation.of(LifecycleProcess.REASON, "validation.rank-order",
                    rankOrder, 1, winner.candidateRank(), "不确定排名第一的中标候选人的，须说明其放弃中标或者不能履行的理由",
                    "Passing over the first-ranked candidate needs the reason it dropped out")));
        }
    }

    private static boolean isMethod(String method) {
        for (ProcurementMethod m : ProcurementMethod.values()) {
            if (m.name().equals(method)) {
                return true;
            }
        }
        return false;
    }

    private static ValidationException invalid(String field, Object value, String zh, String en) {
        return ValidationException.of(field, value, null, zh, en);
    }
}

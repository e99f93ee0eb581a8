package io.huitong.tender;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionRecords;
import io.huitong.tender.registration.RegistrationDecision;
import java.util.List;
import org.springframework.stereotype.Service;

/** Reads tenders for the API. */
@Service
public class TenderQueries {

    private final Tenders tenders;
    private final ApprovalService approvals;
    private final DecisionRecords decisionRecords;
    private final ObjectMapper json;

    TenderQueries(Tenders tenders, ApprovalService approvals, DecisionRecords decisionRecords, ObjectMapper json) {
        this.tenders = tenders;
        this.approvals = approvals;
        this.decisionRecords = decisionRecords;
        this.json = json;
    }

    public TenderView view(String id) {
        return view(tenders.get(id));
    }

    public TenderView view(Tender t) {
        RegistrationDecision decisions = read(t.decisionsJson());
        List<TenderView.Step> steps = approvals.steps(t.id()).stream()
                .map(s -> new TenderView.Step(s.stepNo(), s.candidateGroup(), s.approved(), s.comment(),
                        s.decidedBy(), s.decidedAt()))
                .toList();
        TenderView.OpenStep open = t.status() != TenderStatus.PENDING_APPROVAL ? null : approvals.openStep(t)
                .map(o -> new TenderView.OpenStep(o.stepNo(), o.candidateGroup(), o.taskId(), o.name()))
                .orElse(null);
        return new TenderView(t.id(), t.title(), t.status(), t.status().label(), t.regime(), t.category(),
                t.serviceKind(), t.procurementMethod(), t.estimatedAmount(), t.regionCode(), t.documentIssueDate(),
                t.bidDeadline(), t.ruleSetVersion(), t.registrationDecisionId(), decisions,
                new TenderView.Approval(decisions.approvalRoute(), steps, open), t.returnReason(), t.registeredAt(),
                t.registeredBy());
    }

    /** Every decision recorded for a tender, oldest first. */
    public List<DecisionRecord> decisions(String id) {
        tenders.get(id);
        return decisionRecords.ofTender(id);
    }

    private RegistrationDecision read(String text) {
        try {
            return json.readValue(text, RegistrationDecision.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored decisions are not readable", e);
        }
    }
}

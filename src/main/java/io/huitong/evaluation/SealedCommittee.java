package io.huitong.evaluation;

import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionSealing;
import io.huitong.shared.workflow.TaskActions;
import io.huitong.tender.TenderService;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A committee's decision record names its members, an expert draw's the experts drawn, and an evaluation's (or a
 * score correction's) the members' scores and flags: confidential until the result is determined (G11: TBL 37;
 * O87 47), except to whoever recorded it, supervisors and administrators. So are the opening's (the bid files'
 * machine fingerprints and the collusion flags before the committee has decided them) and a collusion decision's
 * (it names the chair). A member's certificate signature of the report (a SIGNATURE record for a person) names the
 * member and the identity number, personal information: sealed for good, except to the member, supervisors and
 * administrators.
 */
@Component
class SealedCommittee implements DecisionSealing {

    static final Set<String> KINDS = Set.of("COMMITTEE", "EXPERT_DRAW", "REMOTE_PLAN", "EVALUATION",
            "SCORE_CORRECTION", "COLLUSION_DECISION", "BID_OPENING");

    private final TenderService tenders;
    private final TaskActions tasks;

    SealedCommittee(TenderService tenders, TaskActions tasks) {
        this.tenders = tenders;
        this.tasks = tasks;
    }

    @Override
    public boolean sealed(DecisionRecord record, String userId) {
        boolean person = io.huitong.certification.CertificateVerification.SIGNATURE.equals(record.kind())
                && record.inputs() != null && record.inputs().path("facts").hasNonNull("expectedIdNo");
        if (!(person || KINDS.contains(record.kind())) || record.tenderId() == null
                || userId != null && userId.equals(record.operator())) {
            return false;
        }
        if (userId != null) {
            List<String> groups = tasks.groupsOf(userId);
            if (groups.contains("camunda-admin") || groups.contains("supervisor")) {
                return false;
            }
        }
        return person || tenders.get(record.tenderId()).winnerBidId() == null;
    }
}

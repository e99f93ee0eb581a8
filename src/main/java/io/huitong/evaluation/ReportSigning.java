package io.huitong.evaluation;

import io.huitong.certification.CertificateVerdict;
import io.huitong.certification.CertificateVerification;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.security.Operator;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import io.huitong.shared.workflow.TaskActions;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The members sign the evaluation report, agreeing or dissenting with written reasons (TBR 53); a refusal to sign
 * without reasons counts as agreement (R12 45). A member may sign with a certificate (optional, as a bid may be
 * signed): a detached CMS signature over the report's text ({@link EvaluationReport}), verified for the member's
 * own identity number as the expert pool records it, where the tender is, now, with the tender's rule set (ESL 13,
 * 14; docs/rules.md O4); refused, the member has not signed.
 */
@Component
class ReportSigning {

    private final TenderService tenders;
    private final Committee committee;
    private final Committees committees;
    private final TaskActions tasks;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final RuleSetRegistry ruleSets;
    private final EvaluationReport reports;
    private final ExpertIdentities identities;
    private final CertificateVerification certificates;

    ReportSigning(TenderService tenders, Committee committee, Committees committees, TaskActions tasks,
            TransactionTemplate transactions, Clock clock, RuleSetRegistry ruleSets, EvaluationReport reports,
            ExpertIdentities identities, CertificateVerification certificates) {
        this.ruleSets = ruleSets;
        this.reports = reports;
        this.identities = identities;
        this.certificates = certificates;
        this.tenders = tenders;
        this.committee = committee;
        this.committees = committees;
        this.tasks = tasks;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A member signs, agreeing, or dissenting with written reasons; completes that member's signing task. */
    void sign(String tenderId, boolean agree, String dissent, String signature, Operator operator) {
        if (!agree && (dissent == null || dissent.isBlank())) {
            throw new ValidationException(List.of(ruleSets.notice(EvaluationNotices.DISSENT_REASONS)
                    .violation("dissent", "validation.reasons", null, dissent)));
        }
        // verified before the signing's transaction: its decision record is kept whether accepted or refused
        String decisionId = signature == null ? null : verified(tenderId, signature, operator).decisionId();
        transactions.executeWithoutResult(s -> {
            CommitteeMember member = committee.member(tenders.get(tenderId), operator.userId());
            committees.sign(member.id(), agree ? null : dissent.strip(), clock.instant(), decisionId);
            tasks.complete(tenderId, Evaluation.SIGN_REPORT, operator, Map.of());
        });
    }

    /** The report as the members sign it; 403 to anyone else, 409 before the scores are aggregated. */
    ReportView report(String tenderId, Operator operator) {
        Tender tender = tenders.get(tenderId);
        committee.member(tender, operator.userId());
        return reports.of(tender).orElseThrow(() -> new ConflictException(
                "评标报告尚未形成：评分尚未汇总 / There is no report yet: the scores are not aggregated"));
    }

    /**
     * The member's certificate signature of the report, verified for the member's identity number in the tender's
     * region, now, with the tender's rule set; a refusal is the certification decision's 422.
     */
    private CertificateVerdict verified(String tenderId, String signature, Operator operator) {
        Tender tender = tenders.get(tenderId);
        committee.member(tender, operator.userId());
        String idNo = identities.idNo(operator.userId()).orElseThrow(() -> ValidationException.of("signature",
                operator.userId(), "an expert of the pool", "专家库中没有你的公民身份号码，无法核验证书签名",
                "The expert pool has no identity number of yours to verify a certificate signature against"));
        ReportView report = reports.of(tender).orElseThrow(() -> new ConflictException(
                "评标报告尚未形成：评分尚未汇总 / There is no report yet: the scores are not aggregated"));
        return certificates.verifyPersonFor(tenderId, tender.round(), ruleSets.version(tender.ruleSetVersion()),
                report.bytes(), base64(signature), idNo, tender.regionCode(), clock.instant()).requireAccepted();
    }

    private static byte[] base64(String signature) {
        try {
            return java.util.Base64.getMimeDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("signature", null, "Base64", "签名不是 Base64 编码",
                    "The signature is not Base64");
        }
    }

    /** A member signed by completing the task without the API: agreement (R12 45). */
    void signedByCompletion(Tender tender, String userId) {
        CommitteeMember member = committee.member(tender, userId);
        if (!committees.signed(member.id())) {
            committees.sign(member.id(), null, clock.instant());
        }
    }

    /** The user ids of the sitting members who have not signed the report. */
    List<String> yetToSign(String tenderId) {
        return committee.of(tenderId).stream().filter(m -> m.signedAt() == null).map(CommitteeMember::userId)
                .toList();
    }
}

package io.huitong.certification;

import io.huitong.rules.RuleOutput;
import io.huitong.shared.web.RuleRefusalException;
import io.huitong.shared.web.Violation;
import java.time.Instant;
import java.util.List;

/**
 * The rules' answer on a certificate (or a signature made with it) for an entity, in a province, at a time: accepted
 * with the rule that accepted it, or refused with every reason (Chinese and English, each with its rule and article),
 * and the decision record that keeps it.
 *
 * @param signatureValid for a signature, whether it verifies; null for a certificate alone
 * @param acceptedBy the rule that accepted it (null when refused)
 * @param idNo for a person's certificate, the identity number it was checked for ({@code creditCode} is null then)
 * @param subjectIdNo for a person's certificate, the identity number its subject carries (null: none)
 */
public record CertificateVerdict(boolean accepted, String decisionId, String ruleSetVersion, String creditCode,
        String province, Instant at, String caId, String subject, String issuer, String serialNumber,
        String subjectCreditCode, Instant notBefore, Instant notAfter, Boolean signatureValid, RuleOutput acceptedBy,
        List<Violation> violations, String idNo, String subjectIdNo) {

    /** This verdict if accepted; a refusal (422 through the API: rule, article, reason) otherwise. */
    public CertificateVerdict requireAccepted() {
        if (!accepted) {
            throw new RuleRefusalException(violations, decisionId, ruleSetVersion);
        }
        return this;
    }
}

package io.huitong.certification;

import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionRecords;
import io.huitong.rules.Refusal;
import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.party.CreditCodes;
import io.huitong.shared.security.Operator;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.cert.X509CertificateHolder;
import org.springframework.stereotype.Service;

/**
 * Verifies certificates and signatures of any recognised CA for a trading entity (docs/rules.md K7, K8, O4, O5): the
 * chain up to a CA of the trust list that the province recognises on the day, validity, revocation by CRL, the
 * entity's credit code in the subject, and for a signature its value; RSA, ECDSA and SM2/SM3 alike. Java states the
 * facts, the rules of {@code rules/certification} decide, and every decision is recorded (kind CERTIFICATE or
 * SIGNATURE) with its inputs, the rules that fired and the rule-set version.
 */
@Service
public class CertificateVerification {

    static final String CERTIFICATE = "CERTIFICATE";
    public static final String SIGNATURE = "SIGNATURE";

    private final CertificateChecks checks;
    private final RuleSetRegistry ruleSets;
    private final DecisionRecords decisionRecords;
    private final ObjectMapper json;
    private final Clock clock;

    CertificateVerification(CertificateChecks checks, RuleSetRegistry ruleSets, DecisionRecords decisionRecords,
            ObjectMapper json, Clock clock) {
        this.checks = checks;
        this.ruleSets = ruleSets;
        this.decisionRecords = decisionRecords;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A certificate chain (PEM, the entity's certificate first; the CAs above it may follow) for the entity of
     * {@code creditCode}, used in {@code province} (GB/T 2260: two digits, or a six-digit region code) at {@code at}
     * (null: now). 422 for input that cannot be read; a refusal is the verdict's, not an exception.
     */
    public CertificateVerdict verify(String pemChain, String creditCode, String province, Instant at) {
        List<X509CertificateHolder> chain = Pem.certificates(pemChain, "chain");
        return decide(CERTIFICATE, chain, creditCode, province, at, null, null, null, 0);
    }

    /**
     * A detached CMS (PKCS#7) signature over {@code content}, its signer's certificate inside, for the entity of
     * {@code creditCode}, in {@code province}, at {@code at} (null: now): the certificate's verdict and the
     * signature's validity.
     */
    public CertificateVerdict verify(byte[] content, byte[] signature, String creditCode, String province, Instant at) {
        return signature(content, null, signature, creditCode, province, at, null, 0);
    }

    /**
     * The same for a signature made in a tender's round (a bid): its record names the tender and the round, so that
     * it is sealed with the bid until the round is opened (who signed a bid is who bid, TBL 22).
     */
    public CertificateVerdict verifyFor(String tenderId, int round, byte[] content, byte[] signature,
            String creditCode, String province, Instant at) {
        return signature(content, null, signature, creditCode, province, at, tenderId, round);
    }

    /** The same over the content's SHA-256, for a signature with signed attributes and a SHA-256 digest. */
    public CertificateVerdict verifyDigest(byte[] sha256, byte[] signature, String creditCode, String province,
            Instant at) {
        if (sha256 == null || sha256.length != 32) {
            throw ValidationException.of("contentSha256", sha256 == null ? null : sha256.length, 32,
                    "SHA-256 摘要应为 32 字节", "A SHA-256 digest is 32 bytes");
        }
        return signature(null, sha256, signature, creditCode, province, at, null, 0);
    }

    private CertificateVerdict signature(byte[] content, byte[] sha256, byte[] signature, String creditCode,
            String province, Instant at, String tenderId, int round) {
        if (signature == null || signature.length == 0) {
            throw ValidationException.of("signature", null, "CMS SignedData", "需要签名", "The signature is required");
        }
        Signatures.Signed signed = Signatures.read(content, sha256, signature);
        return decide(SIGNATURE, signed.chain(), creditCode, province, at, signed.valid(), signed.problem(), tenderId,
                round);
    }

    private CertificateVerdict decide(String kind, List<X509CertificateHolder> chain, String creditCode,
            String province, Instant at, Boolean signatureValid, String signatureProblem, String tenderId,
            int round) {
        if (creditCode == null || !CreditCodes.isValid(creditCode)) {
            throw ValidationException.of("creditCode", creditCode, "GB 32100", "统一社会信用代码无效",
                    "Not a valid unified social credit code");
        }
        String p = Provinces.of(province, "province");
        Instant when = at == null ? clock.instant() : at;
        CertificateChecks.Found found = checks.facts(chain, creditCode, p, when, signatureValid, signatureProblem);
        CertificateFacts facts = found.facts();
        RuleSet ruleSet = ruleSets.active();
        java.time.LocalDate asOf = when.atZone(LegalClock.CHINA).toLocalDate();
        RuleSet.Evaluation evaluation = ruleSet.evaluate(asOf, List.of(facts));
        List<Violation> violations = evaluation.all(Refusal.class).stream().map(Refusal::violation).toList();
        CertificateAcceptance acceptance = evaluation.all(CertificateAcceptance.class).stream().findFirst()
                .orElse(null);
        boolean accepted = violations.isEmpty() && acceptance != null;
        X509CertificateHolder entity = chain.get(0);
        ObjectNode inputs = json.createObjectNode();
        inputs.put("kind", kind);
        inputs.put("certificateSha256", TrustList.sha256(entity));
        inputs.put("subject", entity.getSubject().toString());
        inputs.put("issuer", entity.getIssuer().toString());
        inputs.put("serialNumber", entity.getSerialNumber().toString(16));
        inputs.set("facts", decisionRecords.facts(facts));
        inputs.put(io.huitong.rules.DecisionReplay.AS_OF, asOf.toString());
        if (tenderId != null) {
            inputs.put("round", round);
        }
        ObjectNode outputs = CertificateReplays.outputs(evaluation, json);
        Operator operator = Operator.current();
        String id = UUID.randomUUID().toString();
        decisionRecords.save(new DecisionRecord(id, kind,
                accepted ? DecisionRecord.Outcome.ACCEPTED : DecisionRecord.Outcome.REFUSED, false, tenderId,
                ruleSet.version(), clock.instant(), operator.userId(), operator.address(), inputs, outputs,
                evaluation.firedRules(), violations));
        return new CertificateVerdict(accepted, id, ruleSet.version(), creditCode, p, when, facts.caId(),
                entity.getSubject().toString(), entity.getIssuer().toString(), entity.getSerialNumber().toString(16),
                facts.subjectCreditCode(), entity.getNotBefore().toInstant(), entity.getNotAfter().toInstant(),
                signatureValid, accepted ? acceptance.by() : null, violations);
    }
}

package io.huitong.certification;

import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionRecords;
import io.huitong.rules.Refusal;
import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.security.Operator;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.cert.X509CertificateHolder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Verifies certificates and signatures of any recognised CA for a trading entity, or for a person (an evaluation
 * expert; docs/rules.md K7, K8, O4, O5): the chain up to a CA of the trust list that the province recognises on the
 * day, validity, revocation by CRL, the entity's credit code (the person's identity number) in the subject, and for a signature its value; RSA, ECDSA and SM2/SM3 alike. Java states the
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
    private final Duration skew;

    CertificateVerification(CertificateChecks checks, RuleSetRegistry ruleSets, DecisionRecords decisionRecords,
            ObjectMapper json, Clock clock, @Value("${huitong.certification.clock-skew:PT5M}") Duration skew) {
        this.checks = checks;
        this.ruleSets = ruleSets;
        this.decisionRecords = decisionRecords;
        this.json = json;
        this.clock = clock;
        this.skew = skew;
    }

    /**
     * A certificate chain (PEM, the entity's certificate first; the CAs above it may follow) for the entity of
     * {@code creditCode}, used in {@code province} (GB/T 2260: two digits, or a six-digit region code) at {@code at}
     * (null: now; a time more than the clock skew before now is 422 naming {@code at}: a past time of use needs a
     * trusted timestamp, which is not supported yet). 422 for input that cannot be read (a malformed extension
     * too); a refusal is the verdict's, not an exception.
     */
    public CertificateVerdict verify(String pemChain, String creditCode, String province, Instant at) {
        List<X509CertificateHolder> chain = Pem.certificates(pemChain, "chain");
        CertificateExtensions.of(chain, "chain");
        return decide(CERTIFICATE, chain, Holder.entity(creditCode), province, at, null, null, null, 0,
                ruleSets.active());
    }

    /**
     * A detached CMS (PKCS#7) signature over {@code content}, its signer's certificate inside, for the entity of
     * {@code creditCode}, in {@code province}, at {@code at} (null: now): the certificate's verdict and the
     * signature's validity.
     */
    public CertificateVerdict verify(byte[] content, byte[] signature, String creditCode, String province, Instant at) {
        return signature(content, null, signature, Holder.entity(creditCode), province, at, null, 0,
                ruleSets.active());
    }

    /**
     * The same for a signature made in a tender's round (a bid), decided with the tender's own rule set (the version
     * it is pinned to, as the bid itself is): its record names the tender and the round, so that it is sealed with
     * the bid until the round is opened (who signed a bid is who bid, TBL 22).
     */
    /** A signature as a request carries it: Base64 (MIME line breaks allowed), or 422 naming {@code signature}. */
    public static byte[] base64(String signature) {
        try {
            return java.util.Base64.getMimeDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("signature", null, "Base64", "签名不是 Base64 编码",
                    "The signature is not Base64");
        }
    }

    public CertificateVerdict verifyFor(String tenderId, int round, RuleSet ruleSet, byte[] content,
            byte[] signature, String creditCode, String province, Instant at) {
        return signature(content, null, signature, Holder.entity(creditCode), province, at, tenderId, round,
                ruleSet);
    }

    /**
     * A person's signature in a tender's round (an evaluation expert signing the report), decided with the tender's
     * rule set: the certificate must carry {@code idNo}, the citizen identity number (GB 11643) of the person, in its
     * subject's serialNumber (SubjectCodes), and no other; the chain, the CA and its recognition in the province,
     * validity, revocation and key usage are decided as for an entity. 422 naming {@code idNo} when it is not a valid
     * identity number.
     */
    public CertificateVerdict verifyPersonFor(String tenderId, int round, RuleSet ruleSet, byte[] content,
            byte[] signature, String idNo, String province, Instant at) {
        return signature(content, null, signature, Holder.person(idNo), province, at, tenderId, round, ruleSet);
    }

    /** The same over the content's SHA-256, for a signature with signed attributes and a SHA-256 digest. */
    public CertificateVerdict verifyDigest(byte[] sha256, byte[] signature, String creditCode, String province,
            Instant at) {
        if (sha256 == null || sha256.length != 32) {
            throw ValidationException.of("contentSha256", sha256 == null ? null : sha256.length, 32,
                    "SHA-256 摘要应为 32 字节", "A SHA-256 digest is 32 bytes");
        }
        return signature(null, sha256, signature, Holder.entity(creditCode), province, at, null, 0,
                ruleSets.active());
    }

    private CertificateVerdict signature(byte[] content, byte[] sha256, byte[] signature, Holder holder,
            String province, Instant at, String tenderId, int round, RuleSet ruleSet) {
        if (signature == null || signature.length == 0) {
            throw ValidationException.of("signature", null, "CMS SignedData", "需要签名", "The signature is required");
        }
        Signatures.Signed signed = Signatures.read(content, sha256, signature);
        CertificateExtensions.of(signed.chain(), "signature");
        return decide(SIGNATURE, signed.chain(), holder, province, at, signed.valid(), signed.problem(), tenderId,
                round, ruleSet);
    }

    private CertificateVerdict decide(String kind, List<X509CertificateHolder> chain, Holder holder,
            String province, Instant at, Boolean signatureValid, String signatureProblem, String tenderId,
            int round, RuleSet ruleSet) {
        String p = Provinces.of(province, "province");
        Instant now = clock.instant();
        if (at != null && at.isBefore(now.minus(skew))) {
            // the CRLs are today's (and drop expired entries): only a trusted timestamp could show a key good then
            throw ValidationException.of("at", at, now.minus(skew),
                    "使用时间早于当前时间 " + skew.toMinutes() + " 分钟以上：过去的时间需要可信时间戳证明，暂不支持",
                    "The time of use is more than " + skew.toMinutes() + " minutes before now: a past time needs a "
                            + "trusted timestamp token, which is not supported yet");
        }
        Instant when = at == null ? now : at;
        CertificateChecks.Found found = checks.facts(chain, holder, p, when, signatureValid, signatureProblem);
        CertificateFacts facts = found.facts();
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
        return new CertificateVerdict(accepted, id, ruleSet.version(), holder.creditCode(), p, when, facts.caId(),
                entity.getSubject().toString(), entity.getIssuer().toString(), entity.getSerialNumber().toString(16),
                facts.subjectCreditCode(), entity.getNotBefore().toInstant(), entity.getNotAfter().toInstant(),
                signatureValid, accepted ? acceptance.by() : null, violations, holder.idNo(),
                facts.subjectIdNos() == null || facts.subjectIdNos().isEmpty() ? null : facts.subjectIdNos().get(0));
    }
}

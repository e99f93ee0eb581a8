package io.huitong.certification;

import io.huitong.shared.time.LegalClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What the cryptography found about a certificate chain (and a signature made with it) for one entity, in one
 * province, at one time; the rules of {@code rules/certification} decide from it whether it is accepted, and why not.
 * Java computes every field; no field is a legal judgement.
 *
 * @param expectedCreditCode the entity the certificate must belong to (unified social credit code)
 * @param province the province (first two digits of GB/T 2260) where it is used
 * @param at the time the certificate is used (a signature's time, or now)
 * @param chainIntact every certificate is signed by the one above it, and the top by a CA of the trust list where
 *     one bears its issuer's name
 * @param chainProblem what broke the chain, when it is broken
 * @param caKnown the chain ends at a CA of the trust list
 * @param caId the trust list's id of that CA
 * @param recognisedInProvince that CA is recognised in the province on the day of {@code at} (China time)
 * @param recognisedFrom the first day of the province's nearest recognition of the CA, if any
 * @param recognisedTo its last day (null: until further notice)
 * @param notBefore the latest start of validity among the chain's certificates
 * @param notAfter the earliest end of validity among the chain's certificates
 * @param revocationChecked every certificate below the CA was looked up in a current CRL of its issuer
 * @param crlProblem why a CRL could not be had, when not
 * @param revoked a certificate of the chain was revoked on or before {@code at}
 * @param revokedAt when it was revoked
 * @param subjectCreditCode the credit code the entity's certificate carries in its subject (null: none)
 * @param signatureValid for a signature: whether it verifies over the content with the certificate; null for a
 *     certificate alone
 * @param signatureProblem why it does not verify
 * @param keyUsage the key usages of the entity's certificate ("digitalSignature, nonRepudiation"); null when it has
 *     no key usage extension (no restriction, RFC 5280 4.2.1.3)
 * @param caConstraintProblem a CA certificate of the chain (or the CA of the trust list) used beyond its own
 *     constraints: a key usage without keyCertSign, or more CAs below it than its path length allows; null when none
 * @param subjectCreditCodes every distinct valid credit code the subject's attributes hold (organizationIdentifier,
 *     serialNumber, OU), in that order; null for a person's certificate
 * @param expectedIdNo for a person's certificate (an evaluation expert's), the citizen identity number (GB 11643) of
 *     the person it must belong to; null for an entity's, whose {@code expectedCreditCode} is given instead
 * @param subjectIdNos for a person's certificate, every distinct valid identity number its subject holds (in
 *     serialNumber, 2.5.4.5); null for an entity's
 */
public record CertificateFacts(String expectedCreditCode, String province, Instant at, boolean chainIntact,
        String chainProblem, boolean caKnown, String caId, boolean recognisedInProvince, LocalDate recognisedFrom,
        LocalDate recognisedTo, Instant notBefore, Instant notAfter, boolean revocationChecked, String crlProblem,
        boolean revoked, Instant revokedAt, String subjectCreditCode, Boolean signatureValid,
        String signatureProblem, String keyUsage, String caConstraintProblem, List<String> subjectCreditCodes,
        String expectedIdNo, List<String> subjectIdNos) {

    /** The facts of an entity's certificate (no identity number). */
    public CertificateFacts(String expectedCreditCode, String province, Instant at, boolean chainIntact,
            String chainProblem, boolean caKnown, String caId, boolean recognisedInProvince, LocalDate recognisedFrom,
            LocalDate recognisedTo, Instant notBefore, Instant notAfter, boolean revocationChecked, String crlProblem,
            boolean revoked, Instant revokedAt, String subjectCreditCode, Boolean signatureValid,
            String signatureProblem, String keyUsage, String caConstraintProblem, List<String> subjectCreditCodes) {
        this(expectedCreditCode, province, at, chainIntact, chainProblem, caKnown, caId, recognisedInProvince,
                recognisedFrom, recognisedTo, notBefore, notAfter, revocationChecked, crlProblem, revoked, revokedAt,
                subjectCreditCode, signatureValid, signatureProblem, keyUsage, caConstraintProblem,
                subjectCreditCodes, null, null);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(LegalClock.CHINA);

    /** The day of {@code at} in China. */
    public LocalDate day() {
        return at.atZone(LegalClock.CHINA).toLocalDate();
    }

    public boolean isNotYetValid() {
        return notBefore != null && at.isBefore(notBefore);
    }

    public boolean isExpired() {
        return notAfter != null && at.isAfter(notAfter);
    }

    /** A person's certificate (an expert's), checked for an identity number rather than a credit code. */
    public boolean isPerson() {
        return expectedIdNo != null;
    }

    /** The certificate names this very person, and no one else. */
    public boolean isOfPerson() {
        return expectedIdNo != null && subjectIdNos != null && subjectIdNos.equals(List.of(expectedIdNo));
    }

    /** The identity numbers of the subject as the messages show them (null: none). */
    public String subjectIdNosText() {
        return subjectIdNos == null || subjectIdNos.isEmpty() ? null : String.join(", ", subjectIdNos);
    }

    /** The certificate names this very entity. */
    public boolean isOfEntity() {
        return expectedCreditCode != null && expectedCreditCode.equals(subjectCreditCode);
    }

    /**
     * The entity's key may make signatures: no key usage extension, or one with digitalSignature or nonRepudiation
     * (an encryption certificate of China's dual-certificate system has neither: its key is escrowed by the CA).
     */
    public boolean isSigningKey() {
        return keyUsage == null || keyUsage.contains("digitalSignature") || keyUsage.contains("nonRepudiation");
    }

    /** Whether this is a signature (not a certificate alone). */
    public boolean isSignature() {
        return signatureValid != null;
    }

    /** A CA certificate of the chain is used beyond its constraints. */
    public boolean isCaConstraintBroken() {
        return caConstraintProblem != null;
    }

    /** The subject holds more than one valid credit code. */
    public boolean isSubjectCodesConflicting() {
        return subjectCreditCodes != null && subjectCreditCodes.size() > 1;
    }

    /** The subject's codes as the messages show them. */
    public String subjectCreditCodesText() {
        return subjectCreditCodes == null ? null : String.join(", ", subjectCreditCodes);
    }

    /** A signature was checked and does not verify. */
    public boolean isSignatureBroken() {
        return Boolean.FALSE.equals(signatureValid);
    }

    /** Times as the messages show them: China time. */
    public static String text(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    public String atText() {
        return text(at);
    }

    public String notBeforeText() {
        return text(notBefore);
    }

    public String notAfterText() {
        return text(notAfter);
    }

    public String revokedAtText() {
        return text(revokedAt);
    }
}

package io.huitong.certification;

import static org.assertj.core.api.Assertions.assertThat;

import io.huitong.rules.FiredRule;
import io.huitong.rules.Refusal;
import io.huitong.rules.RuleSet;
import io.huitong.support.RuleCoverage;
import io.huitong.support.RuleSets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The rules of {@code rules/certification}: what refuses a certificate or a signature, and what accepts it. */
class CertificationRulesTest {

    private static final Set<String> FIRED = new HashSet<>();
    static final String CODE = "91410100MA0000001X";
    static final Instant AT = Instant.parse("2026-11-27T02:00:00Z");

    static RuleSet.Evaluation evaluate(CertificateFacts facts) {
        RuleSet.Evaluation e = RuleSets.current().evaluate(LocalDate.of(2026, 11, 27), List.of(facts));
        e.firedRules().stream().map(FiredRule::rule).forEach(FIRED::add);
        return e;
    }

    @AfterAll
    static void everyCertificationRuleIsExercised() {
        assertThat(RuleCoverage.unfired(FIRED, "io.huitong.rules.certification"))
                .as("certification rules that no test made fire").isEmpty();
    }

    /** Facts of a good certificate, changed by the test. */
    static CertificateFacts good() {
        return new CertificateFacts(CODE, "41", AT, true, null, true, "CA1", true, LocalDate.of(2024, 1, 1), null,
                AT.minusSeconds(86400), AT.plusSeconds(86400), true, null, false, null, CODE, null, null,
                null, null, null);
    }

    static List<String> refusedBy(CertificateFacts facts) {
        return evaluate(facts).all(Refusal.class).stream().map(r -> r.by().rule()).toList();
    }

    @Test
    void a_good_certificate_is_accepted_citing_the_electronic_signature_law() {
        RuleSet.Evaluation e = evaluate(good());
        assertThat(e.all(Refusal.class)).isEmpty();
        assertThat(e.all(CertificateAcceptance.class)).singleElement()
                .satisfies(a -> assertThat(a.by().citation()).contains("ESL 14").contains("EB20 44"));
    }

    @Test
    void each_fact_refuses_with_its_rule_and_nothing_is_accepted() {
        CertificateFacts g = good();
        assertThat(refusedBy(new CertificateFacts(CODE, "41", AT, false, "第 1 张证书的签名无效", true, "CA1", true,
                g.recognisedFrom(), null, g.notBefore(), g.notAfter(), true, null, false, null, CODE, null, null,
                null, null, null)))
                .containsExactly("ESL-13 a certificate chain unbroken up to its CA");
        assertThat(refusedBy(new CertificateFacts(CODE, "41", AT, true, null, false, null, false, null, null,
                g.notBefore(), g.notAfter(), false, null, false, null, CODE, null, null, null, null, null)))
                .containsExactly("EB20-44 a certificate of a CA on the platform's trust list");
        assertThat(refusedBy(new CertificateFacts(CODE, "11", AT, true, null, true, "CA1", false, null, null,
                g.notBefore(), g.notAfter(), true, null, false, null, CODE, null, null, null, null, null)))
                .containsExactly("CA54 a CA the province recognises on the day of use");
        assertThat(refusedBy(new CertificateFacts(CODE, "41", AT, true, null, true, "CA1", true, null, null,
                AT.plusSeconds(1), g.notAfter(), true, null, false, null, CODE, null, null, null, null, null)))
                .containsExactly("ESL-13 a certificate already valid at the time of use");
        assertThat(refusedBy(new CertificateFacts(CODE, "41", AT, true, null, true, "CA1", true, null, null,
                g.notBefore(), AT.minusSeconds(1), true, null, false, null, CODE, null, null, null, null, null)))
                .containsExactly("ESL-13 a certificate still valid at the time of use");
        assertThat(refusedBy(new CertificateFacts(CODE, "41", AT, true, null, true, "CA1", true, null, null,
                g.notBefore(), g.notAfter(), true, null, true, AT.minusSeconds(60), CODE, null, null,
                null, null, null)))
                .containsExactly("ESL-13 a revoked certificate signs nothing after its revocation");
        assertThat(refusedBy(new CertificateFacts(CODE, "41", AT, true, null, true, "CA1", true, null, null,
                g.notBefore(), g.notAfter(), false, "HTTP 404", false, null, CODE, null, null, null, null, null)))
                .containsExactly("ESL-13 a certificate whose revocation could be checked");
        assertThat(refusedBy(new CertificateFacts(CODE, "41", AT, true, null, true, "CA1", true, null, null,
                g.notBefore(), g.notAfter(), true, null, false, null, "91410100MA00000021", null, null,
                null, null, null)))
                .containsExactly("ESL-14 the certificate of the entity that uses it");
        assertThat(refusedBy(new CertificateFacts(CODE, "41", AT, true, null, true, "CA1", true, null, null,
                g.notBefore(), g.notAfter(), true, null, false, null, CODE, false, "摘要不符", null, null, null)))
                .containsExactly("ESL-13 a signature unaltered since it was made");
    }

    /** A person's certificate (an expert's) carrying these identity numbers, checked for {@code expected}. */
    static CertificateFacts person(String expected, List<String> idNos, Boolean signatureValid) {
        CertificateFacts g = good();
        return new CertificateFacts(null, "41", AT, true, null, true, "CA1", true, g.recognisedFrom(), null,
                g.notBefore(), g.notAfter(), true, null, false, null, null, signatureValid, null, null, null, null,
                expected, idNos);
    }

    @Test
    void a_persons_certificate_is_accepted_for_that_person_only_not_for_another_nor_for_two() {
        String expert = io.huitong.shared.party.IdentityNumbers.withCheck("41010219800101123");
        String other = io.huitong.shared.party.IdentityNumbers.withCheck("41010219810202234");
        RuleSet.Evaluation own = evaluate(person(expert, List.of(expert), true));
        assertThat(own.all(Refusal.class)).as("no credit code is asked of a person").isEmpty();
        assertThat(own.all(CertificateAcceptance.class)).hasSize(1);
        assertThat(refusedBy(person(expert, List.of(other), true)))
                .containsExactly("ESL-14 the certificate of the person who signs");
        assertThat(refusedBy(person(expert, List.of(), true)))
                .containsExactly("ESL-14 the certificate of the person who signs");
        assertThat(refusedBy(person(expert, List.of(expert, other), true)))
                .as("a certificate naming two people is no one's alone")
                .containsExactly("ESL-14 the certificate of the person who signs");
        Refusal refusal = evaluate(person(expert, List.of(other), true)).all(Refusal.class).get(0);
        assertThat(refusal.by().citation()).contains("ESL 13, 14").contains("O4");
        assertThat(refusal.violation().field()).isEqualTo("idNo");
        assertThat(refusal.violation().message()).contains(other).contains(expert);
        assertThat(refusedBy(person(expert, List.of(expert), false)))
                .containsExactly("ESL-13 a signature unaltered since it was made");
    }

    /** The good facts with the last three (key usage, CA constraints, subject codes) given. */
    static CertificateFacts with(Boolean signatureValid, String keyUsage, String caProblem, List<String> codes) {
        CertificateFacts g = good();
        return new CertificateFacts(CODE, "41", AT, true, null, true, "CA1", true, g.recognisedFrom(), null,
                g.notBefore(), g.notAfter(), true, null, false, null, CODE, signatureValid, null, keyUsage, caProblem,
                codes);
    }

    @Test
    void a_signature_with_an_encryption_key_is_refused_a_signing_key_is_not() {
        // China's dual certificates: the encryption certificate's key is escrowed by the CA, it proves no signer
        assertThat(refusedBy(with(true, "keyEncipherment, dataEncipherment", null, List.of(CODE))))
                .containsExactly("ESL-13 a signature made with a signing key, not an encryption key");
        Refusal refusal = evaluate(with(true, "keyEncipherment", null, null)).all(Refusal.class).get(0);
        assertThat(refusal.messageZh()).contains("keyEncipherment").contains("加密证书");
        assertThat(refusal.by().citation()).contains("ESL 13");
        assertThat(refusedBy(with(true, "digitalSignature", null, List.of(CODE)))).isEmpty();
        assertThat(refusedBy(with(true, "nonRepudiation", null, List.of(CODE)))).isEmpty();
        assertThat(refusedBy(with(true, null, null, List.of(CODE)))).as("no key usage: no restriction").isEmpty();
        // a certificate alone (registered, not signing) is not refused for it
        assertThat(refusedBy(with(null, "keyEncipherment", null, List.of(CODE)))).isEmpty();
    }

    @Test
    void a_ca_used_beyond_its_constraints_and_a_subject_with_two_codes_are_refused() {
        assertThat(refusedBy(with(null, null, "pathLen 0, 1 below", List.of(CODE))))
                .containsExactly("ESL-13 CA certificates used within their constraints");
        List<String> refused = refusedBy(with(null, null, null, List.of(CODE, "91410100MA00000021")));
        assertThat(refused).containsExactly("ESL-14 one entity named in the certificate's subject");
        assertThat(evaluate(with(null, null, null, List.of(CODE, "91410100MA00000021"))).all(Refusal.class).get(0)
                .messageEn()).contains(CODE).contains("91410100MA00000021");
    }

    @Test
    void validity_includes_both_ends() {
        CertificateFacts g = good();
        assertThat(refusedBy(new CertificateFacts(CODE, "41", AT, true, null, true, "CA1", true, null, null, AT, AT,
                true, null, false, null, CODE, true, null, null, null, null))).isEmpty();
    }

    @Test
    void the_refusal_speaks_chinese_and_english_with_the_dates_in_china_time() {
        CertificateFacts g = good();
        Refusal revoked = evaluate(new CertificateFacts(CODE, "41", AT, true, null, true, "CA1", true, null, null,
                g.notBefore(), g.notAfter(), true, null, true, Instant.parse("2026-11-20T01:00:00Z"), CODE, null,
                null, null, null, null)).all(Refusal.class).get(0);
        assertThat(revoked.messageZh()).contains("2026-11-20 09:00:00").contains("吊销");
        assertThat(revoked.messageEn()).contains("revoked on 2026-11-20 09:00:00");
        assertThat(revoked.by().citation()).contains("ESL 13");
        Refusal province = evaluate(new CertificateFacts(CODE, "41", AT, true, null, true, "CA1", false,
                LocalDate.of(2026, 11, 28), null, g.notBefore(), g.notAfter(), true, null, false, null, CODE, null,
                null, null, null, null)).all(Refusal.class).get(0);
        assertThat(province.messageZh()).contains("41").contains("2026-11-27").contains("2026-11-28").contains("长期");
        assertThat(province.by().citation()).contains("CA54");
    }
}

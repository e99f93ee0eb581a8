package io.huitong.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.huitong.certification.TestCa.Algorithm;
import io.huitong.certification.TestCa.CodeIn;
import io.huitong.support.ApiTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Certificates of several CAs, with real cryptography: RSA, EC and SM2 CAs made here with Bouncy Castle, their CRLs
 * served over HTTP by a JDK server, certificates and detached CMS signatures verified by the service and through the
 * API (docs/rules.md K7, K8, O4, O5).
 */
class CertificationApiTest extends ApiTest {

    static final String CODE = "91410100MA0000001X";
    /** 投标人2: another entity. */
    static final String OTHER = "91410100MA00000021";
    static final Instant T = NOW.toInstant();
    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2027-12-31T00:00:00Z");
    static final byte[] CONTENT = "投标文件 bid file".getBytes(StandardCharsets.UTF_8);
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final Map<String, byte[]> CRLS = new ConcurrentHashMap<>();
    private static HttpServer crlServer;
    private static final CountDownLatch STALLED = new CountDownLatch(1);

    @Autowired
    CertificateVerification verification;
    @Autowired
    TrustList trustList;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper mapper;
    @Autowired
    Revocations revocations;

    @BeforeAll
    static void serveCrls() throws Exception {
        crlServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        crlServer.setExecutor(Executors.newCachedThreadPool());
        // a CRL that never ends, and one that stops half-way and keeps the connection open
        crlServer.createContext("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] zeros = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                while (true) {
                    out.write(zeros);
                }
            } catch (IOException readerGone) {
                exchange.close();
            }
        });
        crlServer.createContext("/stalled", exchange -> {
            exchange.sendResponseHeaders(200, 1000);
            exchange.getResponseBody().write(new byte[10]);
            exchange.getResponseBody().flush();
            try {
                STALLED.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        crlServer.createContext("/", exchange -> {
            byte[] crl = CRLS.get(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(crl == null ? 404 : 200, crl == null ? -1 : crl.length);
            if (crl != null) {
                exchange.getResponseBody().write(crl);
            }
            exchange.close();
        });
        crlServer.start();
    }

    @AfterAll
    static void stopCrls() {
        STALLED.countDown();
        crlServer.stop(0);
    }

    /** A CA on the trust list, recognised in Henan (41) since 2025-01-01, its CRL published (unless told not). */
    TestCa recognisedCa(Algorithm algorithm) throws Exception {
        TestCa ca = newCa(algorithm);
        trustList.add(caId(ca), "测试 CA " + caId(ca), Pem.of(ca.certificate), "test");
        trustList.recognise(caId(ca), "41", LocalDate.of(2025, 1, 1), null, "test", "test");
        return ca;
    }

    static String crlUrl(String path) {
        return "http://127.0.0.1:" + crlServer.getAddress().getPort() + path;
    }

    /** A root CA of that name and CRL address, on the trust list under {@code id} and recognised in Henan. */
    TestCa listedCa(String id, String name, String crlUrl) throws Exception {
        TestCa ca = new TestCa(name, Algorithm.EC, Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2035-01-01T00:00:00Z"), crlUrl);
        trustList.add(id, "测试 CA " + id, Pem.of(ca.certificate), "test");
        trustList.recognise(id, "41", LocalDate.of(2025, 1, 1), null, "test", "test");
        return ca;
    }

    static Extension extension(ASN1ObjectIdentifier oid, ASN1Encodable value) throws IOException {
        return new Extension(oid, true, value.toASN1Primitive().getEncoded());
    }

    TestCa newCa(Algorithm algorithm) throws Exception {
        String name = "TEST-" + algorithm + "-" + NAMES.incrementAndGet();
        return new TestCa(name, algorithm, Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2035-01-01T00:00:00Z"), "http://127.0.0.1:" + crlServer.getAddress().getPort()
                        + "/crl/" + name);
    }

    static String caId(TestCa ca) {
        return ca.certificate.getSubject().toString().replaceAll(".*CN=([^,]+).*", "$1");
    }

    static void publish(TestCa ca) throws Exception {
        CRLS.put(ca.crlUrl.substring(ca.crlUrl.indexOf("/crl/")), ca.crl(T.minus(Duration.ofHours(1)),
                T.plus(Duration.ofDays(7))));
    }

    /**
     * Moves the clock to {@code at} and gives it: a past time of use needs a trusted timestamp, so a check "as of" a
     * past moment is made at that moment.
     */
    Instant asOf(Instant at) {
        clockAt(at.atZone(NOW.getZone()));
        return at;
    }

    static String refusedBy(CertificateVerdict verdict) {
        assertThat(verdict.accepted()).as("refused: %s", verdict).isFalse();
        return verdict.violations().get(0).rule();
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void certificates_and_signatures_of_rsa_ec_and_sm2_cas_are_accepted(Algorithm algorithm) throws Exception {
        TestCa ca = recognisedCa(algorithm);
        publish(ca);
        TestCa.Entity entity = ca.issue(CODE, FROM, TO);

        CertificateVerdict chain = verification.verify(entity.chainPem(), CODE, "410100", T);
        assertThat(chain.accepted()).as("%s", chain).isTrue();
        assertThat(chain.caId()).isEqualTo(caId(ca));
        assertThat(chain.province()).isEqualTo("41");
        assertThat(chain.acceptedBy().citation()).contains("ESL 14");

        CertificateVerdict signed = verification.verify(CONTENT, entity.sign(CONTENT), CODE, "41", T);
        assertThat(signed.accepted()).as("%s", signed).isTrue();
        assertThat(signed.signatureValid()).isTrue();
        JsonNode record = json(get("supervisor", "/api/decisions/" + signed.decisionId()));
        assertThat(record.path("kind").asText()).isEqualTo("SIGNATURE");
        assertThat(record.path("firedRules").toString()).contains("ESL-14");
    }

    @Test
    void the_credit_code_is_read_from_the_serial_number_or_the_ou_too() throws Exception {
        TestCa ca = recognisedCa(Algorithm.SM2);
        publish(ca);
        assertThat(verification.verify(ca.issue(CODE, CodeIn.SERIAL_NUMBER, FROM, TO).pem(), CODE, "41", T)
                .accepted()).isTrue();
        assertThat(verification.verify(ca.issue(CODE, CodeIn.OU, FROM, TO).pem(), CODE, "41", T).accepted())
                .isTrue();
    }

    @Test
    void a_revoked_certificate_is_refused_with_its_revocation_date_but_signed_before_it_stands() throws Exception {
        TestCa ca = recognisedCa(Algorithm.RSA);
        TestCa.Entity entity = ca.issue(CODE, FROM, TO);
        ca.revoke(entity, Instant.parse("2026-11-20T01:00:00Z"));
        publish(ca);
        CertificateVerdict verdict = verification.verify(entity.pem(), CODE, "41", T);
        assertThat(refusedBy(verdict)).isEqualTo("ESL-13 a revoked certificate signs nothing after its revocation");
        assertThat(verdict.violations().get(0).message()).contains("2026-11-20 09:00:00");
        // boundary: the second before the revocation the certificate was good; at it, it is not
        assertThat(verification.verify(entity.pem(), CODE, "41", asOf(Instant.parse("2026-11-20T00:59:59Z")))
                .accepted()).isTrue();
        assertThat(verification.verify(entity.pem(), CODE, "41", asOf(Instant.parse("2026-11-20T01:00:00Z")))
                .accepted()).isFalse();
    }

    @Test
    void validity_dates_are_included_to_the_second_and_not_beyond() throws Exception {
        TestCa ca = recognisedCa(Algorithm.EC);
        publish(ca);
        Instant start = Instant.parse("2026-06-01T00:00:00Z");
        Instant end = Instant.parse("2026-11-01T00:00:00Z");
        TestCa.Entity entity = ca.issue(CODE, start, end);
        assertThat(refusedBy(verification.verify(entity.pem(), CODE, "41", T)))
                .isEqualTo("ESL-13 a certificate still valid at the time of use");
        assertThat(verification.verify(entity.pem(), CODE, "41", asOf(end)).accepted()).isTrue();
        assertThat(refusedBy(verification.verify(entity.pem(), CODE, "41", asOf(end.plusSeconds(1)))))
                .isEqualTo("ESL-13 a certificate still valid at the time of use");
        assertThat(verification.verify(entity.pem(), CODE, "41", asOf(start)).accepted()).isTrue();
        assertThat(refusedBy(verification.verify(entity.pem(), CODE, "41", asOf(start.minusSeconds(1)))))
                .isEqualTo("ESL-13 a certificate already valid at the time of use");
    }

    @Test
    void a_ca_not_on_the_trust_list_is_not_recognised() throws Exception {
        TestCa stranger = newCa(Algorithm.SM2);
        publish(stranger);
        TestCa.Entity entity = stranger.issue(CODE, FROM, TO);
        assertThat(refusedBy(verification.verify(entity.chainPem(), CODE, "41", T)))
                .isEqualTo("EB20-44 a certificate of a CA on the platform's trust list");
        assertThat(refusedBy(verification.verify(CONTENT, entity.sign(CONTENT), CODE, "41", T)))
                .isEqualTo("EB20-44 a certificate of a CA on the platform's trust list");
    }

    @Test
    void a_province_recognises_the_ca_from_its_first_day_and_not_the_day_before() throws Exception {
        TestCa ca = newCa(Algorithm.SM2);
        publish(ca);
        trustList.add(caId(ca), "测试 CA", Pem.of(ca.certificate), "test");
        TrustedCa.Recognition r = trustList.recognise(caId(ca), "41", LocalDate.of(2026, 11, 27), null, "CA54",
                "test");
        TestCa.Entity entity = ca.issue(CODE, FROM, TO);
        // the first second of 27 November in China, and the last of the 26th
        Instant first = Instant.parse("2026-11-26T16:00:00Z");
        assertThat(verification.verify(entity.pem(), CODE, "41", asOf(first)).accepted()).isTrue();
        CertificateVerdict before = verification.verify(entity.pem(), CODE, "41", asOf(first.minusSeconds(1)));
        assertThat(refusedBy(before)).isEqualTo("CA54 a CA the province recognises on the day of use");
        assertThat(before.violations().get(0).message()).contains("2026-11-26").contains("2026-11-27");
        // another province never recognised it
        assertThat(refusedBy(verification.verify(entity.pem(), CODE, "11", T)))
                .isEqualTo("CA54 a CA the province recognises on the day of use");
        // an administrator ends the recognition on the 26th, through the API: refused on the 27th from then on
        ResponseEntity<String> changed = exchange("demo", HttpMethod.PUT, "/api/trusted-cas/" + caId(ca)
                + "/recognitions/" + r.id(), "{\"effectiveFrom\": \"2026-01-01\", \"effectiveTo\": \"2026-11-26\"}");
        assertThat(changed.getStatusCode().value()).as(changed.getBody()).isEqualTo(200);
        assertThat(verification.verify(entity.pem(), CODE, "41", asOf(first)).accepted()).isFalse();
        assertThat(verification.verify(entity.pem(), CODE, "41", asOf(first.minusSeconds(1))).accepted()).isTrue();
    }

    @Test
    void a_certificate_of_another_entity_is_refused() throws Exception {
        TestCa ca = recognisedCa(Algorithm.RSA);
        publish(ca);
        TestCa.Entity other = ca.issue(OTHER, FROM, TO);
        CertificateVerdict verdict = verification.verify(other.pem(), CODE, "41", T);
        assertThat(refusedBy(verdict)).isEqualTo("ESL-14 the certificate of the entity that uses it");
        assertThat(verdict.violations().get(0).message()).contains(OTHER).contains(CODE);
    }

    @Test
    void a_tampered_content_or_signature_is_refused() throws Exception {
        TestCa ca = recognisedCa(Algorithm.SM2);
        publish(ca);
        TestCa.Entity entity = ca.issue(CODE, FROM, TO);
        byte[] signature = entity.sign(CONTENT);
        byte[] altered = "投标文件 bid file, price changed".getBytes(StandardCharsets.UTF_8);
        CertificateVerdict verdict = verification.verify(altered, signature, CODE, "41", T);
        assertThat(refusedBy(verdict)).isEqualTo("ESL-13 a signature unaltered since it was made");
        assertThat(verdict.signatureValid()).isFalse();
        // the signature value itself altered: a byte in its middle
        byte[] value = new org.bouncycastle.cms.CMSSignedData(new org.bouncycastle.cms.CMSProcessableByteArray(CONTENT),
                signature).getSignerInfos().getSigners().iterator().next().getSignature();
        int at = indexOf(signature, value);
        assertThat(at).isPositive();
        byte[] forged = signature.clone();
        forged[at + value.length / 2] ^= 1;
        assertThat(refusedBy(verification.verify(CONTENT, forged, CODE, "41", T)))
                .isEqualTo("ESL-13 a signature unaltered since it was made");
    }

    private static int indexOf(byte[] data, byte[] part) {
        for (int i = 0; i + part.length <= data.length; i++) {
            if (java.util.Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void a_certificate_whose_crl_cannot_be_had_is_refused_and_a_broken_chain_too() throws Exception {
        TestCa ca = recognisedCa(Algorithm.EC);
        TestCa.Entity entity = ca.issue(CODE, FROM, TO);
        // no CRL published: the distribution point answers 404
        assertThat(refusedBy(verification.verify(entity.pem(), CODE, "41", T)))
                .isEqualTo("ESL-13 a certificate whose revocation could be checked");
        // a CA of the same name but another key: the certificate does not chain to the CA on the list
        TestCa impostor = new TestCa(caId(ca), Algorithm.EC, FROM, TO, ca.crlUrl);
        assertThat(refusedBy(verification.verify(impostor.issue(CODE, FROM, TO).pem(), CODE, "41", T)))
                .isEqualTo("ESL-13 a certificate chain unbroken up to its CA");
    }

    @Test
    void a_signature_over_the_sha256_of_the_content_is_verified_through_the_api() throws Exception {
        TestCa ca = recognisedCa(Algorithm.EC);
        publish(ca);
        TestCa.Entity entity = ca.issue(CODE, FROM, TO);
        ObjectNode body = mapper.createObjectNode()
                .put("contentSha256", java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(CONTENT)))
                .put("signature", Base64.getEncoder().encodeToString(entity.sign(CONTENT)))
                .put("creditCode", CODE).put("province", "41");
        ResponseEntity<String> ok = post("bidder", "/api/signature-verifications", body.toString());
        assertThat(ok.getStatusCode().value()).as(ok.getBody()).isEqualTo(200);
        assertThat(json(ok).path("accepted").asBoolean()).isTrue();
        assertThat(json(ok).path("signatureValid").asBoolean()).isTrue();
    }

    @Test
    void a_refused_signature_is_a_422_problem_naming_the_rule_its_article_and_why() throws Exception {
        TestCa ca = recognisedCa(Algorithm.SM2);
        TestCa.Entity entity = ca.issue(CODE, FROM, TO);
        ca.revoke(entity, Instant.parse("2026-11-20T01:00:00Z"));
        publish(ca);
        ObjectNode body = mapper.createObjectNode()
                .put("content", Base64.getEncoder().encodeToString(CONTENT))
                .put("signature", Base64.getEncoder().encodeToString(entity.sign(CONTENT)))
                .put("creditCode", CODE).put("province", "41");
        ResponseEntity<String> refused = post("bidder", "/api/signature-verifications", body.toString());
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(422);
        assertThat(refused.getHeaders().getContentType().toString()).contains("application/problem+json");
        JsonNode violation = json(refused).path("violations").get(0);
        assertThat(violation.path("rule").asText()).isEqualTo(
                "ESL-13 a revoked certificate signs nothing after its revocation");
        assertThat(violation.path("citation").asText()).contains("ESL 13");
        assertThat(violation.path("message").asText()).contains("吊销").contains("revoked on 2026-11-20 09:00:00");
        String decisionId = json(refused).path("decisionId").asText();
        // the decision is kept with its facts, and the rule sandbox decides it again alike from them
        JsonNode record = json(get("supervisor", "/api/decisions/" + decisionId));
        assertThat(record.path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(record.path("inputs").path("facts").path("revoked").asBoolean()).isTrue();
        ResponseEntity<String> again = post("supervisor", "/api/rules/signature/evaluate",
                record.path("inputs").toString());
        assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(200);
        assertThat(json(again).path("outputs")).isEqualTo(record.path("outputs"));

        ResponseEntity<String> unreadable = post("bidder", "/api/signature-verifications", mapper.createObjectNode()
                .put("content", "AAAA").put("signature", "AAAA").put("creditCode", CODE).put("province", "41")
                .toString());
        assertThat(unreadable.getStatusCode().value()).isEqualTo(422);
        assertThat(json(unreadable).path("violations").get(0).path("field").asText()).isEqualTo("signature");
    }

    @Test
    void a_bidder_registers_certificates_for_its_own_entity_only_and_clerks_for_any() throws Exception {
        TestCa ca = recognisedCa(Algorithm.RSA);
        publish(ca);
        String own = mapper.createObjectNode().put("chain", ca.issue(CODE, FROM, TO).chainPem()).toString();
        ResponseEntity<String> created = post("bidder", "/api/entities/" + CODE + "/certificates", own);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        assertThat(json(created).path("caId").asText()).isEqualTo(caId(ca));
        assertThat(post("bidder", "/api/entities/" + CODE + "/certificates", own).getStatusCode().value())
                .isEqualTo(409);

        String others = mapper.createObjectNode().put("chain", ca.issue(OTHER, FROM, TO).pem()).toString();
        assertThat(post("bidder", "/api/entities/" + OTHER + "/certificates", others).getStatusCode().value())
                .isEqualTo(403);
        assertThat(post("purchaser", "/api/entities/" + OTHER + "/certificates", others).getStatusCode().value())
                .isEqualTo(403);
        assertThat(post("clerk", "/api/entities/" + OTHER + "/certificates", others).getStatusCode().value())
                .isEqualTo(201);
        // a certificate of another entity registered under this one: 422 naming the rule
        ResponseEntity<String> wrong = post("clerk", "/api/entities/" + CODE + "/certificates", others);
        assertThat(wrong.getStatusCode().value()).isEqualTo(422);
        assertThat(wrong.getBody()).contains("ESL-14 the certificate of the entity that uses it");

        JsonNode listed = json(get("purchaser", "/api/entities/" + CODE + "/certificates"));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("creditCode").asText()).isEqualTo(CODE);
    }

    @Test
    void administrators_only_keep_the_trust_list_every_change_audited() throws Exception {
        TestCa ca = newCa(Algorithm.EC);
        String body = mapper.createObjectNode().put("id", caId(ca)).put("name", "测试 CA")
                .put("certificate", Pem.of(ca.certificate)).toString();
        assertThat(post("bidder", "/api/trusted-cas", body).getStatusCode().value()).isEqualTo(403);
        // a centre clerk serves one centre; the trust list decides for every province
        assertThat(post("clerk", "/api/trusted-cas", body).getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> added = post("demo", "/api/trusted-cas", body);
        assertThat(added.getStatusCode().value()).as(added.getBody()).isEqualTo(201);
        assertThat(post("demo", "/api/trusted-cas", body).getStatusCode().value()).isEqualTo(409);
        ResponseEntity<String> recognised = post("demo", "/api/trusted-cas/" + caId(ca) + "/recognitions",
                "{\"province\": \"41\", \"effectiveFrom\": \"2026-01-01\"}");
        assertThat(recognised.getStatusCode().value()).as(recognised.getBody()).isEqualTo(201);
        assertThat(post("demo", "/api/trusted-cas/" + caId(ca) + "/recognitions",
                "{\"province\": \"99\", \"effectiveFrom\": \"2026-01-01\"}").getStatusCode().value()).isEqualTo(422);
        assertThat(post("clerk", "/api/trusted-cas/" + caId(ca) + "/recognitions",
                "{\"province\": \"11\", \"effectiveFrom\": \"2026-01-01\"}").getStatusCode().value()).isEqualTo(403);
        assertThat(exchange("clerk", HttpMethod.PUT, "/api/trusted-cas/" + caId(ca) + "/recognitions/"
                + json(recognised).path("id").asText(), "{\"effectiveFrom\": \"2026-01-01\", \"effectiveTo\": "
                + "\"2026-01-02\"}").getStatusCode().value()).isEqualTo(403);
        assertThat(trustList.get(caId(ca)).recognitions()).singleElement()
                .satisfies(r -> assertThat(r.effectiveTo()).isNull());
        assertThat(jdbc.sql("select count(*) from audit_entry where path like ? and operator in ('clerk', 'demo')")
                .param("/api/trusted-cas%").query(Integer.class).single()).isGreaterThanOrEqualTo(3);
        assertThat(json(get("bidder", "/api/trusted-cas")).toString()).contains(caId(ca));
    }

    @Test
    void the_demo_ca_is_on_the_trust_list_and_its_crl_is_published_signed_by_it() throws Exception {
        ResponseEntity<byte[]> crl = http.getForEntity("/public/ca/" + DemoCertificateAuthority.ID + "/crl",
                byte[].class);
        assertThat(crl.getStatusCode().value()).isEqualTo(200);
        TrustedCa demo = trustList.get(DemoCertificateAuthority.ID);
        X509CRLHolder holder = new X509CRLHolder(crl.getBody());
        assertThat(holder.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Pem.BC)
                .build(Pem.certificates(demo.certificate(), "c").get(0)))).isTrue();
        assertThat(demo.recognitions()).anySatisfy(r -> assertThat(r.province()).isEqualTo("41"));
        assertThat(http.getForEntity("/public/ca/OTHER/crl", String.class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void malformed_certificate_extensions_are_a_422_naming_the_field_never_a_500() throws Exception {
        TestCa root = recognisedCa(Algorithm.EC);
        publish(root);
        // a basicConstraints that is an INTEGER, not a SEQUENCE, in the intermediate CA of a chain
        TestCa broken = root.intermediate("BROKEN-" + NAMES.incrementAndGet(), null,
                extension(Extension.basicConstraints, new ASN1Integer(7)));
        ResponseEntity<String> registered = post("clerk", "/api/entities/" + CODE + "/certificates",
                mapper.createObjectNode().put("chain", broken.issue(CODE, FROM, TO).chainPem()).toString());
        assertThat(registered.getStatusCode().value()).as(registered.getBody()).isEqualTo(422);
        assertThat(json(registered).path("violations").get(0).path("field").asText()).isEqualTo("chain");
        assertThat(registered.getBody()).contains("basicConstraints");
        // the same CA certificate offered to the trust list
        ResponseEntity<String> listed = post("demo", "/api/trusted-cas", mapper.createObjectNode()
                .put("id", "BROKEN-CA-" + NAMES.incrementAndGet()).put("name", "坏 CA")
                .put("certificate", Pem.of(broken.certificate)).toString());
        assertThat(listed.getStatusCode().value()).as(listed.getBody()).isEqualTo(422);
        assertThat(json(listed).path("violations").get(0).path("field").asText()).isEqualTo("certificate");
        // CRL distribution points that are no list of distribution points, in a signature's certificate
        TestCa plain = listedCa("PLAIN-" + NAMES.incrementAndGet(), "PLAIN-" + NAMES.incrementAndGet(), null);
        TestCa.Entity entity = plain.issue(CODE, CodeIn.ORGANIZATION_IDENTIFIER, FROM, TO,
                extension(Extension.cRLDistributionPoints, new ASN1Integer(7)));
        ResponseEntity<String> signed = post("bidder", "/api/signature-verifications", mapper.createObjectNode()
                .put("content", Base64.getEncoder().encodeToString(CONTENT))
                .put("signature", Base64.getEncoder().encodeToString(entity.sign(CONTENT)))
                .put("creditCode", CODE).put("province", "41").toString());
        assertThat(signed.getStatusCode().value()).as(signed.getBody()).isEqualTo(422);
        assertThat(json(signed).path("violations").get(0).path("field").asText()).isEqualTo("signature");
        assertThat(signed.getBody()).contains("cRLDistributionPoints");
    }

    @Test
    void a_signature_made_with_an_encryption_certificate_is_refused_a_signing_one_is_not() throws Exception {
        TestCa ca = recognisedCa(Algorithm.SM2);
        publish(ca);
        // China's dual certificates: the encryption certificate's key is escrowed by the CA's KMC
        TestCa.Entity encryption = ca.issue(CODE, CodeIn.ORGANIZATION_IDENTIFIER, FROM, TO, extension(
                Extension.keyUsage, new KeyUsage(KeyUsage.keyEncipherment | KeyUsage.dataEncipherment)));
        CertificateVerdict refused = verification.verify(CONTENT, encryption.sign(CONTENT), CODE, "41", T);
        assertThat(refusedBy(refused)).isEqualTo("ESL-13 a signature made with a signing key, not an encryption key");
        assertThat(refused.violations().get(0).message()).contains("keyEncipherment");
        TestCa.Entity signing = ca.issue(CODE, CodeIn.ORGANIZATION_IDENTIFIER, FROM, TO,
                extension(Extension.keyUsage, new KeyUsage(KeyUsage.nonRepudiation)));
        assertThat(verification.verify(CONTENT, signing.sign(CONTENT), CODE, "41", T).accepted()).isTrue();
    }

    @Test
    void an_intermediate_ca_must_be_allowed_to_certify_within_its_path_length() throws Exception {
        TestCa root = recognisedCa(Algorithm.EC);
        publish(root);
        Extension certify = extension(Extension.keyUsage, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        String name = "SUB-" + NAMES.incrementAndGet();
        TestCa sub = root.intermediate(name, crlUrl("/crl/" + name), extension(Extension.basicConstraints,
                new BasicConstraints(0)), certify);
        publish(sub);
        TestCa.Entity entity = sub.issue(CODE, FROM, TO);
        CertificateVerdict accepted = verification.verify(entity.chainPem(), CODE, "41", T);
        assertThat(accepted.accepted()).as("%s", accepted).isTrue();
        assertThat(verification.verify(CONTENT, entity.sign(CONTENT), CODE, "41", T).accepted()).isTrue();
        // an intermediate whose key usage does not allow certificate signing
        name = "NOCERT-" + NAMES.incrementAndGet();
        TestCa signer = root.intermediate(name, crlUrl("/crl/" + name), extension(Extension.basicConstraints,
                new BasicConstraints(true)), extension(Extension.keyUsage, new KeyUsage(KeyUsage.digitalSignature)));
        publish(signer);
        CertificateVerdict noCertSign = verification.verify(signer.issue(CODE, FROM, TO).chainPem(), CODE, "41", T);
        assertThat(refusedBy(noCertSign)).isEqualTo("ESL-13 CA certificates used within their constraints");
        assertThat(noCertSign.violations().get(0).message()).contains("keyCertSign");
        // an intermediate below one whose path length is 0
        name = "DEEPER-" + NAMES.incrementAndGet();
        TestCa deeper = sub.intermediate(name, crlUrl("/crl/" + name), extension(Extension.basicConstraints,
                new BasicConstraints(true)), certify);
        publish(deeper);
        CertificateVerdict tooDeep = verification.verify(deeper.issue(CODE, FROM, TO).chainPem(), CODE, "41", T);
        assertThat(refusedBy(tooDeep)).isEqualTo("ESL-13 CA certificates used within their constraints");
        assertThat(tooDeep.violations().get(0).message()).contains("path length");
    }

    @Test
    void a_time_of_use_in_the_past_needs_a_timestamp_and_is_refused_a_future_one_is_not() throws Exception {
        TestCa ca = recognisedCa(Algorithm.RSA);
        TestCa.Entity revoked = ca.issue(CODE, FROM, TO);
        TestCa.Entity good = ca.issue(CODE, FROM, TO);
        // revoked yesterday: "as of last week" it must not be accepted
        ca.revoke(revoked, T.minus(Duration.ofDays(1)));
        publish(ca);
        int decisions = jdbc.sql("select count(*) from decision_record").query(Integer.class).single();
        ResponseEntity<String> lastWeek = post("bidder", "/api/signature-verifications",
                signatureBody(revoked, T.minus(Duration.ofDays(7))));
        assertThat(lastWeek.getStatusCode().value()).as(lastWeek.getBody()).isEqualTo(422);
        JsonNode violation = json(lastWeek).path("violations").get(0);
        assertThat(violation.path("field").asText()).isEqualTo("at");
        assertThat(violation.path("message").asText()).contains("时间戳").contains("timestamp");
        assertThat(jdbc.sql("select count(*) from decision_record").query(Integer.class).single())
                .as("nothing decided").isEqualTo(decisions);
        // a few minutes' skew is not a past time; the revocation of yesterday refuses it
        ResponseEntity<String> skewed = post("bidder", "/api/signature-verifications",
                signatureBody(revoked, T.minus(Duration.ofMinutes(2))));
        assertThat(skewed.getStatusCode().value()).isEqualTo(422);
        assertThat(json(skewed).path("violations").get(0).path("rule").asText())
                .isEqualTo("ESL-13 a revoked certificate signs nothing after its revocation");
        // a future time, to plan
        ResponseEntity<String> planned = post("bidder", "/api/signature-verifications",
                signatureBody(good, T.plus(Duration.ofDays(30))));
        assertThat(planned.getStatusCode().value()).as(planned.getBody()).isEqualTo(200);
        assertThat(json(planned).path("at").asText()).isEqualTo(T.plus(Duration.ofDays(30)).toString());
    }

    private String signatureBody(TestCa.Entity entity, Instant at) throws Exception {
        return mapper.createObjectNode().put("content", Base64.getEncoder().encodeToString(CONTENT))
                .put("signature", Base64.getEncoder().encodeToString(entity.sign(CONTENT)))
                .put("creditCode", CODE).put("province", "41").put("at", at.toString()).toString();
    }

    @Test
    void an_unavailable_crl_is_said_so_without_its_address_or_what_it_answered() throws Exception {
        TestCa ca = recognisedCa(Algorithm.EC);
        // not published: the address answers 404
        ResponseEntity<String> refused = post("bidder", "/api/signature-verifications",
                signatureBody(ca.issue(CODE, FROM, TO), T));
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(422);
        assertThat(json(refused).path("violations").get(0).path("rule").asText())
                .isEqualTo("ESL-13 a certificate whose revocation could be checked");
        assertThat(refused.getBody()).contains("CRL unavailable").doesNotContain("127.0.0.1")
                .doesNotContain("HTTP 404").doesNotContain("/crl/");
        JsonNode record = json(get("supervisor", "/api/decisions/" + json(refused).path("decisionId").asText()));
        assertThat(record.path("inputs").toString()).contains("CRL unavailable").doesNotContain("127.0.0.1")
                .doesNotContain("HTTP 404");
    }

    @Test
    void a_crl_is_read_up_to_its_cap_and_within_one_deadline() throws Exception {
        TestCa endless = listedCa("ENDLESS-" + NAMES.incrementAndGet(), "ENDLESS-" + NAMES.incrementAndGet(),
                crlUrl("/endless"));
        CertificateVerdict capped = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> verification.verify(endless.issue(CODE, FROM, TO).pem(), CODE, "41", T));
        assertThat(refusedBy(capped)).isEqualTo("ESL-13 a certificate whose revocation could be checked");
        TestCa stalled = listedCa("STALLED-" + NAMES.incrementAndGet(), "STALLED-" + NAMES.incrementAndGet(),
                crlUrl("/stalled"));
        Duration deadline = revocations.deadline;
        revocations.deadline = Duration.ofSeconds(1);
        try {
            CertificateVerdict cut = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> verification.verify(stalled.issue(CODE, FROM, TO).pem(), CODE, "41", T));
            assertThat(refusedBy(cut)).isEqualTo("ESL-13 a certificate whose revocation could be checked");
        } finally {
            revocations.deadline = deadline;
        }
    }

    @Test
    void crls_are_kept_by_address_and_issuer_key_and_only_so_many() throws Exception {
        // two CAs of one name (another key) on the list, their CRLs at one address
        String name = "TWIN-" + NAMES.incrementAndGet();
        String url = crlUrl("/crl/" + name);
        TestCa one = listedCa(name + "-1", name, url);
        TestCa two = listedCa(name + "-2", name, url);
        TestCa.Entity first = one.issue(CODE, FROM, TO);
        TestCa.Entity second = two.issue(CODE, FROM, TO);
        two.revoke(second, T.minus(Duration.ofDays(1)));
        publish(one);
        assertThat(verification.verify(first.pem(), CODE, "41", T).accepted()).isTrue();
        publish(two);
        // the first CA's CRL kept for the address is not the second's, though it bears the same issuer name
        assertThat(refusedBy(verification.verify(second.pem(), CODE, "41", T)))
                .isEqualTo("ESL-13 a revoked certificate signs nothing after its revocation");
        assertThat(revocations.cached()).isLessThanOrEqualTo(Revocations.CACHE_SIZE);

        Revocations.Cache cache = new Revocations.Cache(2);
        X509CRLHolder crl = new X509CRLHolder(one.crl(T, T.plus(Duration.ofDays(1))));
        cache.put("a", crl);
        cache.put("b", crl);
        cache.get("a");
        cache.put("c", crl);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("b")).as("the least recently used goes").isNull();
        assertThat(cache.get("a")).isNotNull();
    }

    @Test
    void a_subject_holding_two_different_credit_codes_is_refused() throws Exception {
        TestCa ca = recognisedCa(Algorithm.SM2);
        publish(ca);
        X500Name two = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, "测试公司")
                .addRDN(BCStyle.ORGANIZATION_IDENTIFIER, "NTRCN-" + CODE).addRDN(BCStyle.SERIALNUMBER, OTHER)
                .addRDN(BCStyle.CN, "测试公司").build();
        CertificateVerdict verdict = verification.verify(ca.issue(two, FROM, TO).pem(), CODE, "41", T);
        assertThat(refusedBy(verdict)).isEqualTo("ESL-14 one entity named in the certificate's subject");
        assertThat(verdict.violations().get(0).message()).contains(CODE).contains(OTHER);
        // the same code in two attributes names one entity
        X500Name same = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, "测试公司")
                .addRDN(BCStyle.ORGANIZATION_IDENTIFIER, "NTRCN-" + CODE).addRDN(BCStyle.SERIALNUMBER, CODE)
                .addRDN(BCStyle.CN, "测试公司").build();
        assertThat(verification.verify(ca.issue(same, FROM, TO).pem(), CODE, "41", T).accepted()).isTrue();
    }
}

package io.huitong.certification;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.rules.RuleSetSources;
import io.huitong.rules.RuleSource;
import io.huitong.support.LifecycleTest;
import io.huitong.support.RuleSets;
import io.huitong.support.SealedBid;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A bid may carry a detached CMS signature over its sealed file (optional): verified when submitted, for the bidder,
 * in the tender's province; a bid whose signature is refused is not received (422, with the certification reasons).
 */
class SignedBidTest extends LifecycleTest {

    private static CrlServer crls;

    @Autowired
    TrustList trustList;
    @Autowired
    ObjectMapper mapper;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void serveCrl() {
        crls = new CrlServer();
    }

    @AfterAll
    static void stopCrl() {
        crls.stop();
    }

    @Test
    void a_bid_signed_by_its_bidder_is_received_and_a_tampered_or_foreign_signature_is_refused() throws Exception {
        TestCa ca = crls.listedCa(trustList, "BID-SM2-CA", TestCa.Algorithm.SM2);
        crls.publish(ca.crl(NOW.toInstant().minus(Duration.ofHours(1)), NOW.toInstant().plus(Duration.ofDays(60))));
        TestCa.Entity bidder = ca.issue(bidderId(1), Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2027-12-31T00:00:00Z"));
        TestCa.Entity other = ca.issue(bidderId(2), Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2027-12-31T00:00:00Z"));

        String id = registerAndApprove(works().with("bidBondAmount", new BigDecimal("50000.00")));
        at("2026-12-01T08:00:00");
        String sealed = SealedBid.seal(SealedBid.file(bidderId(1), 1, "4800000.00"), password(id, 1));
        byte[] bytes = sealed.getBytes(StandardCharsets.UTF_8);

        ResponseEntity<String> foreign = bid(id, sealed, other.sign(bytes));
        assertThat(foreign.getStatusCode().value()).as(foreign.getBody()).isEqualTo(422);
        assertThat(foreign.getBody()).contains("ESL-14 the certificate of the entity that uses it");

        ResponseEntity<String> tampered = bid(id, sealed, bidder.sign("another file".getBytes(StandardCharsets.UTF_8)));
        assertThat(tampered.getStatusCode().value()).as(tampered.getBody()).isEqualTo(422);
        assertThat(tampered.getBody()).contains("ESL-13 a signature unaltered since it was made");

        ResponseEntity<String> signed = bid(id, sealed, bidder.sign(bytes));
        assertThat(signed.getStatusCode().value()).as(signed.getBody()).isEqualTo(201);
        JsonNode decision = null;
        // before the opening only its own bidder sees the submission's record (TBL 22)
        for (JsonNode d : json(get(bidderUser(1), "/api/tenders/" + id + "/decisions"))) {
            if (d.path("kind").asText().equals("BID_SUBMISSION")) {
                decision = d;
            }
        }
        assertThat(decision).isNotNull();
        assertThat(decision.path("inputs").path("signature").path("caId").asText()).isEqualTo("BID-SM2-CA");
        assertThat(decision.path("inputs").path("bid").has("signature")).isFalse();
        String signatureDecision = "/api/decisions/" + decision.path("inputs").path("signature").path("decisionId")
                .asText();
        JsonNode verified = json(get(bidderUser(1), signatureDecision));
        assertThat(verified.path("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(verified.path("tenderId").asText()).isEqualTo(id);
        assertThat(verified.path("inputs").path("subject").asText()).as("its own bidder sees who signed").isNotEmpty();
        // who signed a bid is who bid: sealed from everyone else until the opening (TBL 22)
        JsonNode sealedToOthers = json(get("supervisor", signatureDecision));
        assertThat(sealedToOthers.path("inputs").path("sealed").asBoolean()).isTrue();
        assertThat(sealedToOthers.toString()).doesNotContain(verified.path("inputs").path("subject").asText());
    }

    @Test
    void an_objection_signed_by_its_entity_is_taken_and_one_signed_with_another_s_certificate_changes_nothing()
            throws Exception {
        TestCa ca = crls.listedCa(trustList, "OBJ-RSA-CA", TestCa.Algorithm.RSA);
        crls.publish(ca.crl(NOW.toInstant().minus(Duration.ofHours(1)), NOW.toInstant().plus(Duration.ofDays(60))));
        TestCa.Entity objector = ca.issue(bidderId(3), Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2027-12-31T00:00:00Z"));
        TestCa.Entity other = ca.issue(bidderId(4), Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2027-12-31T00:00:00Z"));
        String id = registerAndApprove(works().with("bidBondAmount", new BigDecimal("50000.00")));
        at("2026-12-01T08:00:00");
        String content = "招标文件第三章资格条件排斥潜在投标人 / Chapter 3 excludes potential bidders";
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);

        ResponseEntity<String> foreign = post(bidderUser(3), "/api/tenders/" + id + "/objections", mapper
                .createObjectNode().put("content", content).put("signature", Base64.getEncoder()
                        .encodeToString(other.sign(bytes))).toString());
        assertThat(foreign.getStatusCode().value()).as(foreign.getBody()).isEqualTo(422);
        assertThat(foreign.getBody()).contains("ESL-14 the certificate of the entity that uses it");
        assertThat(status(id)).as("nothing suspended").isEqualTo("BIDDING");
        assertThat(jdbc.sql("select count(*) from objection where tender_id = ?").param(id).query(Long.class)
                .single()).isZero();

        ResponseEntity<String> signed = post(bidderUser(3), "/api/tenders/" + id + "/objections", mapper
                .createObjectNode().put("content", content).put("signature", Base64.getEncoder()
                        .encodeToString(objector.sign(bytes))).toString());
        assertThat(signed.getStatusCode().value()).as(signed.getBody()).isEqualTo(201);
        String decision = json(signed).path("signatureDecisionId").asText();
        assertThat(decision).isNotEmpty();
        assertThat(json(get(bidderUser(3), "/api/decisions/" + decision)).path("outcome").asText())
                .isEqualTo("ACCEPTED");
        assertThat(status(id)).isEqualTo("SUSPENDED");
    }

    @Test
    void a_bid_signature_is_decided_with_the_rule_set_the_tender_is_pinned_to_not_the_active_one() throws Exception {
        TestCa ca = crls.listedCa(trustList, "BID-PIN-CA", TestCa.Algorithm.EC);
        crls.publish(ca.crl(NOW.toInstant().minus(Duration.ofHours(1)), NOW.toInstant().plus(Duration.ofDays(60))));
        TestCa.Entity bidder = ca.issue(bidderId(1), Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2027-12-31T00:00:00Z"));
        String id = registerAndApprove(works().with("bidBondAmount", new BigDecimal("50000.00")));
        // the tender is pinned to a version stored earlier, not the one in force (the same rules, told apart by a
        // comment): what decides the bid decides its signature too
        RuleSetSources pinned = RuleSets.projectRulesWith(Map.of("certification/certificates.drl",
                Files.readString(Path.of("rules/certification/certificates.drl")) + "\n// the version pinned\n"));
        jdbc.sql("insert into rule_set_version (version, content_hash, origin, file_count, rule_count, created_at, "
                + "created_by) values (?, ?, 'test', ?, 0, current_timestamp, 'test')")
                .params(pinned.version(), pinned.contentHash(), pinned.files().size()).update();
        for (RuleSource file : pinned.files()) {
            jdbc.sql("insert into rule_set_file (version, path, content) values (?, ?, ?)")
                    .params(pinned.version(), file.path(), file.content()).update();
        }
        jdbc.sql("update tender set rule_set_version = ? where id = ?").params(pinned.version(), id).update();
        at("2026-12-01T08:00:00");
        String sealed = SealedBid.seal(SealedBid.file(bidderId(1), 1, "4800000.00"), password(id, 1));
        ResponseEntity<String> signed = bid(id, sealed, bidder.sign(sealed.getBytes(StandardCharsets.UTF_8)));
        assertThat(signed.getStatusCode().value()).as(signed.getBody()).isEqualTo(201);
        String signatureDecision = jdbc.sql("select id from decision_record where kind = 'SIGNATURE' and tender_id = ?")
                .param(id).query(String.class).single();
        assertThat(json(get(bidderUser(1), "/api/decisions/" + signatureDecision)).path("ruleSetVersion").asText())
                .isEqualTo(pinned.version());
    }

    private ResponseEntity<String> bid(String tenderId, String sealed, byte[] signature) {
        ObjectNode body = mapper.createObjectNode().put("bidderId", bidderId(1)).put("bidderName", "投标人1")
                .put("smeSize", "LARGE").put("legalRepresentative", "法定代表人1").put("sealedFile", sealed)
                .put("signature", Base64.getEncoder().encodeToString(signature));
        body.putObject("bond").put("form", "E_GUARANTEE").put("amount", new BigDecimal("50000.00"))
                .put("guaranteeNo", eGuarantee(tenderId, 1)).put("payerAccount", "4101-1");
        return post(bidderUser(1), "/api/tenders/" + tenderId + "/bids", body.toString());
    }
}

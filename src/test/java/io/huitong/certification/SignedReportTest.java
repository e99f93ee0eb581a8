package io.huitong.certification;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.shared.party.IdentityNumbers;
import io.huitong.support.LifecycleTest;
import java.nio.charset.StandardCharsets;
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
 * An expert may sign the evaluation report with a personal certificate (optional, as bids may be signed): a detached
 * CMS signature over the report's text, verified for the expert's own identity number as the pool records it, where
 * the tender is (ESL 13, 14; docs/rules.md O4); refused, the expert has not signed.
 */
class SignedReportTest extends LifecycleTest {

    private static final String EXPERT1_ID = IdentityNumbers.withCheck("41010219800101123");
    private static final String EXPERT2_ID = IdentityNumbers.withCheck("41010219810202234");

    private static CrlServer crls;

    @Autowired
    TrustList trustList;
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
    void an_expert_signs_the_report_with_a_certificate_of_his_own_and_a_foreign_or_tampered_one_is_refused()
            throws Exception {
        TestCa ca = crls.listedCa(trustList, "EXPERT-SM2-CA", TestCa.Algorithm.SM2);
        TestCa.Entity expert1 = ca.person("专家甲", EXPERT1_ID, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2027-12-31T00:00:00Z"));
        TestCa.Entity expert2 = ca.person("专家乙", EXPERT2_ID, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2027-12-31T00:00:00Z"));
        if (jdbc.sql("select count(*) from centre where code = 'ZZ-TEST'").query(Integer.class).single() == 0) {
            jdbc.sql("insert into centre (code, name, region_code, group_id, created_at) values "
                    + "('ZZ-TEST', '测试中心', '410100', 'zz-test-centre', current_timestamp)").update();
        }
        expert("expert1", EXPERT1_ID);
        expert("expert2", EXPERT2_ID);

        String id = registerAndApprove(works());
        at("2026-12-01T08:00:00");
        bidAccepted(id, 1, "4800000.00", null, "LARGE");
        bidAccepted(id, 2, "4700000.00", null, "SMALL");
        bidAccepted(id, 3, "4761300.00", null, "MEDIUM");
        at("2026-12-21T09:30:00");
        crls.publish(ca.crl(Instant.parse("2026-12-21T00:00:00Z"), Instant.parse("2027-01-21T00:00:00Z")));
        committee(id);
        review(id);
        assertThat(get("expert1", "/api/tenders/" + id + "/report").getStatusCode().value())
                .as("no report before the scores are aggregated").isEqualTo(409);
        scoreAll(id, Map.of("投标人1", 50, "投标人2", 55, "投标人3", 52));

        JsonNode report = json(get("expert1", "/api/tenders/" + id + "/report"));
        assertThat(get("bidder", "/api/tenders/" + id + "/report").getStatusCode().value())
                .as("the report is the committee's until it is published").isEqualTo(403);
        byte[] content = report.path("content").asText().getBytes(StandardCharsets.UTF_8);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(content).path("ranking")).hasSize(3);

        ResponseEntity<String> foreign = sign("expert1", id, expert2.sign(content));
        assertThat(foreign.getStatusCode().value()).as(foreign.getBody()).isEqualTo(422);
        assertThat(foreign.getBody()).contains("ESL-14 the certificate of the person who signs")
                .doesNotContain("ESL-14 the certificate of the entity that uses it");

        ResponseEntity<String> tampered = sign("expert1", id,
                expert1.sign("{\"ranking\":[]}".getBytes(StandardCharsets.UTF_8)));
        assertThat(tampered.getStatusCode().value()).as(tampered.getBody()).isEqualTo(422);
        assertThat(tampered.getBody()).contains("ESL-13 a signature unaltered since it was made");
        assertThat(member(id, "expert1").path("signedAt").isNull()).as("refused, the expert has not signed").isTrue();

        ResponseEntity<String> signed = sign("expert1", id, expert1.sign(content));
        assertThat(signed.getStatusCode().value()).as(signed.getBody()).isEqualTo(204);
        JsonNode member = member(id, "expert1");
        assertThat(member.path("signedAt").isNull()).isFalse();
        JsonNode decision = json(get("expert1", "/api/decisions/" + member.path("signatureDecisionId").asText()));
        assertThat(decision.path("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(decision.path("kind").asText()).isEqualTo("SIGNATURE");
        assertThat(decision.path("inputs").path("facts").path("expectedIdNo").asText()).isEqualTo(EXPERT1_ID);
        // the record names the expert and the identity number: personal information, sealed from other users
        ResponseEntity<String> toOthers = get("expert2", "/api/decisions/" + member.path("signatureDecisionId").asText());
        assertThat(toOthers.getBody()).as(toOthers.getBody()).doesNotContain(EXPERT1_ID).contains("\"sealed\":true");

        // without a signature the step works as before
        ResponseEntity<String> plain = post("expert2", "/api/tenders/" + id + "/report/signature", "{}");
        assertThat(plain.getStatusCode().value()).as(plain.getBody()).isEqualTo(204);
        assertThat(member(id, "expert2").path("signatureDecisionId").isNull()).isTrue();
    }

    /** The pool's expert who is this user, with this identity number. */
    private void expert(String userId, String idNo) {
        if (jdbc.sql("update expert set id_no = ? where user_id = ?").params(idNo, userId).update() > 0) {
            return;
        }
        jdbc.sql("insert into expert (id, user_id, name, id_no, centre_code, region_code, years_in_field, "
                + "senior_title, created_at) values (?, ?, ?, ?, 'ZZ-TEST', '410100', 10, true, current_timestamp)")
                .params("x-" + userId, userId, userId, idNo).update();
    }

    private ResponseEntity<String> sign(String user, String tenderId, byte[] signature) {
        return post(user, "/api/tenders/" + tenderId + "/report/signature",
                "{\"signature\":\"" + Base64.getEncoder().encodeToString(signature) + "\"}");
    }

    private JsonNode member(String tenderId, String userId) {
        for (JsonNode m : json(get("expert1", "/api/tenders/" + tenderId + "/committee"))) {
            if (m.path("userId").asText().equals(userId)) {
                return m;
            }
        }
        throw new AssertionError("no member " + userId);
    }
}

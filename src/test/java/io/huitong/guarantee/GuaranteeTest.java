package io.huitong.guarantee;

import io.huitong.shared.signing.SignedMessages;
import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.huitong.support.LifecycleTest;
import io.huitong.support.SealedBid;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * E-guarantees end to end with the demo bank over real, signed HTTP (C17): ordered through the centre, verified at
 * submission (amount, validity, hash, whose), surrendered when the bond comes back, claimed when it is kept.
 */
class GuaranteeTest extends LifecycleTest {

    @Autowired
    JdbcTemplate jdbc;

    JsonNode order(String tenderId, int n) {
        ResponseEntity<String> ordered = post(bidderUser(n), "/api/tenders/" + tenderId + "/e-guarantees",
                "{\"bidderId\":\"" + bidderId(n) + "\",\"bidderName\":\"投标人" + n + "\"}");
        assertThat(ordered.getStatusCode()).as(ordered.getBody()).isEqualTo(HttpStatus.CREATED);
        return json(ordered);
    }

    ResponseEntity<String> bidWith(String tenderId, int n, String guaranteeNo) {
        return post(bidderUser(n), "/api/tenders/" + tenderId + "/bids", """
                {"bidderId":"%s","bidderName":"投标人%d","smeSize":"LARGE","legalRepresentative":"代表%d",
                 "bond":{"form":"E_GUARANTEE","amount":80000.00,"guaranteeNo":"%s"},"sealedFile":"%s"}"""
                .formatted(bidderId(n), n, n, guaranteeNo,
                        SealedBid.seal(SealedBid.file(bidderId(n), n, "4800000.00"), password(tenderId, n))));
    }

    static String refusedBy(ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode v = json(response).get("violations").get(0);
        assertThat(v.get("field").asText()).isEqualTo("bond.guaranteeNo");
        return v.get("citation").asText();
    }

    String guaranteeStatus(String tenderId, String no) {
        return json(get("finance", "/api/tenders/" + tenderId + "/e-guarantees/" + no)).get("status").asText();
    }

    @Test
    void a_guarantee_ordered_through_the_centre_secures_the_bid_and_nothing_else_does() {
        String id = registerAndApprove(works().with("bidBondAmount", new BigDecimal("80000.00")));
        at("2026-12-01T08:00:00");
        JsonNode g = order(id, 1);
        String no = g.get("guaranteeNo").asText();
        assertThat(g.get("amount").decimalValue()).isEqualByComparingTo("80000.00");
        assertThat(g.get("endDate").asText()).as("the deadline plus 90 days of bid validity").isEqualTo("2027-03-21");
        assertThat(g.get("sha256").asText()).hasSize(64);
        assertThat(get("purchaser", "/api/tenders/" + id + "/e-guarantees/" + no).getStatusCode())
                .as("who guarantees whom is sealed (TBL 22)").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("bidder", "/api/tenders/" + id + "/e-guarantees/" + no).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        assertThat(refusedBy(bidWith(id, 1, "BG-NOT-ISSUED"))).isEqualTo("docs/rules.md C17; TBR 26");
        ResponseEntity<String> others = bidWith(id, 2, no);
        assertThat(refusedBy(others)).as("bidder 1's guarantee is no more known to bidder 2 than a made-up number")
                .isEqualTo("docs/rules.md C17; TBR 26");
        JsonNode record = json(get("bidder2", "/api/decisions/" + json(others).get("decisionId").asText()));
        assertThat(record.get("inputs").get("eGuarantee").get("found").asBoolean()).isFalse();
        for (String field : java.util.List.of("amount", "endDate", "status")) {
            assertThat(record.get("inputs").get("eGuarantee").get(field).isNull())
                    .as("the submitter's own record tells nothing of another's guarantee: " + field).isTrue();
        }
        jdbc.update("update e_guarantee set file = ? where guarantee_no = ?",
                java.util.Base64.getEncoder().encodeToString("改过的保函".getBytes()), no);
        assertThat(refusedBy(bidWith(id, 1, no))).as("the file no longer matches the signed hashes")
                .isEqualTo("docs/rules.md C17");

        String good = order(id, 1).get("guaranteeNo").asText();
        ResponseEntity<String> accepted = bidWith(id, 1, good);
        assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.CREATED);

        // withdrawn before the deadline: the bond comes back by surrendering the guarantee
        String bidId = json(accepted).get("id").asText();
        assertThat(exchange("bidder", HttpMethod.DELETE, "/api/tenders/" + id + "/bids/" + bidId, null)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        runDueJobs();
        completeTask(id, "finance", "refundWithdrawnBond");
        assertThat(guaranteeStatus(id, good)).isEqualTo("SURRENDERED");
        assertThat(refusedBy(bidWith(id, 1, good))).as("a surrendered guarantee secures nothing")
                .isEqualTo("docs/rules.md C17; TBR 35");
    }

    @Test
    void the_bond_of_a_bid_revoked_at_the_opening_is_claimed_from_the_guarantor() {
        String id = registerAndApprove(works().with("bidBondAmount", new BigDecimal("80000.00")));
        at("2026-12-01T08:00:00");
        bidAccepted(id, 1, "4800000.00", "80000.00 E_GUARANTEE", "LARGE");
        bidAccepted(id, 2, "4700000.00", "80000.00 E_GUARANTEE", "SMALL");
        bidAccepted(id, 3, "4761300.00", "80000.00 E_GUARANTEE", "MEDIUM");
        keepSealed(id, 3);
        at("2026-12-21T09:30:00");
        at("2026-12-21T10:30:00");
        Map<String, JsonNode> bids = bids(id);
        assertThat(bids.get("投标人3").get("status").asText()).isEqualTo("REVOKED");
        JsonNode claimed = json(get("finance", "/api/tenders/" + id + "/e-guarantees/"
                + bids.get("投标人3").get("bondGuaranteeNo").asText()));
        assertThat(claimed.get("status").asText()).isEqualTo("CLAIMED");
        assertThat(claimed.get("settledCitation").asText()).isEqualTo("TBR 35");
        assertThat(guaranteeStatus(id, bids.get("投标人1").get("bondGuaranteeNo").asText())).isEqualTo("ISSUED");
    }

    @Test
    void the_bank_answers_only_the_centres_signature_and_the_centre_only_the_banks() throws Exception {
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("stranger").generate();
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(SignedMessages.MEDIA_TYPE));
        String forged = SignedMessages.sign(mapper, Map.of("guaranteeNo", "DEMO-BG-1", "reason", "x"), stranger);
        assertThat(http.exchange("/guarantee-bank/surrenders", HttpMethod.POST, new HttpEntity<>(forged, headers),
                String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThatThrownBy(() -> SignedMessages.verify(mapper, forged,
                new ECKeyGenerator(Curve.P_256).generate().toPublicJWK(), Map.class))
                .isInstanceOf(SecurityException.class);
        assertThat(SignedMessages.verify(mapper, forged, stranger.toPublicJWK(), Map.class))
                .containsEntry("guaranteeNo", "DEMO-BG-1");
    }

    @Autowired
    GuaranteeKeys keys;

    @Autowired
    ObjectMapper mapper;

    @Test
    void a_replaced_bid_gives_its_guarantee_back_and_one_settled_at_the_bank_already_is_caught_up() {
        String id = registerAndApprove(works().with("bidBondAmount", new BigDecimal("80000.00")));
        at("2026-12-01T08:00:00");
        String first = order(id, 1).get("guaranteeNo").asText();
        assertThat(bidWith(id, 1, first).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String second = order(id, 1).get("guaranteeNo").asText();
        assertThat(bidWith(id, 1, second).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(guaranteeStatus(id, first)).as("the replaced bid's guarantee").isEqualTo("SURRENDERED");
        assertThat(guaranteeStatus(id, second)).isEqualTo("ISSUED");

        // the bank surrendered the second already (the platform never heard back): a later request catches up
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(SignedMessages.MEDIA_TYPE));
        String signed = SignedMessages.sign(mapper, new GuaranteeProvider.Surrender(second, "lost answer"),
                keys.centre());
        assertThat(http.exchange("/guarantee-bank/surrenders", HttpMethod.POST, new HttpEntity<>(signed, headers),
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        String third = order(id, 1).get("guaranteeNo").asText();
        assertThat(bidWith(id, 1, third).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(guaranteeStatus(id, second)).isEqualTo("SURRENDERED");
    }
}

package io.huitong.shared.operations;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;

import io.huitong.support.LifecycleTest;
import io.huitong.support.SealedBid;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** A retried create with the same Idempotency-Key creates nothing new and gets the first answer. */
class IdempotencyTest extends LifecycleTest {

    @Autowired
    JdbcTemplate jdbc;

    ResponseEntity<String> postWithKey(String user, String path, String body, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", key);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    int tendersTitled(String title) {
        return jdbc.queryForObject("select count(*) from tender where title = ?", Integer.class, title);
    }

    @Test
    void a_retried_registration_creates_one_tender_and_answers_the_same() {
        String title = "幂等测试 " + UUID.randomUUID();
        String body = works().with("title", title).toString();
        String key = UUID.randomUUID().toString();
        ResponseEntity<String> first = postWithKey("purchaser", "/api/tenders", body, key);
        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> retry = postWithKey("purchaser", "/api/tenders", body, key);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getHeaders().getFirst("Idempotency-Replayed")).isEqualTo("true");
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(json(retry).get("id").asText()).isEqualTo(json(first).get("id").asText());
        assertThat(tendersTitled(title)).isEqualTo(1);

        ResponseEntity<String> other = postWithKey("purchaser", "/api/tenders",
                works().with("title", title + " 另一个").toString(), key);
        assertThat(other.getStatusCode()).as("the key names the first request").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(other).get("violations").get(0).get("field").asText()).isEqualTo("Idempotency-Key");

        ResponseEntity<String> clerks = postWithKey("clerk", "/api/tenders", body, key);
        assertThat(clerks.getStatusCode()).as("keys are each user's own").isEqualTo(HttpStatus.CREATED);
        assertThat(tendersTitled(title)).isEqualTo(2);

        ResponseEntity<String> plain = post("purchaser", "/api/tenders", body);
        assertThat(plain.getStatusCode()).as("without a key every request creates").isEqualTo(HttpStatus.CREATED);
        assertThat(tendersTitled(title)).isEqualTo(3);
    }

    @Test
    void a_retried_bid_and_a_retried_refusal_give_the_first_answer() {
        String id = registerAndApprove(works().with("bidBondAmount", new BigDecimal("80000.00")));
        at("2026-12-01T08:00:00");
        String bid = """
                {"bidderId":"%s","bidderName":"投标人1","smeSize":"LARGE","legalRepresentative":"代表1",
                 "bond":{"form":"CASH","amount":80000.00,"payerAccount":"4101-1"},"sealedFile":"%s"}"""
                .formatted(bidderId(1), SealedBid.seal(SealedBid.file(bidderId(1), 1, "4800000.00"), "口令"));
        String key = UUID.randomUUID().toString();
        ResponseEntity<String> first = postWithKey("bidder", "/api/tenders/" + id + "/bids", bid, key);
        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> retry = postWithKey("bidder", "/api/tenders/" + id + "/bids", bid, key);
        assertThat(json(retry).get("id").asText()).isEqualTo(json(first).get("id").asText());
        assertThat(jdbc.queryForObject("select count(*) from bid where tender_id = ?", Integer.class, id))
                .as("no second bid replacing the first").isEqualTo(1);

        String refused = bid.replace("80000.00", "1.00");
        String another = UUID.randomUUID().toString();
        ResponseEntity<String> no = postWithKey("bidder", "/api/tenders/" + id + "/bids", refused, another);
        assertThat(no.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        int records = jdbc.queryForObject("select count(*) from decision_record where tender_id = ?", Integer.class, id);
        ResponseEntity<String> again = postWithKey("bidder", "/api/tenders/" + id + "/bids", refused, another);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(again).get("decisionId").asText()).isEqualTo(json(no).get("decisionId").asText());
        assertThat(jdbc.queryForObject("select count(*) from decision_record where tender_id = ?", Integer.class, id))
                .as("the refusal is not decided again").isEqualTo(records);
    }

    @Test
    void a_body_too_large_to_keep_is_refused_whole_not_cut() {
        String key = UUID.randomUUID().toString();
        String huge = "{\"title\":\"" + "x".repeat(2_100_000) + "\"}";
        ResponseEntity<String> refused = postWithKey("purchaser", "/api/tenders", huge, key);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        // the body cap (README "Limits", 1,100,000 bytes) refuses it before the key is looked at
        assertThat(json(refused).get("violations").get(0).get("rule").asText()).isEqualTo("limits.body");
        ResponseEntity<String> small = postWithKey("purchaser", "/api/tenders", "{}", key);
        assertThat(small.getHeaders().getFirst("Idempotency-Replayed")).as("the refused body claimed no key").isNull();
    }
}

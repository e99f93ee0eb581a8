package io.huitong.bidding;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.shared.time.LegalClock;
import io.huitong.support.LifecycleTest;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bids through the REST API: what a bidder portal may do, and what it may not see. */
class BidApiTest extends LifecycleTest {

    @Autowired
    JdbcClient jdbc;

    String bidding() {
        String id = registerAndApprove(works().with("bidBondAmount", new BigDecimal("50000.00")));
        at("2026-12-01T08:00:00");
        return id;
    }

    @Test
    void a_withdrawn_bond_falls_due_for_refund_within_5_days() {
        String id = bidding();
        JsonNode receipt = json(bid(id, 1, "4800000.00", "50000.00 E_GUARANTEE", "LARGE"));
        assertThat(receipt.has("price")).as("a receipt tells nothing of the bid's content").isFalse();
        at("2026-12-03T10:00:00");
        ResponseEntity<String> withdrawn = exchange("bidder", HttpMethod.DELETE,
                "/api/tenders/" + id + "/bids/" + receipt.get("id").asText(), null);
        assertThat(json(withdrawn).get("status").asText()).isEqualTo("WITHDRAWN");
        String due = jdbc.sql("select bond_refund_due from bid where id = ?").param(receipt.get("id").asText())
                .query(java.sql.Timestamp.class).single().toInstant().atZone(LegalClock.CHINA).toOffsetDateTime()
                .toString();
        assertThat(due).as("5 days after 3 December end at 24:00 on the 8th (TBR 35)").startsWith("2026-12-09");
    }

    @Test
    void a_new_bid_replaces_the_bidder_s_earlier_one_and_nobody_else_sees_either() {
        String id = bidding();
        bidAccepted(id, 1, "4800000.00", "50000.00 E_GUARANTEE", "LARGE");
        JsonNode second = json(bid(id, 1, "4700000.00", "50000.00 E_GUARANTEE", "LARGE"));
        assertThat(get("demo", "/api/tenders/" + id + "/bids").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(get("demo", "/api/tenders/" + id + "/bids/" + second.get("id").asText()).getStatusCode())
                .as("not even an administrator reads a bid before the opening").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("bidder", "/api/tenders/" + id + "/bids/" + second.get("id").asText()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        bidAccepted(id, 2, "4600000.00", "50000.00 E_GUARANTEE", "LARGE");
        bidAccepted(id, 3, "4650000.00", "50000.00 E_GUARANTEE", "LARGE");
        at("2026-12-21T09:30:00");
        assertThat(bids(id).get("投标人1").get("price").decimalValue()).isEqualByComparingTo("4700000.00");
        assertThat(bids(id)).hasSize(3);
    }

    @Test
    void a_bid_after_the_deadline_cannot_be_withdrawn() {
        String id = bidding();
        JsonNode receipt = json(bid(id, 1, "4800000.00", "50000.00 E_GUARANTEE", "LARGE"));
        at("2026-12-21T09:30:00");
        assertThat(exchange("bidder", HttpMethod.DELETE, "/api/tenders/" + id + "/bids/" + receipt.get("id").asText(),
                null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void a_malformed_credit_code_or_a_missing_file_is_422() {
        String id = bidding();
        ResponseEntity<String> response = post("bidder", "/api/tenders/" + id + "/bids", """
                {"bidderId":"91410100MA00000011","bidderName":"某公司","smeSize":"LARGE",
                 "legalRepresentative":"张三"}""");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(response).get("violations").findValuesAsText("field")).contains("bidderId", "sealedFile");
        assertThat(post("purchaser", "/api/tenders/" + id + "/bids", "{}").getStatusCode())
                .as("purchasers do not bid").isEqualTo(HttpStatus.FORBIDDEN);
    }
}

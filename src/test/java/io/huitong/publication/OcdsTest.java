package io.huitong.publication;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.support.LifecycleTest;
import io.huitong.support.OcdsSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Each tender as an OCDS 1.1 release package, validated against the standard's release package and release schemas.
 * The completed tenders of both regimes are validated at the end of {@code LifecycleScenarioTest}.
 */
class OcdsTest extends LifecycleTest {

    JsonNode ocds(String tenderId) {
        ResponseEntity<String> response = get("bidder", "/api/tenders/" + tenderId + "/ocds");
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json(response);
    }

    static List<String> tags(JsonNode pkg) {
        List<String> tags = new ArrayList<>();
        pkg.get("releases").forEach(r -> tags.add(r.get("tag").get(0).asText()));
        return tags;
    }

    @Test
    void nothing_is_published_before_the_announcement_and_bids_only_once_opened() {
        String id = registerAndApprove(works());
        ResponseEntity<String> early = get("bidder", "/api/tenders/" + id + "/ocds");
        assertThat(early.getStatusCode()).as(early.getBody()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(get(null, "/api/tenders/" + id + "/ocds").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        at("2026-12-01T08:00:00");
        bidAccepted(id, 1, "4800000.00", null, "LARGE");
        JsonNode bidding = ocds(id);
        assertThat(OcdsSchema.errors(bidding)).isEmpty();
        assertThat(tags(bidding)).containsExactly("tender");
        JsonNode tender = bidding.get("releases").get(0).get("tender");
        assertThat(tender.get("status").asText()).isEqualTo("active");
        assertThat(tender.get("procurementMethod").asText()).isEqualTo("open");
        assertThat(tender.get("mainProcurementCategory").asText()).isEqualTo("works");
        assertThat(tender.get("tenderPeriod").get("endDate").asText()).isEqualTo("2026-12-21T09:30:00+08:00");
        assertThat(tender.has("tenderers")).as("sealed until the opening").isFalse();
        assertThat(bidding.toString()).doesNotContain("4800000");
        JsonNode release = bidding.get("releases").get(0);
        assertThat(release.get("buyer").get("name").asText()).as("the buyer is an organisation, not a login")
                .isEqualTo("郑州市市政工程管理处");
        JsonNode buyer = null;
        for (JsonNode party : release.get("parties")) {
            if (party.get("id").asText().equals(release.get("buyer").get("id").asText())) {
                buyer = party;
            }
        }
        assertThat(buyer).isNotNull();
        assertThat(buyer.toString()).contains(io.huitong.support.RegistrationJson.PURCHASER_ID).doesNotContain(
                "huitong-user");
        assertThat(buyer.get("roles").toString()).contains("buyer");
    }

    @Test
    void a_failed_tender_is_published_as_unsuccessful() {
        String id = registerAndApprove(works().with("regime", "GOVERNMENT_PROCUREMENT").with("category", "GOODS")
                .with("estimatedAmount", new BigDecimal("2500000.00")).with("stateControlled", false));
        at("2026-12-01T08:00:00");
        bidAccepted(id, 1, "2400000.00", null, "LARGE");
        bidAccepted(id, 2, "2450000.00", null, "SMALL");
        at("2026-12-21T09:30:00");
        assertThat(status(id)).isEqualTo("FAILED");

        JsonNode failed = ocds(id);
        assertThat(OcdsSchema.errors(failed)).isEmpty();
        assertThat(tags(failed)).containsExactly("tender", "tenderUpdate");
        JsonNode update = failed.get("releases").get(1);
        assertThat(update.get("tender").get("status").asText()).isEqualTo("unsuccessful");
        assertThat(update.get("tender").get("mainProcurementCategory").asText()).isEqualTo("goods");
    }

    @Test
    void the_schema_check_finds_what_is_wrong() {
        String id = registerAndApprove(works());
        at("2026-12-01T08:00:00");
        ObjectNode broken = (ObjectNode) ocds(id).deepCopy();
        ObjectNode release = (ObjectNode) broken.get("releases").get(0);
        release.remove("ocid");
        ((ObjectNode) release.get("tender")).put("status", "bidding");
        ((ObjectNode) release.get("tender").get("value")).put("currency", "RMB");
        assertThat(OcdsSchema.errors(broken)).hasSizeGreaterThanOrEqualTo(3)
                .anyMatch(e -> e.contains("ocid")).anyMatch(e -> e.contains("status"))
                .anyMatch(e -> e.contains("currency"));
    }
}

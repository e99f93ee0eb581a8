package io.huitong.evaluation;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.shared.Digests;
import io.huitong.shared.VerifiableLot;
import io.huitong.support.LifecycleTest;
import io.huitong.support.RegistrationJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Ties through the API: under government procurement equal score and price rank equal (O87 55) and are decided by
 * the tender documents' method, or by a recorded draw anyone can re-run where they state none (O87 68); under the
 * Tendering Law equal totals are decided by the documents' method and never by lot (G1117 (二); I5).
 */
class TieBreakTest extends LifecycleTest {

    /** Government procurement of goods, budget 2,500,000, in Zhengzhou, bids due 21 December. */
    static RegistrationJson goods() {
        return works().with("regime", "GOVERNMENT_PROCUREMENT").with("category", "GOODS")
                .with("title", "郑州市某单位信息化设备采购").with("estimatedAmount", new BigDecimal("2500000.00"))
                .with("stateControlled", false).with("bidDeadline", "2026-12-21");
    }

    /** The chair dismisses every collusion flag (two equal prices are flagged for the committee's judgment). */
    void dismissFlags(String id) {
        for (JsonNode flag : json(get("clerk", "/api/tenders/" + id + "/collusion-flags"))) {
            ResponseEntity<String> decided = post("expert1", "/api/tenders/" + id + "/collusion-flags/"
                    + flag.get("id").asText() + "/decision", "{\"confirmed\":false,\"reason\":\"报价相同系市场统一价，无串通证据\"}");
            assertThat(decided.getStatusCode()).as(decided.getBody()).isEqualTo(HttpStatus.OK);
        }
    }

    /** Two large firms bid the same price, an hour apart (bidder 2 first); bidder 3 bids more. */
    String evaluatedGoodsTie(RegistrationJson registration) {
        String id = registerAndApprove(registration);
        at("2026-12-01T08:00:00");
        assertThat(status(id)).isEqualTo("BIDDING");
        at("2026-12-02T10:00:00");
        bidAccepted(id, 2, "2000000.00", null, "LARGE");
        at("2026-12-02T11:00:00");
        bidAccepted(id, 1, "2000000.00", null, "LARGE");
        bidAccepted(id, 3, "2300000.00", null, "LARGE");
        at("2026-12-21T09:00:01");
        committee(id);
        dismissFlags(id);
        assertThat(review(id)).isEqualTo(3);
        scoreAll(id, Map.of("投标人1", 50, "投标人2", 50, "投标人3", 50));
        signReport(id);
        return id;
    }

    static JsonNode readTree(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(text, e);
        }
    }

    /** The EVALUATION record's ranking, by bidder name. */
    Map<String, JsonNode> ranking(JsonNode evaluation) {
        Map<String, JsonNode> byName = new java.util.LinkedHashMap<>();
        evaluation.get("outputs").get("ranking").forEach(r -> byName.put(r.get("bidder").asText(), r));
        return byName;
    }

    @Test
    void government_procurement_equal_score_and_price_rank_equal_and_the_documents_method_decides() {
        String id = evaluatedGoodsTie(goods().with("tieBreak", "EARLIER_SUBMISSION"));

        Map<String, JsonNode> bids = bids(id);
        assertThat(bids.get("投标人1").get("totalScore").decimalValue())
                .isEqualByComparingTo(bids.get("投标人2").get("totalScore").decimalValue());
        assertThat(bids.get("投标人2").get("candidateRank").asInt()).as("submitted an hour earlier").isEqualTo(1);
        assertThat(bids.get("投标人1").get("candidateRank").asInt()).isEqualTo(2);
        assertThat(bids.get("投标人3").get("candidateRank").asInt()).isEqualTo(3);

        JsonNode evaluation = decision(id, "EVALUATION");
        Map<String, JsonNode> ranking = ranking(evaluation);
        assertThat(ranking.get("投标人1").get("equalRank").asInt()).as("并列").isEqualTo(1);
        assertThat(ranking.get("投标人2").get("equalRank").asInt()).as("并列").isEqualTo(1);
        assertThat(ranking.get("投标人3").get("equalRank").asInt()).isEqualTo(3);
        assertThat(ranking.get("投标人3").get("tied").asBoolean()).isFalse();
        JsonNode decidedBy = ranking.get("投标人1").get("decidedBy");
        assertThat(decidedBy).singleElement().satisfies(step -> {
            assertThat(step.get("documentsMethod").asText()).isEqualTo("EARLIER_SUBMISSION");
            assertThat(step.get("citation").asText()).isEqualTo("O87 68");
        });
        assertThat(ranking.get("投标人2").get("tiedWith").get(0).asText())
                .isEqualTo(bids.get("投标人1").get("id").asText());
        assertThat(evaluation.get("outputs").get("draws")).as("the documents decided: no draw").isEmpty();
        assertThat(evaluation.get("firedRules").findValuesAsText("rule"))
                .contains("O87-55 equal scores rank by price, low to high; equal score and price rank equal");
    }

    @Test
    void government_procurement_without_a_method_draws_lots_recorded_and_verifiable() {
        String id = evaluatedGoodsTie(goods().without("tieBreak"));

        JsonNode evaluation = decision(id, "EVALUATION");
        Map<String, JsonNode> ranking = ranking(evaluation);
        assertThat(ranking.get("投标人1").get("equalRank").asInt()).isEqualTo(1);
        assertThat(ranking.get("投标人2").get("equalRank").asInt()).isEqualTo(1);
        assertThat(ranking.get("投标人1").get("decidedBy")).singleElement().satisfies(step -> {
            assertThat(step.get("criterion").asText()).isEqualTo("DRAW");
            assertThat(step.get("citation").asText()).startsWith("O87 68");
        });

        JsonNode draw = evaluation.get("outputs").get("draws").get(0);
        String seed = draw.get("seed").asText();
        assertThat(draw.get("commitment").asText()).as("the seed verifies against its commitment")
                .isEqualTo(Digests.sha256Hex(seed.getBytes(StandardCharsets.US_ASCII)));
        String snapshot = draw.get("snapshot").asText();
        assertThat(draw.get("snapshotHash").asText()).isEqualTo(Digests.sha256Hex(snapshot));
        JsonNode parsed = readTree(snapshot);
        assertThat(parsed.get("tenderId").asText()).isEqualTo(id);
        JsonNode group = parsed.get("groups").get(0);
        List<String> candidates = new ArrayList<>();
        group.get("candidates").forEach(c -> candidates.add(c.asText()));
        Map<String, JsonNode> bids = bids(id);
        assertThat(candidates).containsExactlyInAnyOrder(bids.get("投标人1").get("id").asText(),
                bids.get("投标人2").get("id").asText());
        // anyone holding the seed and the snapshot re-runs the draw and gets the recorded order
        List<String> rerun = VerifiableLot.draw(VerifiableLot.key(seed), VerifiableLot.hash(snapshot),
                group.get("label").asText(), candidates, candidates.size());
        List<String> recorded = new ArrayList<>();
        draw.get("result").get(group.get("label").asText()).forEach(b -> recorded.add(b.asText()));
        assertThat(rerun).isEqualTo(recorded);
        // and the candidates stand in the order drawn
        String first = recorded.get(0);
        bids.values().stream().filter(b -> b.get("id").asText().equals(first)).findFirst()
                .ifPresentOrElse(b -> assertThat(b.get("candidateRank").asInt()).isEqualTo(1),
                        () -> { throw new AssertionError("no bid " + first); });
        assertThat(bids.get("投标人3").get("candidateRank").asInt()).isEqualTo(3);
    }

    @Test
    void tendering_law_equal_totals_go_by_the_documents_method_never_by_lot() {
        String id = registerAndApprove(works().with("tieBreak", "HIGHER_TECHNICAL_SCORE"));
        at("2026-12-01T08:00:00");
        assertThat(status(id)).isEqualTo("BIDDING");
        at("2026-12-02T10:00:00");
        bidAccepted(id, 1, "3600000.00", null, "LARGE");
        bidAccepted(id, 2, "4000000.00", null, "LARGE");
        bidAccepted(id, 3, "4800000.00", null, "LARGE");
        at("2026-12-21T09:31:00");
        assertThat(status(id)).isEqualTo("EVALUATING");
        committee(id);
        assertThat(review(id)).isEqualTo(3);
        // price weight 40: 40 + 40 = 36 + 44 = 80
        scoreAll(id, Map.of("投标人1", 40, "投标人2", 44, "投标人3", 30));
        signReport(id);

        Map<String, JsonNode> bids = bids(id);
        assertThat(bids.get("投标人1").get("totalScore").decimalValue()).isEqualByComparingTo("80");
        assertThat(bids.get("投标人2").get("totalScore").decimalValue()).isEqualByComparingTo("80");
        assertThat(bids.get("投标人2").get("candidateRank").asInt()).as("the higher technical score, as the documents say")
                .isEqualTo(1);
        assertThat(bids.get("投标人1").get("candidateRank").asInt()).as("not the lower price").isEqualTo(2);

        JsonNode evaluation = decision(id, "EVALUATION");
        Map<String, JsonNode> ranking = ranking(evaluation);
        assertThat(ranking.get("投标人1").get("equalRank").asInt()).isEqualTo(1);
        assertThat(ranking.get("投标人2").get("equalRank").asInt()).isEqualTo(1);
        assertThat(ranking.get("投标人2").get("decidedBy")).singleElement().satisfies(step -> {
            assertThat(step.get("documentsMethod").asText()).isEqualTo("HIGHER_TECHNICAL_SCORE");
            assertThat(step.get("citation").asText()).contains("G1117 (二)");
        });
        assertThat(evaluation.get("outputs").get("draws")).as("never by lot").isEmpty();
        assertThat(evaluation.get("outputs").get("rankingSteps").findValuesAsText("criterion")).doesNotContain("DRAW");
    }
}

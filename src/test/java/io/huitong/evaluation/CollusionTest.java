package io.huitong.evaluation;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.support.LifecycleTest;
import io.huitong.support.SealedBid;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Collusion analysis end to end: the opening compares the decrypted files (TBR 40; O87 37), the flags reach the
 * committee with their article, the chair decides each with reasons, a confirmed case rejects the bids and is
 * reported to the supervisor, and the review cannot be completed while a flag is undecided.
 */
class CollusionTest extends LifecycleTest {

    /** The tender's flags, by article, as the centre (and, once seated, the committee) sees them. */
    Map<String, JsonNode> flags(String tenderId) {
        ResponseEntity<String> response = get("clerk", "/api/tenders/" + tenderId + "/collusion-flags");
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        Map<String, JsonNode> byCitation = new LinkedHashMap<>();
        json(response).forEach(f -> byCitation.put(f.get("citation").asText(), f));
        return byCitation;
    }

    List<String> names(String tenderId, JsonNode flag) {
        Map<String, String> byId = new LinkedHashMap<>();
        bids(tenderId).forEach((name, bid) -> byId.put(bid.get("id").asText(), name));
        List<String> names = new ArrayList<>();
        flag.get("bidIds").forEach(id -> names.add(byId.get(id.asText())));
        return names.stream().sorted().toList();
    }

    ResponseEntity<String> decide(String user, String tenderId, JsonNode flag, Boolean confirmed, String reason) {
        return post(user, "/api/tenders/" + tenderId + "/collusion-flags/" + flag.get("id").asText() + "/decision",
                "{\"confirmed\":" + confirmed + ",\"reason\":" + (reason == null ? "null" : "\"" + reason + "\"") + "}");
    }

    @Test
    void hidden_fingerprints_one_account_and_patterned_prices_are_flagged_with_their_article_and_decided() {
        String id = registerAndApprove(works().with("bidBondAmount", new BigDecimal("80000.00")));
        at("2026-12-01T08:00:00");
        // 1 and 2: one machine made both files; 3 and 4: bonds from one account; 2, 4, 5: prices 50,000 apart
        bid(id, 1, SealedBid.file(bidderId(1), 1, "4812000.00"), "80000.00 CASH", "LARGE", "代表1");
        bid(id, 2, SealedBid.file(bidderId(2), 2, "4700000.00").replace("MC-0002", "MC-0001"), "80000.00 CASH",
                "LARGE", "代表2");
        bid(id, 3, SealedBid.file(bidderId(3), 3, "4633000.00"), "80000.00 CASH 6222-0000-1111", "LARGE", "代表3");
        bid(id, 4, SealedBid.file(bidderId(4), 4, "4750000.00"), "80000.00 CASH 6222 0000 1111", "LARGE", "代表4");
        bid(id, 5, SealedBid.file(bidderId(5), 5, "4800000.00"), "80000.00 CASH", "LARGE", "代表5");
        at("2026-12-21T09:30:00");
        assertThat(status(id)).isEqualTo("EVALUATING");

        Map<String, JsonNode> flags = flags(id);
        assertThat(flags).containsOnlyKeys("TBR 40(一)", "TBR 40(四)", "TBR 40(六)");
        assertThat(flags.get("TBR 40(一)").get("kind").asText()).isEqualTo("DEEMED");
        assertThat(names(id, flags.get("TBR 40(一)"))).containsExactly("投标人1", "投标人2");
        assertThat(flags.get("TBR 40(一)").get("evidence").asText()).contains("MC0001");
        assertThat(names(id, flags.get("TBR 40(六)"))).containsExactly("投标人3", "投标人4");
        assertThat(names(id, flags.get("TBR 40(四)"))).containsExactly("投标人2", "投标人4", "投标人5");
        assertThat(flags.values()).allSatisfy(f -> assertThat(f.get("decidedAt").isNull()).isTrue());
        assertThat(bids(id).values()).as("a flag rejects nothing by itself")
                .allSatisfy(b -> assertThat(b.get("status").asText()).isEqualTo("VALID"));
        assertThat(decision(id, "BID_OPENING").get("outputs").get("collusionFlags")).hasSize(3);

        committee(id);
        ResponseEntity<String> early = post("expert1", "/api/tenders/" + id + "/review", "{\"rejections\":[]}");
        assertThat(early.getStatusCode()).as(early.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(early.getBody()).contains("collusionFlags");
        String taskId = openTask(id, "reviewQualifications").get("taskId").asText();
        ResponseEntity<String> guide = get("expert1", "/engine-rest/task/" + taskId + "/localVariables/guide");
        assertThat(guide.getStatusCode()).as(guide.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json(guide).get("value").asText()).as("the review task shows the flags")
                .contains("串通投标标记", "TBR 40(一)", "TBR 40(六)", "MC0001");
        ResponseEntity<String> engine = post("expert1", "/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{}}");
        assertThat(engine.getStatusCode()).as("the engine's REST API meets the same guard: " + engine.getBody())
                .isNotEqualTo(HttpStatus.NO_CONTENT);

        JsonNode fingerprint = flags.get("TBR 40(一)");
        assertThat(decide("expert2", id, fingerprint, true, "同一机器制作").getStatusCode())
                .as("only the chair records the decision").isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> noReason = decide("expert1", id, fingerprint, true, " ");
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(noReason).get("violations").get(0).get("field").asText()).isEqualTo("reason");
        assertThat(json(noReason).get("violations").get(0).get("citation").asText()).isEqualTo("TBR 40(一)");
        assertThat(flags(id).get("TBR 40(一)").get("decidedAt").isNull()).as("refused: nothing changed").isTrue();

        ResponseEntity<String> confirmed = decide("expert1", id, fingerprint, true, "两份投标文件由同一台机器制作，委员会认定串通");
        assertThat(confirmed.getStatusCode()).as(confirmed.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(decide("expert1", id, fingerprint, false, "再议").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(decide("expert1", id, flags.get("TBR 40(六)"), true, "保证金从同一账户转出").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(decide("expert1", id, flags.get("TBR 40(四)"), false, "报价差额系按同一市场价测算，经询问不构成规律性差异")
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        Map<String, JsonNode> after = bids(id);
        for (String rejected : List.of("投标人1", "投标人2", "投标人3", "投标人4")) {
            assertThat(after.get(rejected).get("status").asText()).isEqualTo("INVALID");
        }
        assertThat(after.get("投标人1").get("invalidCitation").asText()).isEqualTo("TBR 40(一); TBR 51(七)");
        assertThat(after.get("投标人5").get("status").asText()).as("dismissed").isEqualTo("VALID");

        ResponseEntity<String> reports = get("supervisor", "/api/supervision/collusion-reports");
        assertThat(reports.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> reported = new ArrayList<>();
        json(reports).forEach(r -> {
            if (r.get("tenderId").asText().equals(id)) {
                reported.add(r.get("citation").asText());
            }
        });
        assertThat(reported).containsExactlyInAnyOrder("TBR 40(一)", "TBR 40(六)");
        assertThat(get("bidder", "/api/supervision/collusion-reports").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(json(get("finance", "/api/supervision/collusion-reports")))
                .as("a tender's case stays with the supervising department")
                .noneMatch(r -> r.get("tenderId").asText().equals(id));
        assertThat(decisionKinds(id)).contains("COLLUSION_DECISION");

        assertThat(review(id)).as("every flag decided, the review completes").isEqualTo(1);
    }

    @Test
    void a_matching_file_creator_id_alone_is_for_judgment_and_dismissed_rejects_nothing() {
        String id = registerAndApprove(works().with("regime", "GOVERNMENT_PROCUREMENT").with("category", "GOODS")
                .with("estimatedAmount", new BigDecimal("2500000.00")).with("stateControlled", false));
        at("2026-12-01T08:00:00");
        bidAccepted(id, 1, "2410000.00", null, "LARGE");
        bid(id, 2, SealedBid.file(bidderId(2), 2, "2455000.00").replace("CREATOR-0002", "CREATOR-0001"), null,
                "SMALL", "代表2");
        bid(id, 3, SealedBid.file(bidderId(3), 3, "2380000.00").replace("联系人3", "联系人1"), null, "SMALL", "代表3");
        at("2026-12-21T09:30:00");

        Map<String, JsonNode> flags = flags(id);
        assertThat(flags).containsOnlyKeys("O87 37(一)", "O87 37(三)");
        assertThat(flags.get("O87 37(一)").get("kind").asText()).isEqualTo("JUDGMENT");
        assertThat(flags.get("O87 37(三)").get("kind").asText()).as("same contact person under GP").isEqualTo("DEEMED");
        assertThat(bids(id).values()).allSatisfy(b -> assertThat(b.get("status").asText()).isEqualTo("VALID"));

        committee(id);
        assertThat(decide("expert1", id, flags.get("O87 37(一)"), null, "待定").getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(decide("expert1", id, flags.get("O87 37(一)"), false, "标识码来自同一版本的编制工具模板，不足以认定")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(decide("expert1", id, flags.get("O87 37(三)"), false, "联系人同名不同人，经核对身份证号")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(bids(id).values()).allSatisfy(b -> assertThat(b.get("status").asText()).isEqualTo("VALID"));
        assertThat(review(id)).isEqualTo(3);
        assertThat(json(get("supervisor", "/api/supervision/collusion-reports")))
                .noneMatch(r -> r.get("tenderId").asText().equals(id));
    }

    @Test
    void confirmed_collusion_in_government_procurement_is_reported_in_writing_to_the_finance_department() {
        String id = registerAndApprove(works().with("regime", "GOVERNMENT_PROCUREMENT").with("category", "GOODS")
                .with("estimatedAmount", new BigDecimal("2500000.00")).with("stateControlled", false));
        at("2026-12-01T08:00:00");
        bidAccepted(id, 1, "2410000.00", null, "LARGE");
        bidAccepted(id, 2, "2455000.00", null, "SMALL");
        bid(id, 3, SealedBid.file(bidderId(3), 3, "2380000.00").replace("联系人3", "联系人1"), null, "SMALL", "代表3");
        bidAccepted(id, 4, "2395000.00", null, "MEDIUM");
        at("2026-12-21T09:30:00");
        JsonNode contact = flags(id).get("O87 37(三)");
        assertThat(contact).as("same contact person").isNotNull();

        committee(id);
        ResponseEntity<String> confirmed = decide("expert1", id, contact, true, "两家供应商联系人为同一人，委员会认定串通");
        assertThat(confirmed.getStatusCode()).as(confirmed.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(bids(id).get("投标人1").get("invalidCitation").asText()).isEqualTo("O87 37(三); O87 36");

        ResponseEntity<String> toFinance = get("finance", "/api/supervision/collusion-reports");
        assertThat(toFinance.getStatusCode()).as(toFinance.getBody()).isEqualTo(HttpStatus.OK);
        List<JsonNode> reports = new ArrayList<>();
        json(toFinance).forEach(r -> {
            if (r.get("tenderId").asText().equals(id)) {
                reports.add(r);
            }
        });
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.get("reportedTo").asText()).isEqualTo("finance-department");
            assertThat(r.get("reportCitation").asText()).isEqualTo("O87 36");
            assertThat(r.get("citation").asText()).isEqualTo("O87 37(三)");
            assertThat(r.get("reason").asText()).contains("联系人为同一人");
            List<String> bidders = new ArrayList<>();
            r.get("bids").forEach(b -> bidders.add(b.get("bidderName").asText()));
            assertThat(bidders).containsExactlyInAnyOrder("投标人1", "投标人3");
            r.get("bids").forEach(b -> assertThat(b.get("status").asText()).isEqualTo("INVALID"));
        });
        assertThat(json(get("supervisor", "/api/supervision/collusion-reports")))
                .as("under government procurement the report goes to finance, not the tendering supervisor")
                .noneMatch(r -> r.get("tenderId").asText().equals(id));
        assertThat(json(get("demo", "/api/supervision/collusion-reports")))
                .as("administrators see every report").anyMatch(r -> r.get("tenderId").asText().equals(id));
        JsonNode record = decision(id, "COLLUSION_DECISION");
        assertThat(record.get("outputs").get("reportedTo").asText()).isEqualTo("finance-department");
        assertThat(record.get("firedRules").toString()).contains("O87 36");
    }

    @Test
    void documents_are_compared_by_their_whole_text_chinese_included() {
        String id = registerAndApprove(works());
        at("2026-12-01T08:00:00");
        // proposals differing in Chinese characters only are different documents; a copied one is the same
        bid(id, 1, SealedBid.file(bidderId(1), 1, "4812000.00").replace("投标人1的施工组织设计", "甲方案"), null,
                "LARGE", "代表1");
        bid(id, 2, SealedBid.file(bidderId(2), 2, "4700000.00").replace("投标人2的施工组织设计", "乙方案"), null,
                "LARGE", "代表2");
        bid(id, 3, SealedBid.file(bidderId(3), 3, "4633000.00").replace("投标人3的施工组织设计", "乙方案"), null,
                "LARGE", "代表3");
        at("2026-12-21T09:30:00");
        JsonNode identical = flags(id).get("TBR 40(四)");
        assertThat(identical).as("only the copied proposal").isNotNull();
        assertThat(names(id, identical)).containsExactly("投标人2", "投标人3");
        committee(id);
    }
}

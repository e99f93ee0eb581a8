package io.huitong.lifecycle;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.support.LifecycleTest;
import io.huitong.support.OcdsSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * One tender of each regime through the REST API, from registration to archive, and the failure path: time
 * moves with the clock.
 */
class LifecycleScenarioTest extends LifecycleTest {

    @Test
    void works_under_the_Tendering_Law_from_registration_to_archive() {
        // registered on 27 November, documents to be issued on 1 December, bids due 21 December 09:30
        String id = registerAndApprove(works().with("bidBondAmount", new BigDecimal("100000.00")));
        assertThat(deadline(id, "documentIssue").get("dueAt").asText()).isEqualTo("2026-12-01T00:00:00+08:00");
        assertThat(bid(id, 1, "4800000.00", "100000.00 E_GUARANTEE", "LARGE").getStatusCode())
                .as("not announced yet").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

        at("2026-12-01T08:00:00");
        assertThat(status(id)).isEqualTo("BIDDING");
        assertThat(deadline(id, "bidDeadline").get("dueAt").asText()).isEqualTo("2026-12-21T09:30:00+08:00");
        assertThat(deadline(id, "objectionLatest").get("lastDay").asText()).isEqualTo("2026-12-11");

        // a bidder debarred by the supervisor may not bid; a bid without the bond is refused
        ResponseEntity<String> debarment = post("supervisor", "/api/credit/records", """
                {"partyId":"%s","partyName":"投标人9","kind":"DEBARMENT","reason":"串通投标",
                 "startDate":"2026-06-01","endDate":"2027-05-31","citation":"TBR 67"}""".formatted(bidderId(9)));
        assertThat(debarment.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode debarred = json(bid(id, 9, "4700000.00", "100000.00 E_GUARANTEE", "LARGE"));
        assertThat(debarred.get("violations").get(0).get("citation").asText()).isEqualTo("TBR 67");
        JsonNode noBond = json(bid(id, 8, "4700000.00", null, "LARGE"));
        assertThat(noBond.get("violations").get(0).get("citation").asText()).isEqualTo("TBR 26");

        at("2026-12-02T10:00:00");
        bidAccepted(id, 1, "4800000.00", "100000.00 E_GUARANTEE", "LARGE");
        bidAccepted(id, 2, "4663200.00", "100000.00 BANK_GUARANTEE", "MEDIUM");
        bidAccepted(id, 3, "4900000.00", "100000.00 E_GUARANTEE", "SMALL");
        bidAccepted(id, 4, "4500000.00", "100000.00 E_GUARANTEE", "SMALL");
        assertThat(get("demo", "/api/tenders/" + id + "/bids").getStatusCode()).as("sealed before the opening")
                .isEqualTo(HttpStatus.CONFLICT);

        // on 10 December an amendment that affects preparation: 11 days are left, so the deadline moves (TBR 21)
        at("2026-12-10T10:00:00");
        JsonNode clarification = json(post("purchaser", "/api/tenders/" + id + "/clarifications",
                "{\"content\":\"工程量清单第3章修改\",\"affectsPreparation\":true}"));
        assertThat(clarification.get("deadlineAfter").asText()).isEqualTo("2026-12-25T09:30:00+08:00");
        assertThat(clarification.get("citation").asText()).isEqualTo("TBL 23; TBR 21");
        runDueJobs();
        assertThat(deadline(id, "bidDeadline").get("dueAt").asText()).isEqualTo("2026-12-25T09:30:00+08:00");

        // on 14 December (11 days before the new deadline) an objection suspends the procedure (TBR 22)
        at("2026-12-14T09:00:00");
        JsonNode objection = json(post("bidder2", "/api/tenders/" + id + "/objections",
                "{\"content\":\"资格条件限制潜在投标人\",\"party\":\"投标人2\"}"));
        assertThat(status(id)).isEqualTo("SUSPENDED");
        assertThat(openTaskKeys(id)).contains("answerObjection");
        assertThat(json(bid(id, 5, "4600000.00", "100000.00 E_GUARANTEE", "LARGE")).get("violations")
                .findValuesAsText("citation")).as("no bids, nor guarantees for them, while suspended").contains("TBR 22");
        at("2026-12-15T09:00:00");
        ResponseEntity<String> answered = post("purchaser", "/api/tenders/" + id + "/objections/"
                + objection.get("id").asText() + "/answer", "{\"answer\":\"资格条件符合规定，不予修改\"}");
        assertThat(answered.getStatusCode()).as(answered.getBody()).isEqualTo(HttpStatus.OK);
        runDueJobs();
        assertThat(status(id)).isEqualTo("BIDDING");
        assertThat(deadline(id, "bidDeadline").get("dueAt").asText()).as("the day it stood still is given back")
                .isEqualTo("2026-12-26T09:30:00+08:00");

        // the deadline passes: opening, then a committee of five evaluates
        at("2026-12-26T09:31:00");
        assertThat(status(id)).isEqualTo("EVALUATING");
        assertThat(bid(id, 6, "4400000.00", "100000.00 E_GUARANTEE", "LARGE").getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(bids(id)).hasSize(4);
        committee(id);
        assertThat(review(id, "投标人3")).isEqualTo(3);
        scoreAll(id, Map.of("投标人1", 50, "投标人2", 52, "投标人4", 45));
        signReport(id);

        // Tendering Law: candidates publicised for 3 days, then the tenderer determines rank one (TBR 55)
        assertThat(status(id)).isEqualTo("PUBLICITY");
        Map<String, JsonNode> ranked = bids(id);
        assertThat(ranked.get("投标人2").get("candidateRank").asInt()).isEqualTo(1);
        assertThat(ranked.get("投标人3").get("status").asText()).isEqualTo("INVALID");
        assertThat(get("bidder", "/api/tenders/" + id + "/committee").getStatusCode())
                .as("the committee stays confidential until the result").isEqualTo(HttpStatus.FORBIDDEN);
        at("2026-12-30T00:00:00");
        assertThat(openTaskKeys(id)).containsExactly("chooseWinner");
        ResponseEntity<String> second = post("purchaser", "/api/tenders/" + id + "/award",
                "{\"winnerBidId\":\"" + ranked.get("投标人1").get("id").asText() + "\"}");
        assertThat(json(second).get("violations").get(0).get("citation").asText()).as("rank one must win").isEqualTo("TBR 55");
        award(id, "投标人2", null);
        assertThat(status(id)).isEqualTo("AWARDED");
        assertThat(get("bidder", "/api/tenders/" + id + "/committee").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tender(id).get("winnerBidId").asText()).isEqualTo(ranked.get("投标人2").get("id").asText());
        assertThat(openTaskKeys(id)).containsExactlyInAnyOrder("signContract", "reportToSupervisor");
        assertThat(deadline(id, "contract").get("citation").asText()).isEqualTo("TBL 46");

        assertThat(post("bidder", "/api/tenders/" + id + "/contract", "{}").getStatusCode())
                .as("the tenderer's step").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("purchaser", "/api/tenders/" + id + "/contract/publication", "{}").getStatusCode())
                .as("no such step under the Tendering Law").isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<String> signed = post("purchaser", "/api/tenders/" + id + "/contract", "{}");
        assertThat(signed.getStatusCode()).as(signed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
        assertThat(status(id)).isEqualTo("CONTRACTED");
        assertThat(deadline(id, "contract").get("state").asText()).isEqualTo("MET");
        assertThat(deadline(id, "bondRefund").get("citation").asText()).isEqualTo("TBR 57");
        assertThat(openTaskKeys(id)).as("bonds come back within 5 days, whatever the report")
                .containsExactlyInAnyOrder("refundBonds", "reportToSupervisor");
        List<String> held = new java.util.ArrayList<>();
        json(get("finance", "/api/tenders/" + id + "/bids")).forEach(b -> {
            if (b.get("bondAmount") != null && !b.get("bondAmount").isNull() && b.get("bondRefundedAt").isNull()
                    && b.get("bondKeptAt").isNull()) {
                held.add(b.get("id").asText());
            }
        });
        assertThat(held).as("bonds to refund").isNotEmpty();
        ResponseEntity<String> some = post("finance", "/api/tenders/" + id + "/bond-refunds",
                "{\"bidIds\":[\"" + held.get(0) + "\"]}");
        assertThat(some.getStatusCode()).as(some.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(openTaskKeys(id)).as("the step stays while a bond it covers is held").contains("refundBonds");
        ResponseEntity<String> rest = post("finance", "/api/tenders/" + id + "/bond-refunds",
                "{\"bidIds\":[" + held.subList(1, held.size()).stream().map(b -> "\"" + b + "\"")
                        .collect(java.util.stream.Collectors.joining(",")) + "]}");
        assertThat(rest.getStatusCode()).as(rest.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(openTaskKeys(id)).as("every bond refunded: the refund step is done").doesNotContain("refundBonds");
        assertThat(deadline(id, "bondRefund").get("state").asText()).isEqualTo("MET");
        ResponseEntity<String> report = post("purchaser", "/api/tenders/" + id + "/supervisor-report", "{}");
        assertThat(report.getStatusCode()).as(report.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();

        JsonNode archived = tender(id);
        assertThat(archived.get("status").asText()).isEqualTo("ARCHIVED");
        assertThat(archived.get("openTasks")).isEmpty();
        assertThat(decisionKinds(id)).contains("REGISTRATION", "BID_SUBMISSION", "CLARIFICATION", "BID_OPENING",
                "COMMITTEE", "EVALUATION");
        assertThat(json(get("demo", "/api/tenders/" + id + "/bids")).findValues("bondRefundedAt"))
                .allSatisfy(refunded -> assertThat(refunded.isNull()).isFalse());
        published(id, ranked.get("投标人2"));
    }

    /** The completed tender as an OCDS 1.1 release package: valid against the schema, notice to contract. */
    void published(String id, JsonNode winner) {
        JsonNode ocds = json(get("bidder", "/api/tenders/" + id + "/ocds"));
        assertThat(OcdsSchema.errors(ocds)).isEmpty();
        List<String> tags = new ArrayList<>();
        ocds.get("releases").forEach(r -> tags.add(r.get("tag").get(0).asText()));
        assertThat(tags).containsExactly("tender", "award", "contract");
        JsonNode contract = ocds.get("releases").get(2);
        assertThat(contract.get("tender").get("status").asText()).isEqualTo("complete");
        assertThat(contract.get("awards").get(0).get("value").get("amount").decimalValue())
                .isEqualByComparingTo(winner.get("price").decimalValue());
        assertThat(contract.get("awards").get(0).get("suppliers").get(0).get("id").asText())
                .isEqualTo("CN-USCC-" + winner.get("bidderId").asText());
        assertThat(contract.get("contracts").get(0).get("awardID").asText()).isEqualTo(winner.get("id").asText());
        assertThat(contract.get("tender").get("numberOfTenderers").asInt())
                .isEqualTo(contract.get("tender").get("tenderers").size());
        // the result page names the experts once the winner is determined (TBL 37; O87 47)
        JsonNode result = json(get(null, "/public/tenders/" + id + "/result"));
        assertThat(result.get("winner").asText()).isEqualTo(winner.get("bidderName").asText());
        assertThat(result.get("expertScores").findValuesAsText("expert")).contains("expert1");
    }

    @Test
    void goods_under_government_procurement_from_registration_to_archive() {
        String id = registerAndApprove(works().with("regime", "GOVERNMENT_PROCUREMENT").with("category", "GOODS")
                .with("title", "郑州市某单位信息化设备采购").with("estimatedAmount", new BigDecimal("2500000.00"))
                .with("stateControlled", false).with("bidDeadline", "2026-12-21")
                .with("bidBondAmount", new BigDecimal("20000.00")));
        at("2026-12-01T08:00:00");
        assertThat(status(id)).isEqualTo("BIDDING");
        assertThat(deadline(id, "challengeWindow").get("citation").asText()).isEqualTo("GPL 52; GPR 53(一); O94 10");
        JsonNode cash = json(bid(id, 1, "2400000.00", "20000.00 CASH", "LARGE"));
        assertThat(cash.get("violations").get(0).get("field").asText()).isEqualTo("bond.form");

        bidAccepted(id, 1, "2400000.00", "20000.00 E_GUARANTEE", "LARGE");
        bidAccepted(id, 2, "2450000.00", "20000.00 E_GUARANTEE", "SMALL");
        bidAccepted(id, 3, "2300000.00", "20000.00 BANK_GUARANTEE", "MEDIUM");

        at("2026-12-21T09:00:01");
        committee(id);
        assertThat(review(id)).isEqualTo(3);
        scoreAll(id, Map.of("投标人1", 60, "投标人2", 58, "投标人3", 59));
        signReport(id);

        // the small firm's price counts 10% less (SME46 9; CK19): it sets the base and ranks first
        Map<String, JsonNode> bids = bids(id);
        assertThat(bids.get("投标人2").get("evaluatedPrice").decimalValue()).isEqualByComparingTo("2205000.00");
        assertThat(bids.get("投标人2").get("priceScore").decimalValue()).isEqualByComparingTo("30.0000");
        assertThat(bids.get("投标人3").get("priceScore").decimalValue()).isEqualByComparingTo("28.7609");
        assertThat(bids.get("投标人2").get("candidateRank").asInt()).isEqualTo(1);
        assertThat(bids.get("投标人3").get("candidateRank").asInt()).isEqualTo(2);

        // the purchaser stays silent for 5 working days: rank one is deemed chosen (O87 68)
        assertThat(status(id)).isEqualTo("AWARDING");
        JsonNode determination = deadline(id, "winnerDetermination");
        assertThat(determination.get("lastDay").asText()).isEqualTo("2026-12-28");
        at("2026-12-28T23:59:00");
        assertThat(status(id)).isEqualTo("AWARDING");
        at("2026-12-29T00:00:01");
        assertThat(status(id)).isEqualTo("AWARDED");
        assertThat(tender(id).get("winnerBidId").asText()).isEqualTo(bids.get("投标人2").get("id").asText());
        assertThat(openTaskKeys(id)).containsExactlyInAnyOrder("signContract", "refundLosersBonds");

        completeTask(id, "finance", "refundLosersBonds");
        completeTask(id, "purchaser", "signContract");
        assertThat(openTaskKeys(id)).containsExactly("refundBonds");
        completeTask(id, "finance", "refundBonds");
        assertThat(post("purchaser", "/api/tenders/" + id + "/contract/publication", "{}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("purchaser", "/api/tenders/" + id + "/contract/filing", "{}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
        assertThat(status(id)).isEqualTo("ARCHIVED");
        published(id, bids.get("投标人2"));
    }

    @Test
    void two_bids_fail_the_tender_which_is_tendered_again() {
        String id = registerAndApprove(works().with("bidBondAmount", new BigDecimal("50000.00")));
        at("2026-12-01T08:00:00");
        bidAccepted(id, 1, "4800000.00", "50000.00 E_GUARANTEE", "LARGE");
        bidAccepted(id, 2, "4700000.00", "50000.00 E_GUARANTEE", "LARGE");

        at("2026-12-21T09:30:00");
        JsonNode failed = tender(id);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("outcomeReason").asText()).contains("TBL 28");
        assertThat(deadline(id, "failedRoundRefund").get("citation").asText()).isEqualTo("TBR 35; O87 38");
        assertThat(openTaskKeys(id)).containsExactlyInAnyOrder("decideAfterFailure", "refundFailedRoundBonds");
        assertThat(get("demo", "/api/tenders/" + id + "/bids").getStatusCode())
                .as("a round that failed unopened stays sealed").isEqualTo(HttpStatus.CONFLICT);
        completeTask(id, "finance", "refundFailedRoundBonds");

        // 19 days is refused for the new round too; 20 are accepted
        ResponseEntity<String> tooShort = post("purchaser", "/api/tenders/" + id + "/after-failure",
                "{\"nextStep\":\"RETENDER\",\"documentIssueDate\":\"2026-12-23\",\"bidDeadline\":\"2027-01-11\"}");
        assertThat(tooShort.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(tooShort).get("violations").get(0).get("citation").asText()).isEqualTo("TBL 24");
        ResponseEntity<String> again = post("purchaser", "/api/tenders/" + id + "/after-failure",
                "{\"nextStep\":\"RETENDER\",\"documentIssueDate\":\"2026-12-23\",\"bidDeadline\":\"2027-01-12\"}");
        assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
        JsonNode second = tender(id);
        assertThat(second.get("round").asInt()).isEqualTo(2);
        assertThat(second.get("status").asText()).isEqualTo("APPROVED");

        at("2026-12-23T08:00:00");
        assertThat(status(id)).isEqualTo("BIDDING");
        bidAccepted(id, 1, "4800000.00", "50000.00 E_GUARANTEE", "LARGE");
        bidAccepted(id, 2, "4700000.00", "50000.00 E_GUARANTEE", "LARGE");
        bidAccepted(id, 3, "4761300.00", "50000.00 E_GUARANTEE", "LARGE");
        at("2027-01-12T09:00:01");
        assertThat(status(id)).isEqualTo("EVALUATING");
        assertThat(bids(id)).hasSize(3);
    }
}

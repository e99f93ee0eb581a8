package io.huitong.lifecycle;

import static io.huitong.support.RegistrationJson.works;
import static io.huitong.support.RegistrationJson.xinyangGoods;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.support.LifecycleTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What keeps a procedure lawful whoever drives it: sealed bids, guards on tasks completed through the engine's
 * REST API, the SME reservation, a late announcement, challenges to a procurement result, the committee's
 * membership and its signatures.
 */
class LifecycleSafeguardsTest extends LifecycleTest {

    @Test
    void before_the_opening_a_bids_submission_record_is_listed_to_its_bidder_only_so_nobody_counts_the_bids() {
        String id = registerAndApprove(works().with("bidBondAmount", new BigDecimal("80000.00")));
        at("2026-12-01T08:00:00");
        bidAccepted(id, 1, "4800000.00", "80000.00 E_GUARANTEE", "LARGE");
        bidAccepted(id, 2, "4700000.00", "80000.00 E_GUARANTEE", "SMALL");
        bidAccepted(id, 3, "4761300.00", "80000.00 E_GUARANTEE", "MEDIUM");
        // a refused attempt leaves a submission record too: it must not count either
        ResponseEntity<String> refused = post("bidder4", "/api/tenders/" + id + "/bids", """
                {"bidderId":"%s","bidderName":"投标人4","smeSize":"LARGE","legalRepresentative":"代表4",
                 "bond":{"form":"E_GUARANTEE","amount":80000.00,"guaranteeNo":"BG-NOT-ISSUED"},"sealedFile":"%s"}"""
                .formatted(bidderId(4), io.huitong.support.SealedBid.seal(
                        io.huitong.support.SealedBid.file(bidderId(4), 4, "4600000.00"), password(id, 4))));
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

        for (String user : List.of("demo", "clerk", "director", "supervisor", "finance", "purchaser", "expert1",
                "lyclerk", "bidder5")) {
            assertThat(submissions(user, id)).as(user + " learns nothing of who or how many bid").isEmpty();
        }
        assertThat(submissions("bidder2", id)).as("the bidder sees its own, unsealed").singleElement()
                .satisfies(d -> assertThat(d.get("inputs").get("bid").get("bidderId").asText()).isEqualTo(bidderId(2)));
        assertThat(submissions("bidder4", id)).singleElement()
                .satisfies(d -> assertThat(d.get("outcome").asText()).isEqualTo("REFUSED"));
        assertThat(submissions("bidder", id)).as("another account of bidder 1's company").singleElement()
                .satisfies(d -> assertThat(d.get("inputs").has("sealed")).isFalse());

        at("2026-12-21T09:30:00");
        assertThat(submissions("demo", id)).as("opened: every attempt, refused ones too").hasSize(4)
                .allSatisfy(d -> assertThat(d.get("inputs").has("sealed")).as("opened").isFalse());
    }

    @Test
    void a_withdrawn_bid_has_its_bond_refunded_within_5_days() {
        String id = registerAndApprove(works().with("bidBondAmount", new BigDecimal("100000.00")));
        at("2026-12-01T08:00:00");
        ResponseEntity<String> submitted = bid(id, 1, "4800000.00", "100000.00 E_GUARANTEE", "LARGE");
        String bidId = json(submitted).get("id").asText();

        at("2026-12-10T10:00:00");
        assertThat(exchange("purchaser", HttpMethod.DELETE, "/api/tenders/" + id + "/bids/" + bidId, null)
                .getStatusCode()).as("only its submitter withdraws a bid").isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> withdrawn = exchange("bidder", HttpMethod.DELETE, "/api/tenders/" + id + "/bids/"
                + bidId, null);
        assertThat(withdrawn.getStatusCode()).as(withdrawn.getBody()).isEqualTo(HttpStatus.OK);
        runDueJobs();

        assertThat(openTaskKeys(id)).containsExactly("refundWithdrawnBond");
        JsonNode due = deadline(id, "withdrawalRefund");
        assertThat(due.get("citation").asText()).isEqualTo("TBR 35");
        assertThat(due.get("lastDay").asText()).isEqualTo("2026-12-15");
        for (String outsider : java.util.List.of("purchaser", "bidder2", "expert1")) {
            ResponseEntity<String> view = get(outsider, "/api/tenders/" + id);
            assertThat(view.getStatusCode()).as(view.getBody()).isEqualTo(HttpStatus.OK);
            assertThat(json(view).get("timeline").findValuesAsText("name")).as(
                    "before the opening nobody outside the centre learns that a bid was withdrawn: " + outsider)
                    .doesNotContain("withdrawalRefund");
        }
        for (String staff : java.util.List.of("clerk", "finance", "supervisor", "demo")) {
            assertThat(json(get(staff, "/api/tenders/" + id)).get("timeline").findValuesAsText("name"))
                    .as(staff).contains("withdrawalRefund");
        }
        completeTask(id, "finance", "refundWithdrawnBond");
        assertThat(openTaskKeys(id)).isEmpty();
        assertThat(status(id)).as("bidding goes on").isEqualTo("BIDDING");
    }

    @Test
    void a_task_completed_through_the_engine_REST_API_meets_the_same_guard() {
        String id = registerAndApprove(works());
        at("2026-12-01T08:00:00");
        bidAccepted(id, 1, "4800000.00", null, "LARGE");
        bidAccepted(id, 2, "4700000.00", null, "SMALL");
        bidAccepted(id, 3, "4761300.00", null, "MEDIUM");
        at("2026-12-21T09:30:00");
        committee(id);
        review(id);
        scoreAll(id, Map.of("投标人1", 50, "投标人2", 55, "投标人3", 52));
        signReport(id);
        at("2026-12-25T00:00:00");
        String taskId = openTask(id, "chooseWinner").get("taskId").asText();
        String third = bids(id).get("投标人1").get("id").asText();

        ResponseEntity<String> bypass = post("purchaser", "/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"winnerBidId\":{\"value\":\"" + third + "\",\"type\":\"String\"}}}");
        assertThat(bypass.getStatusCode()).as(bypass.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(bypass).get("violations").get(0).get("citation").asText()).isEqualTo("TBR 55");
        assertThat(json(bypass).get("violations").get(0).get("field").asText()).isEqualTo("reason");
        assertThat(openTaskKeys(id)).as("nothing changed").containsExactly("chooseWinner");
        assertThat(tender(id).get("winnerBidId").isNull()).isTrue();
    }

    @Test
    void a_package_reserved_for_smes_refuses_large_firms_until_a_failure_lifts_the_reservation() {
        // 1,500,000 of goods: reserved for SMEs (SME46 8)
        String id = registerAndApprove(xinyangGoods());
        assertThat(tender(id).get("decisions").get("smeReserved").asBoolean()).isTrue();
        at("2026-12-01T08:00:00");
        ResponseEntity<String> large = bid(id, 1, "1400000.00", null, "LARGE");
        assertThat(large.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(large).get("violations").get(0).get("citation").asText()).isEqualTo("SME46 8, 11");

        bidAccepted(id, 2, "1450000.00", null, "SMALL");
        bidAccepted(id, 3, "1423700.00", null, "MEDIUM");
        bidAccepted(id, 4, "1410000.00", null, "MICRO");
        at("2026-12-21T09:30:00");
        committee(id);
        review(id, "投标人4");
        assertThat(status(id)).isEqualTo("FAILED");
        assertThat(tender(id).get("outcomeReason").asText()).contains("SME46 10");

        ResponseEntity<String> again = post("purchaser", "/api/tenders/" + id + "/after-failure",
                "{\"nextStep\":\"RETENDER\",\"documentIssueDate\":\"2026-12-23\",\"bidDeadline\":\"2027-01-12\"}");
        assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
        assertThat(tender(id).get("decisions").get("smeReserved").asBoolean()).as("lifted (SME46 10)").isFalse();
        at("2026-12-23T08:00:00");
        bidAccepted(id, 1, "1400000.00", null, "LARGE");
    }

    @Test
    void only_a_bidder_account_raises_an_objection_that_suspends_the_procedure() {
        String id = registerAndApprove(works());
        at("2026-12-01T08:00:00");
        for (String user : List.of("clerk", "expert1", "lyclerk", "finance", "demo")) {
            ResponseEntity<String> objection = post(user, "/api/tenders/" + id + "/objections",
                    "{\"content\":\"资格条件限制潜在投标人\"}");
            assertThat(objection.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(status(id)).as("nothing suspended").isEqualTo("BIDDING");
    }

    @Test
    void a_late_announcement_moves_the_deadline_to_keep_the_20_days() {
        String id = registerAndApprove(works());
        // the documents were to go out on 1 December; nothing ran until 5 December
        at("2026-12-05T08:00:00");
        assertThat(status(id)).isEqualTo("BIDDING");
        assertThat(deadline(id, "bidDeadline").get("dueAt").asText()).isEqualTo("2026-12-25T09:30:00+08:00");
        assertThat(decisionKinds(id)).contains("ANNOUNCEMENT");
    }

    @Test
    void a_procurement_result_may_be_challenged_for_7_working_days_without_stopping_the_contract() {
        String id = registerAndApprove(xinyangGoods().with("estimatedAmount", new BigDecimal("2500000.00")));
        at("2026-12-01T08:00:00");
        bidAccepted(id, 1, "2400000.00", null, "LARGE");
        bidAccepted(id, 2, "2450000.00", null, "SMALL");
        bidAccepted(id, 3, "2361800.00", null, "MEDIUM");
        at("2026-12-21T09:30:00");
        committee(id);
        review(id);
        scoreAll(id, Map.of("投标人1", 50, "投标人2", 55, "投标人3", 52));
        signReport(id);
        at("2026-12-22T10:00:00");
        award(id, "投标人2", null);
        assertThat(status(id)).isEqualTo("AWARDED");
        JsonNode window = deadline(id, "resultChallengeWindow");
        assertThat(window.get("citation").asText()).isEqualTo("GPL 52; GPR 53(三); O94 10");

        at("2026-12-24T10:00:00");
        ResponseEntity<String> challenge = post("bidder", "/api/tenders/" + id + "/objections",
                "{\"content\":\"评分不公\",\"party\":\"投标人1\"}");
        assertThat(challenge.getStatusCode()).as(challenge.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(status(id)).as("a challenge does not suspend the award").isEqualTo("AWARDED");
        assertThat(openTaskKeys(id)).contains("signContract");
        assertThat(deadline(id, "objectionAnswer").get("citation").asText()).isEqualTo("GPL 53; O94 13");
        ResponseEntity<String> answered = post("purchaser", "/api/tenders/" + id + "/objections/"
                + json(challenge).get("id").asText() + "/answer", "{\"answer\":\"评分符合评审标准\"}");
        assertThat(answered.getStatusCode()).as(answered.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(deadline(id, "objectionAnswer").get("state").asText()).isEqualTo("MET");

        at(window.get("dueAt").asText().substring(0, 19));
        ResponseEntity<String> late = post("bidder3", "/api/tenders/" + id + "/objections",
                "{\"content\":\"评分不公\",\"party\":\"投标人3\"}");
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(late).get("violations").get(0).get("citation").asText()).isEqualTo("GPL 52; GPR 53(三); O94 10");
    }

    /**
     * GPR 53(三): a supplier "should know" of the result the day its announcement period ends, so the 7 working days
     * (GPL 52) run from there, across New Year's Day: announced 28 December for one working day (to 29 December),
     * the last day to challenge is 8 January 2027, not 7 January.
     */
    @Test
    void a_challenge_to_the_result_counts_7_working_days_from_the_end_of_its_announcement_across_new_year() {
        String id = registerAndApprove(xinyangGoods().with("estimatedAmount", new BigDecimal("2500000.00")));
        at("2026-12-01T08:00:00");
        bidAccepted(id, 1, "2400000.00", null, "LARGE");
        bidAccepted(id, 2, "2450000.00", null, "SMALL");
        bidAccepted(id, 3, "2361800.00", null, "MEDIUM");
        at("2026-12-21T09:30:00");
        committee(id);
        review(id);
        scoreAll(id, Map.of("投标人1", 50, "投标人2", 55, "投标人3", 52));
        signReport(id);
        at("2026-12-28T10:00:00");
        award(id, "投标人2", null);
        assertThat(status(id)).isEqualTo("AWARDED");

        assertThat(deadline(id, "awardAnnouncement").get("lastDay").asText()).isEqualTo("2026-12-29");
        JsonNode window = deadline(id, "resultChallengeWindow");
        assertThat(window.get("lastDay").asText()).as("7 working days after 29 December, 1 January off")
                .isEqualTo("2027-01-08");
        assertThat(window.get("dueAt").asText()).isEqualTo("2027-01-09T00:00:00+08:00");
        assertThat(window.get("citation").asText()).contains("GPR 53(三)");
        JsonNode page = json(get(null, "/public/tenders/" + id + "/result"));
        assertThat(page.get("complaintChannel").get("challengeUntil").asText())
                .as("24:00 on 8 January").isEqualTo("2027-01-09T00:00:00+08:00");
        assertThat(page.get("complaintChannel").get("challengeCitation").asText()).contains("GPR 53(三)");

        at("2027-01-08T23:59:00");
        ResponseEntity<String> lastMinute = post("bidder", "/api/tenders/" + id + "/objections",
                "{\"content\":\"评分不公\",\"party\":\"投标人1\"}");
        assertThat(lastMinute.getStatusCode()).as("the last day is 8 January: " + lastMinute.getBody())
                .isEqualTo(HttpStatus.CREATED);
        at("2027-01-09T00:00:00");
        ResponseEntity<String> late = post("bidder3", "/api/tenders/" + id + "/objections",
                "{\"content\":\"评分不公\",\"party\":\"投标人3\"}");
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(late).get("violations").get(0).get("citation").asText()).contains("GPR 53(三)");
    }

    /**
     * A period that runs out by itself (the announcement, the documents' challenge window, the last day for a
     * clarification) shows ENDED once its end has passed; a step someone owes stays OPEN and overdue.
     */
    @Test
    void periods_whose_end_has_passed_show_ended_after_the_deadline_and_the_award() {
        String id = registerAndApprove(xinyangGoods().with("estimatedAmount", new BigDecimal("2500000.00")));
        at("2026-12-01T08:00:00");
        assertThat(deadline(id, "announcement").get("state").asText()).isEqualTo("OPEN");
        bidAccepted(id, 1, "2400000.00", null, "LARGE");
        bidAccepted(id, 2, "2450000.00", null, "SMALL");
        bidAccepted(id, 3, "2361800.00", null, "MEDIUM");
        at("2026-12-21T09:30:00");
        committee(id);
        review(id);
        scoreAll(id, Map.of("投标人1", 50, "投标人2", 55, "投标人3", 52));
        signReport(id);
        at("2026-12-22T10:00:00");
        award(id, "投标人2", null);

        JsonNode timeline = tender(id).get("timeline");
        List<String> ended = new ArrayList<>();
        List<String> open = new ArrayList<>();
        timeline.forEach(d -> (d.get("state").asText().equals("ENDED") ? ended : open).add(d.get("name").asText()));
        assertThat(ended).contains("announcement", "challengeWindow");
        assertThat(timeline).as("nothing whose end has passed is shown open unless it is owed and overdue")
                .allSatisfy(d -> {
                    if (d.get("state").asText().equals("OPEN")) {
                        assertThat(java.time.OffsetDateTime.parse(d.get("dueAt").asText()))
                                .as(d.get("name").asText())
                                .satisfiesAnyOf(due -> assertThat(due).isAfter(java.time.OffsetDateTime.parse(
                                        "2026-12-22T10:00:00+08:00")), due -> assertThat(d.get("overdue").asBoolean())
                                        .isTrue());
                    }
                });
        assertThat(open).contains("contract", "resultChallengeWindow");
    }

    @Test
    void the_tenderers_own_staff_sit_only_as_its_representatives() {
        // an expert of the pool works for the tenderer (its speciality keeps it out of every remote draw)
        String tenderer = io.huitong.shared.party.CreditCodes.withCheck("12410100MB0000066");
        ResponseEntity<String> user = post("demo", "/engine-rest/user/create", """
                {"profile":{"id":"tlstaff1","firstName":"tlstaff1","lastName":"(demo)"},
                 "credentials":{"password":"tlstaff1"}}""");
        assertThat(user.getStatusCode()).as(user.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        exchange("demo", HttpMethod.PUT, "/engine-rest/group/evaluation-expert/members/tlstaff1", null);
        ResponseEntity<String> added = post("supervisor", "/api/experts", """
                {"userId":"tlstaff1","name":"招标人职工","idNo":"410102198606060066","centreCode":"ZZ",
                 "regionCode":"410100","employerId":"%s","employerName":"招标人","yearsInField":15,
                 "seniorTitle":true,"specialities":["园林绿化工程"]}""".formatted(tenderer));
        assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(HttpStatus.CREATED);

        String id = registerAndApprove(works());
        at("2026-12-01T08:00:00");
        bidAccepted(id, 1, "4800000.00", null, "LARGE");
        bidAccepted(id, 2, "4700000.00", null, "SMALL");
        bidAccepted(id, 3, "4761300.00", null, "MEDIUM");
        at("2026-12-21T09:30:00");
        ResponseEntity<String> asExpert = post("clerk", "/api/tenders/" + id + "/committee", """
                {"purchaserId":"%s","members":[{"name":"a","userId":"expert1","role":"EXPERT","chair":true},
                 {"name":"b","userId":"expert2","role":"EXPERT","chair":false},
                 {"name":"c","userId":"expert3","role":"EXPERT","chair":false},
                 {"name":"d","userId":"tlstaff1","role":"EXPERT","chair":false},
                 {"name":"e","userId":"purchaser","role":"PURCHASER_REPRESENTATIVE","chair":false}]}"""
                .formatted(tenderer));
        assertThat(asExpert.getStatusCode()).as(asExpert.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(asExpert).get("violations")).singleElement().satisfies(v -> {
            assertThat(v.get("field").asText()).isEqualTo("members");
            assertThat(v.get("value").asText()).isEqualTo("tlstaff1");
            assertThat(v.get("citation").asText()).isEqualTo("TBL 37; R12 9");
        });
        assertThat(openTaskKeys(id)).as("nothing recorded").containsExactly("recordCommittee");

        // as the tenderer's representative the same person sits
        ResponseEntity<String> asRepresentative = post("clerk", "/api/tenders/" + id + "/committee", """
                {"purchaserId":"%s","members":[{"name":"a","userId":"expert1","role":"EXPERT","chair":true},
                 {"name":"b","userId":"expert2","role":"EXPERT","chair":false},
                 {"name":"c","userId":"expert3","role":"EXPERT","chair":false},
                 {"name":"d","userId":"expert4","role":"EXPERT","chair":false},
                 {"name":"e","userId":"tlstaff1","role":"PURCHASER_REPRESENTATIVE","chair":false}]}"""
                .formatted(tenderer));
        assertThat(asRepresentative.getStatusCode()).as(asRepresentative.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void only_evaluation_experts_sit_as_experts_and_a_dissent_gives_its_reasons() {
        String id = registerAndApprove(works());
        at("2026-12-01T08:00:00");
        bidAccepted(id, 1, "4800000.00", null, "LARGE");
        bidAccepted(id, 2, "4700000.00", null, "SMALL");
        bidAccepted(id, 3, "4761300.00", null, "MEDIUM");
        at("2026-12-21T09:30:00");
        ResponseEntity<String> bidderAsExpert = post("clerk", "/api/tenders/" + id + "/committee", """
                {"members":[{"name":"a","userId":"expert1","role":"EXPERT","chair":true},
                 {"name":"b","userId":"expert2","role":"EXPERT","chair":false},
                 {"name":"c","userId":"expert3","role":"EXPERT","chair":false},
                 {"name":"d","userId":"bidder","role":"EXPERT","chair":false},
                 {"name":"e","userId":"purchaser","role":"PURCHASER_REPRESENTATIVE","chair":false}]}""");
        assertThat(bidderAsExpert.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(bidderAsExpert).get("violations").get(0).get("field").asText()).contains("members");
        assertThat(openTaskKeys(id)).containsExactly("recordCommittee");

        committee(id);
        review(id);
        scoreAll(id, Map.of("投标人1", 50, "投标人2", 55, "投标人3", 52));
        ResponseEntity<String> bare = post("expert2", "/api/tenders/" + id + "/report/signature",
                "{\"agree\":false}");
        assertThat(bare.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(bare).get("violations").get(0).get("field").asText()).isEqualTo("dissent");
        ResponseEntity<String> dissent = post("expert2", "/api/tenders/" + id + "/report/signature",
                "{\"agree\":false,\"dissent\":\"投标人2的业绩证明不足\"}");
        assertThat(dissent.getStatusCode()).as(dissent.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        for (String member : MEMBERS) {
            if (!member.equals("expert2")) {
                post(member, "/api/tenders/" + id + "/report/signature", "{}");
            }
        }
        runDueJobs();
        assertThat(status(id)).as("a dissent is recorded, the report stands (TBR 53)").isEqualTo("PUBLICITY");
        JsonNode signer = null;
        for (JsonNode m : json(get("expert1", "/api/tenders/" + id + "/committee"))) {
            if ("expert2".equals(m.path("userId").asText())) {
                signer = m;
            }
        }
        assertThat(signer).isNotNull();
        assertThat(signer.get("dissent").asText()).isEqualTo("投标人2的业绩证明不足");
        assertThat(signer.get("signedAt").isNull()).isFalse();
    }

    @Test
    void another_purchaser_cannot_act_for_the_tenderer() {
        if (json(get("demo", "/engine-rest/user?id=purchaser9")).isEmpty()) {
            post("demo", "/engine-rest/user/create", """
                    {"profile":{"id":"purchaser9","firstName":"另一招标人","lastName":"(demo)"},
                     "credentials":{"password":"purchaser9"}}""");
            exchange("demo", HttpMethod.PUT, "/engine-rest/group/purchaser/members/purchaser9", null);
        }
        String id = registerAndApprove(works());
        at("2026-12-01T08:00:00");
        assertThat(post("purchaser9", "/api/tenders/" + id + "/clarifications",
                "{\"content\":\"修改\",\"affectsPreparation\":false}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("purchaser9", "/api/tenders/" + id + "/termination", "{\"reason\":\"不再需要\"}")
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode objection = json(post("bidder2", "/api/tenders/" + id + "/objections",
                "{\"content\":\"资格条件限制潜在投标人\",\"party\":\"投标人2\"}"));
        runDueJobs();
        assertThat(post("purchaser9", "/api/tenders/" + id + "/objections/" + objection.get("id").asText() + "/answer",
                "{\"answer\":\"不予修改\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        String task = openTask(id, "answerObjection").get("taskId").asText();
        assertThat(json(get("purchaser9", "/engine-rest/task?processInstanceBusinessKey=" + id))).as("not its task")
                .isEmpty();
        assertThat(post("purchaser9", "/engine-rest/task/" + task + "/complete", "{}").getStatusCode()
                .is2xxSuccessful()).isFalse();
        assertThat(json(get("purchaser", "/engine-rest/task?processInstanceBusinessKey=" + id))).hasSize(1);
        assertThat(status(id)).isEqualTo("SUSPENDED");
    }

    private List<JsonNode> submissions(String user, String tenderId) {
        ResponseEntity<String> response = get(user, "/api/tenders/" + tenderId + "/decisions");
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        List<JsonNode> found = new ArrayList<>();
        json(response).forEach(d -> {
            if (d.get("kind").asText().equals("BID_SUBMISSION")) {
                found.add(d);
            }
        });
        return found;
    }
}

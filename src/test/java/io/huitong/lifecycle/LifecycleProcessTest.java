package io.huitong.lifecycle;

import static io.huitong.support.RegistrationJson.works;
import static io.huitong.support.RegistrationJson.xinyangGoods;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.support.LifecycleTest;
import io.huitong.support.SealedBid;
import io.huitong.support.RegistrationJson;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Every gateway branch of {@code tender-lifecycle.bpmn} and {@code local-evaluation.bpmn} not already taken by
 * the scenarios, each driven through the API as users would, asserted on the engine's history.
 */
class LifecycleProcessTest extends LifecycleTest {

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    ProcessInstance lifecycle(String tenderId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(tenderId)
                .processDefinitionKey(LifecycleProcess.KEY).singleResult();
    }

    ProcessInstance evaluation(String tenderId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(tenderId)
                .processDefinitionKey(LifecycleProcess.LOCAL_EVALUATION).singleResult();
    }

    /** Registered, approved and announced on 1 December; bids due 21 December 09:30. */
    String biddingTender(RegistrationJson registration) {
        String id = registerAndApprove(registration);
        at("2026-12-01T08:00:00");
        assertThat(status(id)).isEqualTo("BIDDING");
        return id;
    }

    static RegistrationJson gpGoods() {
        return works().with("regime", "GOVERNMENT_PROCUREMENT").with("category", "GOODS")
                .with("estimatedAmount", new BigDecimal("2500000.00")).with("stateControlled", false);
    }

    /** Three bids, the deadline passes, the committee sits and reviews; returns the qualified count. */
    int evaluated(String id, String... rejected) {
        bidAccepted(id, 1, "4800000.00", null, "LARGE");
        bidAccepted(id, 2, "4700000.00", null, "SMALL");
        bidAccepted(id, 3, "4761300.00", null, "MEDIUM");
        at("2026-12-21T09:30:00");
        committee(id);
        return review(id, rejected);
    }

    void scoreAndSign(String id) {
        scoreAll(id, Map.of("投标人1", 50, "投标人2", 55, "投标人3", 52));
        signReport(id);
    }

    @Nested
    class Opening_and_evaluation {

        @Test
        void government_procurement_with_fewer_than_3_valid_bids_after_opening_fails() {
            String id = biddingTender(gpGoods());
            ProcessInstance instance = lifecycle(id);
            bidAccepted(id, 1, "2400000.00", null, "LARGE");
            // bidders 2 and 3 share a legal representative (one ID number): both invalid at the opening (GPR 18)
            bid(id, 2, SealedBid.file(bidderId(2), 2, "2450000.00"), null, "SMALL", "张三", "410102198001010011",
                    List.of());
            bid(id, 3, SealedBid.file(bidderId(3), 3, "2361800.00"), null, "SMALL", "张三", "410102198001010011",
                    List.of());
            at("2026-12-21T09:30:00");
            assertThat(passed(id)).contains("openBids", "markFailed").doesNotContain("evaluate");
            assertThat(status(id)).isEqualTo("FAILED");
            assertThat(bids(id).get("投标人2").get("invalidCitation").asText()).isEqualTo("GPR 18");
        }

        @Test
        void government_procurement_with_fewer_than_3_qualified_stops_the_evaluation() {
            String id = biddingTender(gpGoods());
            ProcessInstance instance = lifecycle(id);
            int qualified = evaluated(id, "投标人1");
            assertThat(qualified).isEqualTo(2);
            assertThat(passed(id)).contains("evaluate", "markFailed");
            assertThat(tender(id).get("outcomeReason").asText()).contains("GPL 36");
        }

        @Test
        void under_the_Tendering_Law_the_committee_may_reject_all_bids() {
            String id = biddingTender(works());
            ProcessInstance instance = lifecycle(id);
            evaluated(id, "投标人1", "投标人2");
            ResponseEntity<String> decision = post("expert1", "/api/tenders/" + id + "/review/reject-all",
                    "{\"rejectAll\":true,\"reason\":\"有效投标不足3个，明显缺乏竞争\"}");
            assertThat(decision.getStatusCode()).as(decision.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
            runDueJobs();
            assertThat(passed(id)).contains("evaluate", "markFailed");
            assertThat(tender(id).get("outcomeReason").asText()).contains("R12 27");
        }

        @Test
        void under_the_Tendering_Law_the_committee_may_go_on_with_fewer_than_3() {
            String id = biddingTender(works());
            evaluated(id, "投标人1");
            ProcessInstance evaluation = evaluation(id);
            post("expert1", "/api/tenders/" + id + "/review/reject-all", "{\"rejectAll\":false}");
            scoreAll(id, Map.of("投标人2", 55, "投标人3", 52));
            signReport(id);
            BpmnAwareTests.assertThat(evaluation).hasPassed("decideRejectAll", "scoreBids", "candidatesEnd");
            assertThat(status(id)).isEqualTo("PUBLICITY");
        }

        @Test
        void a_score_far_from_the_others_is_reviewed_by_the_chair_before_the_report() {
            String id = biddingTender(works());
            evaluated(id);
            ProcessInstance evaluation = evaluation(id);
            Map<String, JsonNode> bids = bids(id);
            String scores = "{\"scores\":{" + String.join(",", bids.values().stream()
                    .map(b -> "\"" + b.get("id").asText() + "\":50").toList()) + "}}";
            for (String member : MEMBERS.subList(0, 4)) {
                post(member, "/api/tenders/" + id + "/scores", scores);
            }
            post("purchaser", "/api/tenders/" + id + "/scores", scores.replace(":50", ":5"));
            runDueJobs();
            assertThat(openTaskKeys(id)).containsExactly("reviewScoreFlags");
            assertThat(openTask(id, "reviewScoreFlags").get("assignee").asText()).isEqualTo("expert1");
            ResponseEntity<String> early = post("expert2", "/api/tenders/" + id + "/score-flags/review",
                    "{\"resolutions\":[]}");
            assertThat(early.getStatusCode()).as("the chair reviews").isEqualTo(HttpStatus.FORBIDDEN);
            StringBuilder resolutions = new StringBuilder();
            for (JsonNode flag : json(get("expert1", "/api/tenders/" + id + "/score-flags"))) {
                assertThat(flag.get("citation").asText()).isEqualTo("G1117 (五); O87 64");
                resolutions.append(resolutions.isEmpty() ? "" : ",").append("{\"flagId\":\"")
                        .append(flag.get("id").asText()).append("\",\"resolution\":\"招标人代表说明了理由，维持评分\"}");
            }
            ResponseEntity<String> review = post("expert1", "/api/tenders/" + id + "/score-flags/review",
                    "{\"resolutions\":[" + resolutions + "]}");
            assertThat(review.getStatusCode()).as(review.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
            runDueJobs();
            BpmnAwareTests.assertThat(evaluation).hasPassed("aggregate", "reviewScoreFlags", "scoresFlagged");
            assertThat(openTaskKeys(id)).containsOnly("signReport");
            signReport(id);
            assertThat(status(id)).isEqualTo("PUBLICITY");
        }

        @Test
        void a_committee_that_breaks_the_composition_rules_is_refused() {
            String id = biddingTender(gpGoods());
            bidAccepted(id, 1, "2400000.00", null, "LARGE");
            bidAccepted(id, 2, "2450000.00", null, "SMALL");
            bidAccepted(id, 3, "2361800.00", null, "MEDIUM");
            at("2026-12-21T09:30:00");
            ResponseEntity<String> four = post("clerk", "/api/tenders/" + id + "/committee", """
                    {"members":[{"name":"a","userId":"expert1","role":"EXPERT","chair":false},
                     {"name":"b","userId":"expert2","role":"EXPERT","chair":false},
                     {"name":"c","userId":"expert3","role":"EXPERT","chair":false},
                     {"name":"d","userId":"purchaser","role":"PURCHASER_REPRESENTATIVE","chair":true}]}""");
            assertThat(four.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(json(four).get("violations").findValuesAsText("rule"))
                    .contains("O87-47 a government-procurement committee is an odd number of at least five",
                            "O87-47 the purchaser's representative may not chair");
            assertThat(openTaskKeys(id)).contains("recordCommittee");
        }
    }

    @Nested
    class After_a_failure {

        String failed() {
            String id = biddingTender(works());
            bidAccepted(id, 1, "4800000.00", null, "LARGE");
            at("2026-12-21T09:30:00");
            assertThat(status(id)).isEqualTo("FAILED");
            return id;
        }

        /** The Tendering Law changes the method only after a second failure (TBL 28; TBR 44). */
        String failedTwice() {
            String id = failed();
            ResponseEntity<String> again = post("purchaser", "/api/tenders/" + id + "/after-failure",
                    "{\"nextStep\":\"RETENDER\",\"documentIssueDate\":\"2026-12-23\",\"bidDeadline\":\"2027-01-12\"}");
            assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
            at("2026-12-23T08:00:00");
            bidAccepted(id, 1, "4800000.00", null, "LARGE");
            at("2027-01-12T09:00:01");
            assertThat(status(id)).isEqualTo("FAILED");
            assertThat(tender(id).get("round").asInt()).isEqualTo(2);
            return id;
        }

        @Test
        void the_Tendering_Law_changes_the_method_only_after_tendering_again() {
            String id = failed();
            ResponseEntity<String> early = post("purchaser", "/api/tenders/" + id + "/after-failure",
                    "{\"nextStep\":\"METHOD_CHANGE\",\"procurementMethod\":\"INVITATION\",\"reason\":\"投标人少于3个\"}");
            assertThat(early.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(json(early).get("violations").get(0).get("citation").asText()).isEqualTo("TBL 28; TBR 44; O30 38");
            assertThat(openTaskKeys(id)).containsExactly("decideAfterFailure");
        }

        @Test
        void a_change_of_method_approved_ends_the_procedure() {
            String id = failedTwice();
            ProcessInstance instance = lifecycle(id);
            post("purchaser", "/api/tenders/" + id + "/after-failure",
                    "{\"nextStep\":\"METHOD_CHANGE\",\"procurementMethod\":\"INVITATION\",\"reason\":\"重新招标后投标人仍少于3个\"}");
            assertThat(openTask(id, "approveMethodChange").get("candidateGroups").toString())
                    .contains("project-approval-authority");
            assertThat(post("finance", "/api/tenders/" + id + "/method-change/decision", "{\"approved\":true}")
                    .getStatusCode()).as("not the approver under the Tendering Law").isEqualTo(HttpStatus.FORBIDDEN);
            post("approval", "/api/tenders/" + id + "/method-change/decision", "{\"approved\":true}");
            BpmnAwareTests.assertThat(instance).isEnded();
            assertThat(passed(id)).contains("changeMethod", "methodChanged");
            assertThat(status(id)).isEqualTo("METHOD_CHANGED");
        }

        @Test
        void a_change_of_method_refused_returns_to_the_purchaser() {
            String id = failedTwice();
            post("purchaser", "/api/tenders/" + id + "/after-failure",
                    "{\"nextStep\":\"METHOD_CHANGE\",\"procurementMethod\":\"SINGLE_SOURCE\",\"reason\":\"只有一家\"}");
            assertThat(post("approval", "/api/tenders/" + id + "/method-change/decision", "{\"approved\":false}")
                    .getStatusCode()).as("a refusal gives reasons").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            post("approval", "/api/tenders/" + id + "/method-change/decision",
                    "{\"approved\":false,\"comment\":\"应当重新招标\"}");
            assertThat(openTaskKeys(id)).containsExactly("decideAfterFailure");
            assertThat(status(id)).isEqualTo("FAILED");
        }
    }

    @Nested
    class Award {

        @Test
        void a_tenderer_not_bound_to_rank_one_chooses_among_the_candidates() {
            // private money, budget funds 20% of the investment: must tender, but not state-controlled (TBR 55 not)
            String id = biddingTender(works().with("stateControlled", false)
                    .with("budgetFunds", new BigDecimal("2000000.00")));
            ProcessInstance instance = lifecycle(id);
            evaluated(id);
            scoreAndSign(id);
            at("2026-12-25T00:00:00");
            assertThat(openTaskKeys(id)).containsExactly("chooseWinner");
            String second = bids(id).values().stream().filter(b -> b.get("candidateRank").asInt() == 2)
                    .findFirst().orElseThrow().get("id").asText();
            post("purchaser", "/api/tenders/" + id + "/award", "{\"winnerBidId\":\"" + second + "\"}");
            runDueJobs();
            assertThat(passed(id)).contains("startLawAward", "chooseWinner", "award")
                    .doesNotContain("startProcurementAward");
            assertThat(tender(id).get("winnerBidId").asText()).isEqualTo(second);
        }

        @Test
        void the_purchaser_determines_the_winner_in_time_but_not_outside_the_ranking_without_reasons() {
            String id = biddingTender(gpGoods());
            ProcessInstance instance = lifecycle(id);
            bidAccepted(id, 1, "2400000.00", null, "LARGE");
            bidAccepted(id, 2, "2450000.00", null, "LARGE");
            bidAccepted(id, 3, "2361800.00", null, "LARGE");
            at("2026-12-21T09:30:00");
            committee(id);
            review(id);
            scoreAll(id, Map.of("投标人1", 50, "投标人2", 55, "投标人3", 52));
            signReport(id);
            Map<String, JsonNode> bids = bids(id);
            String second = bids.values().stream().filter(b -> b.get("candidateRank").asInt() == 2).findFirst()
                    .orElseThrow().get("id").asText();
            assertThat(post("purchaser", "/api/tenders/" + id + "/award", "{\"winnerBidId\":\"" + second + "\"}")
                    .getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            post("purchaser", "/api/tenders/" + id + "/award",
                    "{\"winnerBidId\":\"" + second + "\",\"reason\":\"排名第一的供应商放弃中标\"}");
            runDueJobs();
            assertThat(passed(id)).contains("determineWinner", "award").doesNotContain("deemRankOne");
            assertThat(tender(id).get("winnerBidId").asText()).isEqualTo(second);
        }

        @Test
        void without_bonds_there_is_nothing_to_refund_and_a_late_contract_is_reported() {
            String id = biddingTender(xinyangGoods().with("estimatedAmount", new BigDecimal("2500000.00")));
            ProcessInstance instance = lifecycle(id);
            bidAccepted(id, 1, "2400000.00", null, "LARGE");
            bidAccepted(id, 2, "2450000.00", null, "SMALL");
            bidAccepted(id, 3, "2361800.00", null, "MEDIUM");
            at("2026-12-21T09:30:00");
            committee(id);
            review(id);
            scoreAll(id, Map.of("投标人1", 50, "投标人2", 55, "投标人3", 52));
            signReport(id);
            at("2026-12-29T00:00:01");
            assertThat(openTaskKeys(id)).containsExactly("signContract");
            JsonNode contract = deadline(id, "contract");
            assertThat(contract.get("citation").asText()).isEqualTo("GPL 46; O87 71");
            at(contract.get("dueAt").asText().substring(0, 19));
            assertThat(passed(id)).contains("contractOverdue", "overdueReported").doesNotContain("refundLosersBonds");
            assertThat(deadline(id, "contractOverdue").get("state").asText()).isEqualTo("MET");
            completeTask(id, "purchaser", "signContract");
            completeTask(id, "purchaser", "publishContract");
            completeTask(id, "purchaser", "fileContract");
            BpmnAwareTests.assertThat(instance).isEnded();
            assertThat(passed(id)).contains("archived").doesNotContain("refundBonds");
        }
    }

    @Nested
    class Objections_and_clarifications {

        @Test
        void an_objection_later_than_10_days_before_the_deadline_is_refused() {
            String id = biddingTender(works());
            at("2026-12-12T00:00:00");
            ResponseEntity<String> late = post("bidder", "/api/tenders/" + id + "/objections",
                    "{\"content\":\"评分标准不合理\"}");
            assertThat(late.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(json(late).get("violations").get(0).get("citation").asText()).isEqualTo("TBR 22");
            assertThat(status(id)).isEqualTo("BIDDING");
        }

        @Test
        void an_answer_that_amends_the_documents_moves_the_deadline_15_days_away() {
            String id = biddingTender(works());
            ProcessInstance instance = lifecycle(id);
            at("2026-12-10T10:00:00");
            JsonNode first = json(post("bidder", "/api/tenders/" + id + "/objections", "{\"content\":\"一\"}"));
            JsonNode second = json(post("bidder", "/api/tenders/" + id + "/objections", "{\"content\":\"二\"}"));
            assertThat(deadline(id, "objectionAnswer").get("lastDay").asText())
                    .as("3 days from Thursday the 10th end on Sunday, so on Monday").isEqualTo("2026-12-14");
            at("2026-12-11T10:00:00");
            post("purchaser", "/api/tenders/" + id + "/objections/" + first.get("id").asText() + "/answer",
                    "{\"answer\":\"修改招标文件\",\"amendsDocuments\":true}");
            assertThat(status(id)).as("one objection still pending").isEqualTo("SUSPENDED");
            post("purchaser", "/api/tenders/" + id + "/objections/" + second.get("id").asText() + "/answer",
                    "{\"answer\":\"不予采纳\"}");
            runDueJobs();
            assertThat(status(id)).isEqualTo("BIDDING");
            // 15 days from the 11th end on Saturday the 26th, so on Monday the 28th (TBR 21; CC 203)
            assertThat(deadline(id, "bidDeadline").get("dueAt").asText()).isEqualTo("2026-12-28T09:30:00+08:00");
            assertThat(passed(id)).contains("answerObjection", "resumeBidding");
        }

        @Test
        void a_clarification_in_time_leaves_the_deadline_and_a_later_one_may_be_asked_for() {
            String id = biddingTender(works());
            JsonNode early = json(post("purchaser", "/api/tenders/" + id + "/clarifications",
                    "{\"content\":\"更正联系人\",\"affectsPreparation\":true}"));
            assertThat(early.get("deadlineAfter").asText()).isEqualTo("2026-12-21T09:30:00+08:00");
            at("2026-12-12T10:00:00");
            ResponseEntity<String> tooEarly = post("purchaser", "/api/tenders/" + id + "/clarifications",
                    "{\"content\":\"修改技术参数\",\"affectsPreparation\":true,\"newBidDeadline\":\"2026-12-24T09:30:00+08:00\"}");
            assertThat(tooEarly.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(json(tooEarly).get("violations").get(0).get("limit").asText())
                    .as("15 days from the 12th end on Sunday the 27th, so on Monday (CC 203)")
                    .isEqualTo("2026-12-28T09:30:00+08:00");
            JsonNode later = json(post("purchaser", "/api/tenders/" + id + "/clarifications",
                    "{\"content\":\"修改技术参数\",\"affectsPreparation\":true,\"newBidDeadline\":\"2026-12-28T09:30:00+08:00\"}"));
            assertThat(later.get("deadlineAfter").asText()).isEqualTo("2026-12-28T09:30:00+08:00");
            assertThat(later.get("earliestLegalDeadline").asText()).isEqualTo("2026-12-28T09:30:00+08:00");
        }

        @Test
        void an_objection_during_publicity_suspends_it_and_lengthens_it() {
            String id = biddingTender(works());
            ProcessInstance instance = lifecycle(id);
            evaluated(id);
            scoreAndSign(id);
            String end = deadline(id, "publicity").get("dueAt").asText();
            assertThat(end).isEqualTo("2026-12-25T00:00:00+08:00");
            at("2026-12-22T10:00:00");
            JsonNode objection = json(post("bidder", "/api/tenders/" + id + "/objections",
                    "{\"content\":\"第一名业绩造假\"}"));
            assertThat(objection.get("stage").asText()).isEqualTo("RESULT");
            at("2026-12-23T10:00:00");
            post("purchaser", "/api/tenders/" + id + "/objections/" + objection.get("id").asText() + "/answer",
                    "{\"answer\":\"经核查，业绩真实\"}");
            runDueJobs();
            assertThat(status(id)).isEqualTo("PUBLICITY");
            assertThat(deadline(id, "publicity").get("dueAt").asText()).isEqualTo("2026-12-26T00:00:00+08:00");
            assertThat(passed(id)).contains("answerPublicityObjection", "resumePublicity");
        }
    }

    @Nested
    class Termination {

        @Test
        void terminated_with_bonds_held_refunds_them() {
            String id = biddingTender(works().with("bidBondAmount", new BigDecimal("50000.00")));
            ProcessInstance instance = lifecycle(id);
            bidAccepted(id, 1, "4800000.00", "50000.00 E_GUARANTEE", "LARGE");
            post("purchaser", "/api/tenders/" + id + "/termination", "{\"reason\":\"项目取消\"}");
            assertThat(status(id)).isEqualTo("TERMINATED");
            assertThat(deadline(id, "terminationRefund").get("citation").asText()).isEqualTo("TBR 31");
            completeTask(id, "finance", "refundAfterTermination");
            BpmnAwareTests.assertThat(instance).isEnded();
            assertThat(passed(id)).contains("terminate", "refundAfterTermination", "terminatedEnd");
        }

        @Test
        void terminated_without_bonds_simply_ends_and_cannot_be_terminated_twice() {
            String id = biddingTender(works());
            ProcessInstance instance = lifecycle(id);
            var running = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id);
            assertThat(running.processDefinitionKey("tender-bidding").count()).as("bidding, a stage of its own")
                    .isOne();
            post("purchaser", "/api/tenders/" + id + "/termination", "{\"reason\":\"项目取消\"}");
            BpmnAwareTests.assertThat(instance).isEnded();
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id).count())
                    .as("the termination ends the stage running with the whole tender").isZero();
            assertThat(passed(id)).contains("terminatedEnd").doesNotContain("refundAfterTermination");
            assertThat(post("purchaser", "/api/tenders/" + id + "/termination", "{\"reason\":\"再次\"}")
                    .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        }
    }
}

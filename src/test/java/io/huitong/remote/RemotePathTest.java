package io.huitong.remote;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.support.RemoteTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Every branch of {@code remote-evaluation.bpmn} the scenario does not take: partners refusing, not answering, not
 * enough of them; too few experts to draw; link failures before the start (back in time, the tenderer going on or
 * postponing) and during the evaluation (back within the second threshold, or not); members replaced before and
 * during the evaluation, and a replacement that cannot be found; the committee's review outcomes.
 */
class RemotePathTest extends RemoteTest {

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    ProcessInstance remoteInstance(String tenderId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(tenderId)
                .processDefinitionKey(RemoteProcess.KEY).singleResult();
    }

    /**
     * The committee's work: remote-evaluation calls local-evaluation (call activity committeeWork); the latest
     * such instance of the tender, running or ended.
     */
    String committeeInstance(String tenderId) {
        List<org.camunda.bpm.engine.history.HistoricProcessInstance> called = engine.getHistoryService()
                .createHistoricProcessInstanceQuery().processInstanceBusinessKey(tenderId)
                .processDefinitionKey("local-evaluation").orderByProcessInstanceStartTime().desc().list();
        assertThat(called).as("local-evaluation called for " + tenderId).isNotEmpty();
        assertThat(called.get(0).getSuperProcessInstanceId()).as("called by the remote evaluation")
                .isEqualTo(engine.getHistoryService().createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(tenderId).processDefinitionKey(RemoteProcess.KEY)
                        .orderByProcessInstanceStartTime().desc().list().get(0).getId());
        return called.get(0).getId();
    }

    /** The activities the committee's work (local-evaluation, called by the remote evaluation) has passed. */
    List<String> committeePassed(String tenderId) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(committeeInstance(tenderId)).finished().list().stream()
                .map(org.camunda.bpm.engine.history.HistoricActivityInstance::getActivityId).toList();
    }

    JsonNode partner(String evaluationId, String centre) {
        for (JsonNode p : view("clerk", evaluationId).get("partners")) {
            if (p.get("centre").asText().equals(centre)) {
                return p;
            }
        }
        throw new AssertionError("no partner " + centre);
    }

    List<String> seatStatuses(String evaluationId) {
        List<String> statuses = new ArrayList<>();
        view("clerk", evaluationId).get("seats").forEach(s -> statuses.add(s.get("status").asText()));
        return statuses;
    }

    Set<String> seatUsers(String evaluationId) {
        Set<String> users = new HashSet<>();
        drawnExperts(evaluationId).keySet().forEach(users::add);
        view("clerk", evaluationId).get("seats").forEach(s -> {
            if (!s.get("userId").isNull()) {
                users.add(s.get("userId").asText());
            }
        });
        return users;
    }

    /** Drawn, prepared, every member signed in: the evaluation has started. */
    String started(String tenderId) {
        String id = drawn(tenderId);
        prepareAll(id);
        signInAll(id);
        assertThat(view("clerk", id).get("status").asText()).isEqualTo("EVALUATING");
        return id;
    }

    @Nested
    class Partners {

        @Test
        void a_refusal_goes_to_the_next_partner_and_needs_reasons() {
            String tenderId = remoteTender();
            String id = evaluationOf(tenderId);
            planned(id);
            ResponseEntity<String> bare = answer("LY", id, false, " ");
            assertThat(bare.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(answer("LY", id, false, "本周评标室已排满").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            runDueJobs();
            assertThat(partner(id, "LY").get("status").asText()).isEqualTo("REFUSED");
            assertThat(partner(id, "NY").get("status").asText()).isEqualTo("REQUESTED");
            accepts("NY", id);
            accepts("XY", id);
            BpmnAwareTests.assertThat(remoteInstance(tenderId)).hasPassed("partnersFound").isWaitingAt("drawDay");
        }

        @Test
        void no_answer_in_time_counts_as_a_refusal() {
            String tenderId = remoteTender();
            String id = evaluationOf(tenderId);
            planned(id);
            assertThat(partner(id, "LY").get("answerDue").asText()).isEqualTo("2026-12-22T09:30:00+08:00");
            at("2026-12-22T09:29:59");
            assertThat(partner(id, "LY").get("status").asText()).isEqualTo("REQUESTED");
            at("2026-12-22T09:30:00");
            assertThat(partner(id, "LY").get("status").asText()).isEqualTo("TIMED_OUT");
            assertThat(answer("LY", id, true, null).getStatusCode()).as("too late").isEqualTo(HttpStatus.CONFLICT);
            BpmnAwareTests.assertThat(remoteInstance(tenderId)).hasPassed("answerTimeout", "recordTimeout");
            assertThat(partner(id, "NY").get("status").asText()).isEqualTo("REQUESTED");
        }

        @Test
        void when_too_few_accept_the_main_centre_asks_more() {
            String tenderId = remoteTender();
            String id = evaluationOf(tenderId);
            ResponseEntity<String> plan = plan(id, 5, "\"LY\"");
            assertThat(plan.getStatusCode()).as(plan.getBody()).isEqualTo(HttpStatus.OK);
            answer("LY", id, false, "专家不足");
            runDueJobs();
            assertThat(openTaskKeys(tenderId)).containsExactly("addPartners");
            assertThat(post("clerk", "/api/remote-evaluations/" + id + "/partners", "{\"centres\":[\"LY\"]}")
                    .getStatusCode()).as("asked already").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(post("lyclerk", "/api/remote-evaluations/" + id + "/partners", "{\"centres\":[\"NY\"]}")
                    .getStatusCode()).as("only the main centre").isEqualTo(HttpStatus.FORBIDDEN);
            ResponseEntity<String> more = post("clerk", "/api/remote-evaluations/" + id + "/partners",
                    "{\"centres\":[\"NY\",\"XY\"]}");
            assertThat(more.getStatusCode()).as(more.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
            runDueJobs();
            accepts("NY", id);
            accepts("XY", id);
            BpmnAwareTests.assertThat(remoteInstance(tenderId)).hasPassed("addPartners");
        }
    }

    @Nested
    class Draw {

        @Test
        void too_few_eligible_experts_stop_the_draw_until_the_pool_is_widened() {
            Map<String, String> pool = expertIds();
            // this test's day is 24 December: the absences touch no other test's draw
            for (String user : List.of("lyexpert1", "lyexpert2", "lyexpert3")) {
                ResponseEntity<String> absent = post(user, "/api/experts/" + pool.get(user) + "/absences",
                        "{\"from\":\"2026-12-24\",\"to\":\"2026-12-24\",\"reason\":\"出差\"}");
                assertThat(absent.getStatusCode()).as(absent.getBody()).isEqualTo(HttpStatus.CREATED);
            }
            assertThat(post("lyexpert4", "/api/experts/" + pool.get("lyexpert1") + "/absences",
                    "{\"from\":\"2026-12-24\",\"to\":\"2026-12-24\"}").getStatusCode()).as("only one's own")
                    .isEqualTo(HttpStatus.FORBIDDEN);
            String tenderId = remoteTender();
            String id = evaluationOf(tenderId);
            planned(id, "2026-12-24T09:00:00+08:00");
            accepts("LY", id);
            accepts("NY", id);
            at("2026-12-23T09:00:00");
            assertThat(openTaskKeys(tenderId)).containsExactly("widenPool");
            assertThat(view("clerk", id).get("seats")).isEmpty();

            // the pool's keepers add an expert of Luoyang; the main centre draws again
            addExpert("lyexpert8", "410302198803030088", "LY");
            ResponseEntity<String> again = post("clerk", "/api/remote-evaluations/" + id + "/draw", null);
            assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
            runDueJobs();
            BpmnAwareTests.assertThat(remoteInstance(tenderId)).hasPassed("poolExhaustedAtDraw", "widenPool", "drawCommittee");
            assertThat(seatStatuses(id)).hasSize(5).containsOnly("DRAWN");
            assertThat(drawnExperts(id)).containsKeys("lyexpert4", "lyexpert8");
        }
    }

    @Nested
    class Link_failures_before_the_start {

        @Test
        void a_link_back_in_time_unlocks_the_venues() {
            String tenderId = remoteTender();
            String id = drawn(tenderId);
            prepare("ZZ", id, view("clerk", id).get("mainVenueId").asText());
            String failure = linkDown("LY", id, partnerVenue(id, "LY"));
            assertThat(view("clerk", id).get("status").asText()).isEqualTo("LOCKED");
            assertThat(openTaskKeys(tenderId)).as("nothing goes on while locked").isEmpty();
            assertThat(post("lyclerk", "/api/remote-evaluations/" + id + "/link-failures",
                    "{\"venueId\":\"" + partnerVenue(id, "LY") + "\"}").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            linkBack("LY", id, failure);
            assertThat(view("clerk", id).get("status").asText()).isEqualTo("PREPARING");
            assertThat(openTaskKeys(tenderId)).as("the main venue stays prepared")
                    .containsExactlyInAnyOrder("prepareVenue", "prepareVenue");
            BpmnAwareTests.assertThat(remoteInstance(tenderId)).hasPassed("linkDownBeforeStart", "lockBeforeStart", "linkBackBeforeStart", "unlockBeforeStart");
            assertThat(view("lyclerk", id).get("linkFailures").get(0).get("outcome").asText()).isEqualTo("RESTORED");
        }

        @Test
        void two_hours_past_the_start_the_tenderer_decides_to_go_on() {
            String tenderId = remoteTender();
            String id = drawn(tenderId);
            at("2026-12-22T10:00:00");
            linkDown("NY", id, partnerVenue(id, "NY"));
            at("2026-12-23T10:59:59");
            assertThat(openTaskKeys(tenderId)).isEmpty();
            at("2026-12-23T11:00:00");
            assertThat(openTaskKeys(tenderId)).containsExactly("tendererLinkDecision");
            assertThat(post("clerk", "/api/remote-evaluations/" + id + "/link-decision", "{\"goOn\":true}")
                    .getStatusCode()).as("centres witness, the tenderer decides (K9)").isEqualTo(HttpStatus.FORBIDDEN);
            createUser("purchaser2", "purchaser");
            assertThat(post("purchaser2", "/api/remote-evaluations/" + id + "/link-decision", "{\"goOn\":false,"
                    + "\"reason\":\"x\"}").getStatusCode()).as("another tender's purchaser").isEqualTo(HttpStatus.FORBIDDEN);
            String decisionTask = openTask(tenderId, "tendererLinkDecision").get("taskId").asText();
            assertThat(post("purchaser2", "/engine-rest/task/" + decisionTask + "/complete",
                    "{\"variables\":{\"goOn\":{\"value\":false,\"type\":\"Boolean\"},\"reason\":{\"value\":\"x\"}}}")
                    .getStatusCode().is2xxSuccessful()).as("nor through the engine").isFalse();
            ResponseEntity<String> goOn = post("purchaser", "/api/remote-evaluations/" + id + "/link-decision",
                    "{\"goOn\":true}");
            assertThat(goOn.getStatusCode()).as(goOn.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
            runDueJobs();
            BpmnAwareTests.assertThat(remoteInstance(tenderId)).hasPassed("firstThreshold", "unlockGoOn");
            assertThat(view("clerk", id).get("status").asText()).isEqualTo("PREPARING");
            assertThat(openTaskKeys(tenderId)).contains("prepareVenue");
        }

        @Test
        void a_postponement_seals_the_materials_and_a_new_committee_is_drawn() {
            String tenderId = remoteTender();
            String id = drawn(tenderId);
            Set<String> first = seatUsers(id);
            String failure = linkDown("LY", id, partnerVenue(id, "LY"));
            at("2026-12-23T11:00:00");
            ResponseEntity<String> bare = post("purchaser", "/api/remote-evaluations/" + id + "/link-decision",
                    "{\"goOn\":false}");
            assertThat(bare.getStatusCode()).as("a postponement gives reasons").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            post("purchaser", "/api/remote-evaluations/" + id + "/link-decision",
                    "{\"goOn\":false,\"reason\":\"洛阳副场网络无法修复\"}");
            runDueJobs();
            JsonNode postponed = view("clerk", id);
            assertThat(postponed.get("status").asText()).isEqualTo("POSTPONED");
            assertThat(seatStatuses(id)).containsOnly("DISMISSED");
            assertThat(postponed.get("linkFailures").get(0).get("sealedAt").isNull()).isFalse();
            assertThat(postponed.get("linkFailures").get(0).get("decision").asText()).isEqualTo("POSTPONE");
            assertThat(openTaskKeys(tenderId)).containsExactly("reschedule");

            assertThat(post("clerk", "/api/remote-evaluations/" + id + "/schedule",
                    "{\"scheduledStart\":\"2026-12-29T09:00:00+08:00\"}").getStatusCode())
                    .as("the tenderer may delay (J9), not the centre").isEqualTo(HttpStatus.FORBIDDEN);
            ResponseEntity<String> past = post("purchaser", "/api/remote-evaluations/" + id + "/schedule",
                    "{\"scheduledStart\":\"2026-12-20T09:00:00+08:00\"}");
            assertThat(past.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            ResponseEntity<String> later = post("purchaser", "/api/remote-evaluations/" + id + "/schedule",
                    "{\"scheduledStart\":\"2026-12-29T09:00:00+08:00\"}");
            assertThat(later.getStatusCode()).as(later.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
            at("2026-12-28T09:00:00");
            BpmnAwareTests.assertThat(remoteInstance(tenderId)).hasPassed("tendererLinkDecision", "postponeBeforeStart", "reschedule");
            Set<String> second = new HashSet<>(drawnExperts(id).keySet());
            assertThat(second).as("a new committee").hasSize(4).doesNotContainAnyElementsOf(first);
            assertThat(view("supervisor", id).get("draws")).hasSize(2);
            assertThat(view("lyclerk", id).get("linkFailures").get(0).get("id").asText()).isEqualTo(failure);
        }
    }

    @Nested
    class Link_failures_during_the_evaluation {

        @Test
        void back_within_four_hours_the_evaluation_resumes_with_its_scores() {
            String tenderId = remoteTender();
            String id = started(tenderId);
            reviewed(tenderId);
            List<String> members = members(tenderId);
            scoredBy(tenderId, members.subList(0, 2));
            at("2026-12-23T10:00:00");
            String failure = linkDown("NY", id, partnerVenue(id, "NY"));
            assertThat(openTaskKeys(tenderId)).isEmpty();
            at("2026-12-23T13:59:59");
            linkBack("NY", id, failure);
            BpmnAwareTests.assertThat(remoteInstance(tenderId)).hasPassed("linkDownDuring", "lockDuring", "linkBackDuring", "unlockDuring");
            assertThat(openTaskKeys(tenderId)).as("only those yet to score").hasSize(members.size() - 2)
                    .containsOnly("scoreBids");
            assertThat(committeePassed(tenderId)).as("the committee resumes without a second review")
                    .contains("startAt").doesNotContain("reviewQualifications");
            scoredBy(tenderId, members.subList(2, members.size()));
            signedBy(tenderId, members);
            confirmed(id);
            assertThat(status(tenderId)).isEqualTo("PUBLICITY");
        }

        @Test
        void not_back_in_four_hours_the_evaluation_is_postponed_and_its_scores_are_void() {
            String tenderId = remoteTender();
            String id = started(tenderId);
            reviewed(tenderId);
            List<String> first = members(tenderId);
            scoredBy(tenderId, first);
            at("2026-12-23T10:00:00");
            linkDown("LY", id, partnerVenue(id, "LY"));
            at("2026-12-23T14:00:00");
            BpmnAwareTests.assertThat(remoteInstance(tenderId)).hasPassed("secondThreshold", "postponeDuring");
            assertThat(seatStatuses(id)).containsOnly("DISMISSED");
            assertThat(members(tenderId)).as("nobody sits").isEmpty();
            assertThat(json(get("clerk", "/api/tenders/" + tenderId + "/bids"))).allSatisfy(b ->
                    assertThat(b.get("technicalScore").isNull()).as("scores void").isTrue());
            ResponseEntity<String> rescheduled = post("purchaser", "/api/remote-evaluations/" + id + "/schedule",
                    "{\"scheduledStart\":\"2026-12-30T09:00:00+08:00\"}");
            assertThat(rescheduled.getStatusCode()).as(rescheduled.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
            at("2026-12-29T09:00:00");
            prepareAll(id);
            signInAll(id);
            List<String> second = members(tenderId);
            assertThat(second).doesNotContainAnyElementsOf(first.stream().filter(u -> !u.equals("purchaser")).toList());
            BpmnAwareTests.assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceId(committeeInstance(tenderId)).singleResult()).isWaitingAt("reviewQualifications");
        }
    }

    @Nested
    class Replacements {

        @Test
        void an_expert_who_declares_a_conflict_before_the_start_is_replaced_by_a_new_draw() {
            String tenderId = remoteTender();
            String id = drawn(tenderId);
            Map<String, String> drawn = drawnExperts(id);
            String leaving = drawn.entrySet().stream().filter(e -> e.getValue().equals("LY")).findFirst().orElseThrow()
                    .getKey();
            String seat = null;
            for (JsonNode a : json(get(leaving, "/api/my/expert-assignments"))) {
                if (a.get("evaluationId").asText().equals(id)) {
                    seat = a.get("seatId").asText();
                }
            }
            assertThat(post("nyclerk", "/api/remote-evaluations/" + id + "/seats/" + seat + "/replacement",
                    "{\"reason\":\"ILLNESS\",\"detail\":\"x\"}").getStatusCode()).as("another centre's seat")
                    .isEqualTo(HttpStatus.FORBIDDEN);
            ResponseEntity<String> declared = post(leaving, "/api/remote-evaluations/" + id + "/seats/" + seat
                    + "/replacement", "{\"reason\":\"CONFLICT\",\"detail\":\"与投标人2的项目经理为近亲属\"}");
            assertThat(declared.getStatusCode()).as(declared.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
            runDueJobs();
            BpmnAwareTests.assertThat(remoteInstance(tenderId)).hasPassed("replacedBeforeStart", "replaceMember");
            Map<String, String> now = drawnExperts(id);
            assertThat(now).doesNotContainKey(leaving).hasSize(4);
            assertThat(seatStatuses(id)).contains("REPLACED");
            assertThat(view("supervisor", id).get("draws")).hasSize(2);
            prepareAll(id);
            signInAll(id);
            assertThat(members(tenderId)).doesNotContain(leaving).hasSize(5);
        }

        @Test
        void a_member_who_falls_ill_during_the_evaluation_is_replaced_and_its_scores_are_void() {
            String tenderId = remoteTender();
            String id = started(tenderId);
            reviewed(tenderId);
            List<String> members = members(tenderId);
            scoredBy(tenderId, members);
            String ill = members.stream().filter(u -> u.startsWith("ly")).findFirst().orElseThrow();
            String illMember = memberId(tenderId, ill);
            String seat = seatOf(id, ill);
            ResponseEntity<String> reported = post("lyclerk", "/api/remote-evaluations/" + id + "/seats/" + seat
                    + "/replacement", "{\"reason\":\"ILLNESS\",\"detail\":\"突发疾病送医\"}");
            assertThat(reported.getStatusCode()).as(reported.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
            runDueJobs();
            assertThat(openTaskKeys(tenderId)).containsExactly("signInReplacement");
            signInAll(id);
            BpmnAwareTests.assertThat(remoteInstance(tenderId)).hasPassed("replacedDuring", "signInReplacement");
            List<String> now = members(tenderId);
            String replacement = now.stream().filter(u -> !members.contains(u)).findFirst().orElseThrow();
            assertThat(now).doesNotContain(ill);
            assertThat(openTaskKeys(tenderId)).as("the committee as it now sits reviews again (TBR 48)")
                    .containsExactly("reviewQualifications");
            reviewed(tenderId);
            assertThat(openTaskKeys(tenderId)).as("only the replacement scores").containsExactly("scoreBids");
            assertThat(openTask(tenderId, "scoreBids").get("assignee").asText()).isEqualTo(replacement);
            scoredBy(tenderId, List.of(replacement));
            String replacementMember = memberId(tenderId, replacement);
            JsonNode ranking = json(get("supervisor", "/api/tenders/" + tenderId + "/decisions")).findParents("kind")
                    .stream().filter(d -> d.get("kind").asText().equals("EVALUATION")
                            && d.get("inputs").get("technicalScores").toString().contains(replacementMember))
                    .findFirst().orElseThrow();
            List<String> counted = new ArrayList<>();
            ranking.get("inputs").get("technicalScores").forEach(bid -> bid.fieldNames().forEachRemaining(counted::add));
            assertThat(counted).as("the replacement's scores count, the ill member's are void")
                    .hasSize(3 * 5).doesNotContain(illMember);
            signedBy(tenderId, now);
            confirmed(id);
            assertThat(status(tenderId)).isEqualTo("PUBLICITY");
        }

        @Test
        void a_committee_that_cannot_be_completed_is_re_formed() {
            String tenderId = remoteTender();
            String id = drawn(tenderId, "2026-12-25T09:00:00+08:00");
            prepareAll(id);
            signInAll(id);
            List<String> members = members(tenderId);
            // every other expert of Luoyang's pool is away on the day (25 December: no other test's day)
            for (JsonNode x : json(get("supervisor", "/api/experts"))) {
                if (x.get("centreCode").asText().equals("LY") && !members.contains(x.get("userId").asText())) {
                    post("supervisor", "/api/experts/" + x.get("id").asText() + "/absences",
                            "{\"from\":\"2026-12-25\",\"to\":\"2026-12-25\",\"reason\":\"外出\"}");
                }
            }
            String ill = members.stream().filter(u -> u.startsWith("ly")).findFirst().orElseThrow();
            post("lyclerk", "/api/remote-evaluations/" + id + "/seats/" + seatOf(id, ill) + "/replacement",
                    "{\"reason\":\"ABSENCE\",\"detail\":\"未能到场\"}");
            runDueJobs();
            BpmnAwareTests.assertThat(remoteInstance(tenderId)).hasPassed("replacementExhausted", "postponeUnfilled");
            assertThat(openTaskKeys(tenderId)).containsExactly("reschedule");
            assertThat(seatStatuses(id)).doesNotContain("SIGNED_IN", "DRAWN");
        }
    }

    @Nested
    class The_committees_review {

        @Test
        void fewer_than_three_qualified_under_the_Tendering_Law_the_committee_may_reject_all() {
            String tenderId = remoteTender();
            String id = started(tenderId);
            rejectOne(tenderId);
            String chair = chairOf(tenderId);
            ResponseEntity<String> all = post(chair, "/api/tenders/" + tenderId + "/review/reject-all",
                    "{\"rejectAll\":true,\"reason\":\"有效投标不足3个，明显缺乏竞争\"}");
            assertThat(all.getStatusCode()).as(all.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
            runDueJobs();
            confirmed(id);
            BpmnAwareTests.assertThat(remoteInstance(tenderId)).isNull();
            assertThat(status(tenderId)).isEqualTo("FAILED");
            assertThat(tender(tenderId).get("outcomeReason").asText()).contains("R12 27");
        }

        @Test
        void or_go_on_with_the_two_left() {
            String tenderId = remoteTender();
            String id = started(tenderId);
            ProcessInstance instance = remoteInstance(tenderId);
            rejectOne(tenderId);
            post(chairOf(tenderId), "/api/tenders/" + tenderId + "/review/reject-all", "{\"rejectAll\":false}");
            runDueJobs();
            List<String> members = members(tenderId);
            scoredBy(tenderId, members);
            signedBy(tenderId, members);
            BpmnAwareTests.assertThat(instance).hasPassed("committeeWork", "reviewRecorded", "markReviewed");
            assertThat(committeePassed(tenderId)).contains("decideRejectAll", "reviewDone");
            confirmed(id);
            assertThat(status(tenderId)).isEqualTo("PUBLICITY");
        }

        @Test
        void a_score_far_from_the_others_is_reviewed_before_the_report() {
            String tenderId = remoteTender();
            String id = started(tenderId);
            ProcessInstance instance = remoteInstance(tenderId);
            reviewed(tenderId);
            List<String> members = members(tenderId);
            scoredBy(tenderId, members.subList(1, members.size()));
            Map<String, JsonNode> bids = bids(tenderId);
            String odd = members.get(0);
            String scores = "{\"scores\":{" + String.join(",", bids.values().stream()
                    .map(b -> "\"" + b.get("id").asText() + "\":10").toList()) + "}}";
            assertThat(post(odd, "/api/tenders/" + tenderId + "/scores", scores).getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
            runDueJobs();
            assertThat(openTaskKeys(tenderId)).containsExactly("reviewScoreFlags");
            JsonNode flags = json(get(chairOf(tenderId), "/api/tenders/" + tenderId + "/score-flags"));
            assertThat(flags).hasSize(3).allSatisfy(f -> assertThat(f.get("kind").asText()).isEqualTo("OUTLIER"));

            // the member corrects one score; the chair resolves the other two in writing
            String corrected = bids.values().iterator().next().get("id").asText();
            ResponseEntity<String> correction = post(odd, "/api/tenders/" + tenderId + "/scores/correction",
                    "{\"scores\":{\"" + corrected + "\":48},\"reason\":\"误将分项得分录为总分\"}");
            assertThat(correction.getStatusCode()).as(correction.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
            JsonNode left = json(get(chairOf(tenderId), "/api/tenders/" + tenderId + "/score-flags"));
            assertThat(left).as("the corrected score is in line now").hasSize(2)
                    .noneMatch(f -> f.get("bidId").asText().equals(corrected));
            List<String> resolutions = new ArrayList<>();
            left.forEach(f -> resolutions.add("{\"flagId\":\"" + f.get("id").asText()
                    + "\",\"resolution\":\"经复核，评分依据充分\"}"));
            ResponseEntity<String> incomplete = post(chairOf(tenderId), "/api/tenders/" + tenderId
                    + "/score-flags/review", "{\"resolutions\":[" + resolutions.get(0) + "]}");
            assertThat(incomplete.getStatusCode()).as("every flag resolved").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            ResponseEntity<String> review = post(chairOf(tenderId), "/api/tenders/" + tenderId + "/score-flags/review",
                    "{\"resolutions\":[" + String.join(",", resolutions) + "]}");
            assertThat(review.getStatusCode()).as(review.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
            runDueJobs();
            assertThat(committeePassed(tenderId)).contains("reviewScoreFlags");
            BpmnAwareTests.assertThat(instance).isNotEnded();
            assertThat(openTaskKeys(tenderId)).containsOnly("signReport");
            assertThat(decisionKinds(tenderId)).contains("SCORE_CORRECTION");
        }

        void rejectOne(String tenderId) {
            String bid = bids(tenderId).get("投标人1").get("id").asText();
            ResponseEntity<String> review = post(chairOf(tenderId), "/api/tenders/" + tenderId + "/review",
                    "{\"rejections\":[{\"bidId\":\"" + bid + "\",\"reason\":\"投标报价高于最高投标限价\",\"citation\":\"TBR 51(五)\"}]}");
            assertThat(review.getStatusCode()).as(review.getBody()).isEqualTo(HttpStatus.OK);
            runDueJobs();
        }
    }

    @Nested
    class Government_procurement {

        @Test
        void a_centre_may_send_a_project_remote_and_fewer_than_three_qualified_end_it() {
            String tenderId = registerAndApprove(works().with("regime", "GOVERNMENT_PROCUREMENT")
                    .with("category", "GOODS").with("estimatedAmount", new BigDecimal("2500000.00"))
                    .with("stateControlled", false));
            assertThat(post("bidder", "/api/tenders/" + tenderId + "/evaluation-venue", "{\"remote\":true}")
                    .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            ResponseEntity<String> chosen = post("clerk", "/api/tenders/" + tenderId + "/evaluation-venue",
                    "{\"remote\":true,\"reason\":\"打破本地专家小圈子 (J1)\"}");
            assertThat(chosen.getStatusCode()).as(chosen.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
            at("2026-12-01T08:00:00");
            bidAccepted(tenderId, 1, "2400000.00", null, "LARGE");
            bidAccepted(tenderId, 2, "2450000.00", null, "SMALL");
            bidAccepted(tenderId, 3, "2361800.00", null, "MEDIUM");
            at("2026-12-21T09:30:00");
            String id = evaluationOf(tenderId);
            String body = """
                    {"speciality":"房屋建筑工程","committeeSize":5,"scheduledStart":"%s","mainVenueId":"%s",
                     "representatives":["purchaser"]%s}""";
            // the plan may name the purchaser's organisation; without it the registration's stands (O87 47)
            ResponseEntity<String> plan = post("purchaser", "/api/remote-evaluations/" + id + "/plan",
                    body.formatted(START, venue("ZZ"), ",\"purchaserId\":\"" + bidderId(90) + "\""));
            assertThat(plan.getStatusCode()).as(plan.getBody()).isEqualTo(HttpStatus.OK);
            accepts("LY", id);
            accepts("NY", id);
            at("2026-12-22T09:00:00");
            prepareAll(id);
            signInAll(id);
            The_committees_review review = new The_committees_review();
            review.rejectOne(tenderId);
            assertThat(committeePassed(tenderId)).contains("insufficient").doesNotContain("reviewDone");
            confirmed(id);
            assertThat(status(tenderId)).isEqualTo("FAILED");
        }

        @Test
        void started_on_its_own_it_needs_a_tender_whose_bids_are_opened() {
            String tenderId = registerAndApprove(works());
            at("2026-12-01T08:00:00");
            ResponseEntity<String> started = post("demo", "/engine-rest/process-definition/key/remote-evaluation/start",
                    "{\"businessKey\":\"" + tenderId + "\",\"variables\":{\"tenderId\":{\"value\":\"" + tenderId
                            + "\",\"type\":\"String\"}}}");
            assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(json(started).get("detail").asText()).contains("招标中");
            assertThat(status(tenderId)).isEqualTo("BIDDING");
        }

        @Test
        void a_project_the_policy_sends_remote_stays_remote() {
            String tenderId = registerAndApprove(works().with("estimatedAmount", new BigDecimal("50000000.00"))
                    .with("budgetFunds", new BigDecimal("50000000.00"))
                    .with("totalInvestment", new BigDecimal("100000000.00")));
            ResponseEntity<String> local = post("clerk", "/api/tenders/" + tenderId + "/evaluation-venue",
                    "{\"remote\":false}");
            assertThat(local.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(json(local).get("violations").get(0).get("citation").asText()).contains("J2");
        }
    }

    String memberId(String tenderId, String user) {
        for (JsonNode m : json(get("clerk", "/api/tenders/" + tenderId + "/committee"))) {
            if (m.get("userId").asText().equals(user)) {
                return m.get("id").asText();
            }
        }
        throw new AssertionError("no member " + user);
    }

    String seatOf(String evaluationId, String user) {
        for (JsonNode s : view("clerk", evaluationId).get("seats")) {
            if (user.equals(s.get("userId").asText()) && s.get("status").asText().equals("SIGNED_IN")) {
                return s.get("id").asText();
            }
        }
        throw new AssertionError("no seat of " + user);
    }

    Map<String, String> expertIds() {
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        json(get("supervisor", "/api/experts")).forEach(x -> ids.put(x.get("userId").asText(), x.get("id").asText()));
        return ids;
    }

    /** A user made by the administrator through Camunda's REST API, in one group (password = user name). */
    void createUser(String user, String group) {
        if (json(get("demo", "/engine-rest/user?id=" + user)).isEmpty()) {
            ResponseEntity<String> created = post("demo", "/engine-rest/user/create", """
                    {"profile":{"id":"%s","firstName":"%s","lastName":"(demo)"},"credentials":{"password":"%s"}}"""
                    .formatted(user, user, user));
            assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
            exchange("demo", HttpMethod.PUT, "/engine-rest/group/" + group + "/members/" + user, null);
        }
    }

    void addExpert(String user, String idNo, String centre) {
        createUser(user, "evaluation-expert");
        ResponseEntity<String> added = post("supervisor", "/api/experts", """
                {"userId":"%s","name":"新入库专家","idNo":"%s","centreCode":"%s","regionCode":"410300",
                 "yearsInField":10,"seniorTitle":true,"specialities":["房屋建筑工程"]}""".formatted(user, idNo, centre));
        assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(HttpStatus.CREATED);
    }
}

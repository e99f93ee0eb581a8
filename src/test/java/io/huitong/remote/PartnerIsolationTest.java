package io.huitong.remote;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.support.RemoteTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Centre B (Luoyang) cannot see or complete centre C's (Nanyang) steps through any door: Huitong's API, its partner
 * API, Camunda's REST API (tasks, variables, instances, history, messages) — which Tasklist uses too. Every refused
 * attempt to act is in the audit log.
 */
class PartnerIsolationTest extends RemoteTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void centre_B_cannot_see_or_complete_centre_Cs_steps_through_any_door() {
        long auditedBefore = jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single();
        String tenderId = remoteTender();
        String id = evaluationOf(tenderId);
        planned(id);
        accepts("LY", id);
        // NY's request is open now: B tries to see and answer it
        String nyTask = json(get("nyclerk", "/engine-rest/task?candidateGroup=centre-ny&processInstanceBusinessKey="
                + tenderId)).get(0).get("id").asText();

        // Huitong's API
        assertThat(post("lyclerk", "/api/remote-evaluations/" + id + "/requests/NY/answer",
                "{\"accept\":false,\"reason\":\"x\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(stepsOf("lysystem", tenderId)).as("LY has nothing open").isEmpty();
        assertThat(stepsOf("nyclerk", tenderId)).singleElement()
                .satisfies(s -> assertThat(s.get("centre").asText()).isEqualTo("NY"));
        JsonNode lyView = view("lyclerk", id);
        assertThat(lyView.get("yourRole").asText()).isEqualTo("PARTNER");
        assertThat(lyView.get("partners").findValuesAsText("centre")).containsExactly("LY");
        assertThat(get("xyclerk", "/api/remote-evaluations/" + id).getStatusCode())
                .as("XY has not been asked: nothing to see").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("bidder", "/api/remote-evaluations/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json(get("bidder", "/api/remote-evaluations"))).isEmpty();

        // Camunda's REST API (and Tasklist, which goes through the same authorizations)
        assertThat(json(get("lyclerk", "/engine-rest/task?candidateGroup=centre-ny"))).isEmpty();
        assertThat(json(get("lyclerk", "/engine-rest/task?processInstanceBusinessKey=" + tenderId))).isEmpty();
        assertThat(get("lyclerk", "/engine-rest/task/" + nyTask).getStatusCode().is4xxClientError()).isTrue();
        assertThat(get("lyclerk", "/engine-rest/task/" + nyTask + "/variables").getStatusCode().is4xxClientError())
                .isTrue();
        ResponseEntity<String> complete = post("lyclerk", "/engine-rest/task/" + nyTask + "/complete",
                "{\"variables\":{\"accepted\":{\"value\":false,\"type\":\"Boolean\"},\"reason\":{\"value\":\"x\"}}}");
        assertThat(complete.getStatusCode().is4xxClientError()).as(complete.getBody()).isTrue();
        assertThat(post("lyclerk", "/engine-rest/task/" + nyTask + "/claim", "{\"userId\":\"lyclerk\"}")
                .getStatusCode().is4xxClientError()).isTrue();
        assertThat(json(get("lyclerk", "/engine-rest/process-instance?businessKey=" + tenderId))).isEmpty();
        assertThat(json(get("lyclerk", "/engine-rest/execution?businessKey=" + tenderId))).isEmpty();
        // LY reads the notes of its own tasks (of other tenders, in a shared test database) and nothing else
        java.util.Set<String> lyTasks = new java.util.HashSet<>();
        json(get("lyclerk", "/engine-rest/task?maxResults=100000")).forEach(t -> lyTasks.add(t.get("id").asText()));
        assertThat(json(get("lyclerk", "/engine-rest/variable-instance?maxResults=100000")))
                .allSatisfy(v -> assertThat(lyTasks).contains(v.get("taskId").asText()));
        java.util.Set<String> tenders = new java.util.HashSet<>();
        engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(tenderId).list()
                .forEach(p -> tenders.add(p.getId()));
        engine.getHistoryService().createHistoricProcessInstanceQuery().variableValueEquals("tenderId", tenderId)
                .list().forEach(p -> tenders.add(p.getId()));
        assertThat(tenders).isNotEmpty();
        for (String path : List.of("/engine-rest/history/task", "/engine-rest/history/variable-instance",
                "/engine-rest/history/process-instance")) {
            assertThat(json(get("lyclerk", path + "?maxResults=100000"))).as(path)
                    .noneMatch(h -> tenders.contains(h.path("processInstanceId").asText(h.path("id").asText())));
        }
        assertThat(post("lyclerk", "/engine-rest/message", "{\"messageName\":\"linkDown\",\"businessKey\":\""
                + tenderId + "\"}").getStatusCode().is2xxSuccessful()).as("no message into another's process")
                .isFalse();
        assertThat(post("lyclerk", "/engine-rest/process-definition/key/remote-evaluation/start",
                "{\"variables\":{\"tenderId\":{\"value\":\"" + tenderId + "\"}}}").getStatusCode()
                .is2xxSuccessful()).isFalse();

        // Tasklist: B's clerk logged in sees nothing of C's and cannot submit C's form
        WebappSession tasklist = new WebappSession("lyclerk", "tasklist");
        String tasklistApi = "/camunda/api/engine/engine/default/task";
        ResponseEntity<String> listed = tasklist.get(tasklistApi + "?processInstanceBusinessKey=" + tenderId);
        assertThat(listed.getStatusCode()).as(listed.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json(listed)).isEmpty();
        ResponseEntity<String> submitted = tasklist.post(tasklistApi + "/" + nyTask + "/submit-form",
                "{\"variables\":{\"accepted\":{\"value\":false,\"type\":\"Boolean\"},\"reason\":{\"value\":\"x\"}}}");
        assertThat(submitted.getStatusCode().is2xxSuccessful()).as(submitted.getBody()).isFalse();
        WebappSession nyTasklist = new WebappSession("nyclerk", "tasklist");
        assertThat(json(nyTasklist.get(tasklistApi + "?processInstanceBusinessKey=" + tenderId))).hasSize(1);
        ResponseEntity<String> smuggledForm = nyTasklist.post(tasklistApi + "/" + nyTask + "/submit-form",
                "{\"variables\":{\"accepted\":{\"value\":true,\"type\":\"Boolean\"},\"partnerCentre\":{\"value\":\"LY\"}}}");
        assertThat(smuggledForm.getStatusCode()).as("Tasklist takes the declared inputs only")
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

        // nor through its own tasks: no other step's variables, no rewriting the process
        assertThat(json(get("lyclerk", "/engine-rest/task?processInstanceBusinessKey=" + tenderId)))
                .as("LY answered already; its next task comes with the preparation").isEmpty();

        // C answers; the draw; B's clerk cannot prepare C's venue, sign in C's experts, or report C's link down
        accepts("NY", id);
        at("2026-12-22T09:00:00");
        String nyVenue = partnerVenue(id, "NY");
        assertThat(post("lyclerk", "/api/remote-evaluations/" + id + "/venues/" + nyVenue + "/preparation",
                "{\"seatsReady\":8,\"linkCheck\":\"OK\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("lyclerk", "/api/remote-evaluations/" + id + "/link-failures",
                "{\"venueId\":\"" + nyVenue + "\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        String lyPrepare = json(get("lyclerk", "/engine-rest/task?processInstanceBusinessKey=" + tenderId)).get(0)
                .get("id").asText();
        ResponseEntity<String> asMain = post("lyclerk", "/engine-rest/task/" + lyPrepare + "/complete",
                "{\"variables\":{\"venueId\":{\"value\":\"" + view("clerk", id).get("mainVenueId").asText()
                        + "\"},\"seatsReady\":{\"value\":8,\"type\":\"Integer\"},\"linkCheck\":{\"value\":\"OK\"}}}");
        assertThat(asMain.getStatusCode()).as("venueId is not an input of the step").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(asMain).get("violations").get(0).get("field").asText()).isEqualTo("variables.venueId");
        ResponseEntity<String> smuggled = post("lyclerk", "/engine-rest/task/" + lyPrepare + "/complete",
                "{\"variables\":{\"seatsReady\":{\"value\":8,\"type\":\"Integer\"},\"linkCheck\":{\"value\":\"OK\"},"
                        + "\"mainGroup\":{\"value\":\"centre-ly\"},\"note\":{\"value\":\"内部备注\"}}}");
        assertThat(smuggled.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(exchange("lyclerk", org.springframework.http.HttpMethod.PUT, "/engine-rest/task/" + lyPrepare
                + "/variables/mainGroup", "{\"value\":\"centre-ly\"}").getStatusCode().is2xxSuccessful())
                .as("working on a task is not writing to its process").isFalse();
        assertThat(post("lyclerk", "/engine-rest/task/" + lyPrepare + "/variables", "{\"modifications\":{"
                + "\"tenderId\":{\"value\":\"x\"}}}").getStatusCode().is2xxSuccessful()).isFalse();
        prepareAll(id);
        String nyExpert = drawnExperts(id).entrySet().stream().filter(e -> e.getValue().equals("NY")).findFirst()
                .orElseThrow().getKey();
        ResponseEntity<String> wrongWitness = post("lyclerk", "/api/remote-evaluations/" + id + "/sign-ins",
                "{\"idNo\":\"" + idNumbers().get(nyExpert) + "\"}");
        assertThat(wrongWitness.getStatusCode().is4xxClientError()).as("signs in at its own venue only").isTrue();
        signInAll(id);
        JsonNode lySeats = view("lyclerk", id);
        assertThat(lySeats.get("seats").findValuesAsText("centre")).containsOnly("LY");
        assertThat(lySeats.get("seats").findValuesAsText("userId")).doesNotContain(nyExpert);
        JsonNode draw = lySeats.get("draws").get(0);
        assertThat(draw.get("seed").isNull()).isTrue();
        assertThat(draw.get("snapshot").isNull()).isTrue();
        assertThat(draw.get("exclusions")).isEmpty();
        assertThat(json(get("lyclerk", "/api/tenders/" + tenderId + "/decisions")).findParents("kind").stream()
                .filter(d -> d.get("kind").asText().equals("EXPERT_DRAW")))
                .allSatisfy(d -> assertThat(d.get("inputs").get("sealed").asBoolean()).isTrue());

        // records and compensation: B hands back its own records only
        reviewed(tenderId);
        List<String> members = members(tenderId);
        scoredBy(tenderId, members);
        signedBy(tenderId, members);
        confirmed(id);
        assertThat(post("lyclerk", "/api/remote-evaluations/" + id + "/handbacks/NY", "{\"recordsNote\":\"x\"}")
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(view("lyclerk", id).get("partners").findValuesAsText("centre")).containsExactly("LY");

        // C's clerk cannot see, fetch or upload B's records (J7), nor answer B's compensation
        ResponseEntity<String> lyRecord = uploadRecord("lyclerk", id, null, "洛阳评标室录像.mp4", "video/mp4",
                "LY video".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(lyRecord.getStatusCode()).as(lyRecord.getBody()).isEqualTo(HttpStatus.CREATED);
        String lyRecordId = json(lyRecord).get("id").asText();
        assertThat(uploadRecord("nyclerk", id, "LY", "x.mp4", "video/mp4", new byte[] {1}).getStatusCode())
                .as("not as LY").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(uploadRecord("xyclerk", id, null, "x.mp4", "video/mp4", new byte[] {1}).getStatusCode())
                .as("not asked: nothing to upload to").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json(get("nyclerk", "/api/remote-evaluations/" + id + "/records"))).isEmpty();
        assertThat(view("nyclerk", id).get("records")).isEmpty();
        assertThat(get("nyclerk", "/api/remote-evaluations/" + id + "/records/" + lyRecordId + "/content")
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json(get("clerk", "/api/remote-evaluations/" + id + "/records")).findValuesAsText("id"))
                .as("the main centre sees it").contains(lyRecordId);
        handsBack("LY", id, "纸质评标资料1袋、音视频记录1段");
        handsBack("NY", id, "纸质评标资料1袋、音视频记录1段");
        assertThat(json(get("nyclerk", "/api/remote-evaluations/" + id + "/records")).findValuesAsText("centre"))
                .containsOnly("NY");
        assertThat(post("nyclerk", "/api/remote-evaluations/" + id + "/compensation/confirmation",
                "{\"agree\":false,\"reason\":\"x\",\"centre\":\"LY\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("xyclerk", "/api/remote-evaluations/" + id + "/compensation/confirmation",
                "{\"agree\":true}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json(get("clerk", "/api/remote-evaluations/" + id + "/settlement")).get("partners")
                .findValuesAsText("answer")).as("nothing answered for LY").containsOnly("PENDING");
        assertThat(json(get("nyclerk", "/api/remote-evaluations/" + id + "/settlement")).get("partners")
                .findValuesAsText("centre")).containsExactly("NY");

        // every refused attempt of B to act is on record with its time, address and operator
        List<Integer> refused = jdbc.sql("select status from audit_entry where operator = 'lyclerk' and status >= 400 "
                + "and id > ?").param(auditedBefore).query(Integer.class).list();
        assertThat(refused).hasSizeGreaterThanOrEqualTo(8).allMatch(s -> s == 400 || s == 403 || s == 404 || s == 422);
        assertThat(jdbc.sql("select count(*) from audit_entry where operator = 'lyclerk' and address is null and id > ?")
                .param(auditedBefore).query(Integer.class).single()).isZero();
    }

    /** The partner steps of one tender the user's centre has open (other tests' evaluations share the database). */
    List<JsonNode> stepsOf(String user, String tenderId) {
        List<JsonNode> steps = new java.util.ArrayList<>();
        json(get(user, "/api/partner/steps")).forEach(s -> {
            if (tenderId.equals(s.get("tenderId").asText())) {
                steps.add(s);
            }
        });
        return steps;
    }

    /** The open steps a user reads in the tender's view, as "taskKey candidateGroups". */
    List<String> openSteps(String user, String tenderId) {
        ResponseEntity<String> response = get(user, "/api/tenders/" + tenderId);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        List<String> steps = new java.util.ArrayList<>();
        json(response).get("openTasks").forEach(t -> steps.add(t.get("taskKey").asText() + " "
                + t.get("candidateGroups").toString()));
        return steps;
    }

    @Test
    void the_tender_shows_each_caller_only_the_open_steps_it_may_act_on() {
        // a registration waiting for its approval: the approvers and the tenderer see the step's task, nobody else
        ResponseEntity<String> registered = post("purchaser", "/api/tenders", works().toString());
        String pending = json(registered).get("id").asText();
        assertThat(json(registered).get("approval").get("openStep").get("group").asText())
                .isEqualTo("registration-clerk");
        assertThat(json(get("clerk", "/api/tenders/" + pending)).get("approval").get("openStep").get("taskId")
                .asText()).isNotEmpty();
        assertThat(openSteps("clerk", pending)).singleElement()
                .satisfies(s -> assertThat(s).startsWith("approveRegistration"));
        for (String user : List.of("bidder", "lyclerk", "expert1")) {
            JsonNode seen = json(get(user, "/api/tenders/" + pending));
            assertThat(seen.get("approval").get("openStep").get("taskId").isNull()).as(user).isTrue();
            assertThat(seen.get("openTasks")).as(user).isEmpty();
        }

        String tenderId = remoteTender();
        String id = evaluationOf(tenderId);
        planned(id);
        accepts("LY", id);
        assertThat(openSteps("demo", tenderId)).as("an administrator sees every step")
                .anyMatch(s -> s.startsWith("answerRequest") && s.contains("centre-ny"));
        assertThat(openSteps("nyclerk", tenderId)).as("NY sees its request")
                .anyMatch(s -> s.startsWith("answerRequest") && s.contains("centre-ny"))
                .allMatch(s -> s.contains("centre-ny"));
        assertThat(openSteps("lyclerk", tenderId)).as("LY sees neither NY's request nor anyone else's step")
                .allMatch(s -> s.contains("centre-ly"));
        assertThat(openSteps("xyclerk", tenderId)).isEmpty();
        assertThat(openSteps("bidder", tenderId)).as("a bidder learns nothing of who evaluates where").isEmpty();
        assertThat(get("bidder", "/api/tenders/" + tenderId).getBody()).doesNotContain("centre-ly", "centre-ny",
                "centre-zz");
        assertThat(openSteps("clerk", tenderId)).as("the main centre: its own steps only")
                .noneMatch(s -> s.contains("centre-ny") || s.contains("centre-ly"));
    }
}

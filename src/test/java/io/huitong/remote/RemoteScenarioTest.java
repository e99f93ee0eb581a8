package io.huitong.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.support.RemoteTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.huitong.shared.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A tender of Zhengzhou (centre ZZ, the main venue) evaluated remotely with Luoyang (LY) and Nanyang (NY), from the
 * request to the compensation, through the APIs each centre would use: LY's system through Huitong's partner API,
 * NY's clerk through Camunda's REST API, the experts and clerks through Huitong's API.
 */
class RemoteScenarioTest extends RemoteTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Test
    void a_tender_of_ZZ_evaluated_with_LY_and_NY_from_request_to_compensation() {
        // an expert of Luoyang's pool works for bidder 1: the pool keepers record it (R12 12(三))
        ResponseEntity<String> user = post("demo", "/engine-rest/user/create", """
                {"profile":{"id":"lyexpert9","firstName":"洛阳专家九","lastName":"(demo)"},
                 "credentials":{"password":"lyexpert9"}}""");
        assertThat(user.getStatusCode()).as(user.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        exchange("demo", org.springframework.http.HttpMethod.PUT,
                "/engine-rest/group/evaluation-expert/members/lyexpert9", null);
        ResponseEntity<String> conflicted = post("supervisor", "/api/experts", """
                {"userId":"lyexpert9","name":"钱进","idNo":"410302198507070099","centreCode":"LY","regionCode":"410300",
                 "employerId":"%s","employerName":"投标人1","yearsInField":12,"seniorTitle":true,
                 "specialities":["房屋建筑工程"],
                 "employment":[{"partyId":"%s","partyName":"投标人1","role":"EMPLOYEE","startDate":"2020-01-01"}]}"""
                .formatted(bidderId(1), bidderId(1)));
        assertThat(conflicted.getStatusCode()).as(conflicted.getBody()).isEqualTo(HttpStatus.CREATED);
        String conflictedId = json(conflicted).get("id").asText();

        // 50,000,000 of must-tender works in Henan: remote by the province's policy
        String tenderId = remoteTender();
        assertThat(decisionKinds(tenderId)).contains("EVALUATION_VENUE");
        String id = evaluationOf(tenderId);
        assertThat(openTaskKeys(tenderId)).containsExactly("planEvaluation");
        assertThat(stepsOf("lysystem", tenderId)).as("nothing asked of LY yet").isEmpty();

        // the main centre plans nine members, one the tenderer's representative; the partners are asked in the
        // order of its agreements: LY first
        ResponseEntity<String> planned = plan(id, 9, null);
        assertThat(planned.getStatusCode()).as(planned.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(view("lyclerk", id).get("committeeSize").asInt()).isEqualTo(9);

        // LY's trading system lists its steps and answers through Huitong's partner API
        List<JsonNode> steps = stepsOf("lysystem", tenderId);
        assertThat(steps).singleElement().satisfies(s -> {
            assertThat(s.get("step").asText()).isEqualTo("answerRequest");
            assertThat(s.get("centre").asText()).isEqualTo("LY");
            assertThat(s.get("evaluationId").asText()).isEqualTo(id);
        });
        ResponseEntity<String> lyAnswer = post("lysystem", "/api/remote-evaluations/" + id + "/requests/LY/answer",
                "{\"accept\":true,\"venueId\":\"" + venue("LY") + "\"}");
        assertThat(lyAnswer.getStatusCode()).as(lyAnswer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();

        // NY's clerk works through Camunda's REST API, with the engine's authorizations and the same checks
        JsonNode nyTasks = json(get("nyclerk", "/engine-rest/task?candidateGroup=centre-ny&processInstanceBusinessKey="
                + tenderId));
        assertThat(nyTasks).singleElement().satisfies(t -> assertThat(t.get("taskDefinitionKey").asText())
                .isEqualTo("answerRequest"));
        String nyTask = nyTasks.get(0).get("id").asText();
        ResponseEntity<String> wrongVenue = post("nyclerk", "/engine-rest/task/" + nyTask + "/complete",
                "{\"variables\":{\"accepted\":{\"value\":true,\"type\":\"Boolean\"},\"venueId\":{\"value\":\""
                        + venue("LY") + "\",\"type\":\"String\"}}}");
        assertThat(wrongVenue.getStatusCode()).as("another centre's venue").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(wrongVenue).get("violations").get(0).get("field").asText()).isEqualTo("venueId");
        ResponseEntity<String> nyAnswer = post("nyclerk", "/engine-rest/task/" + nyTask + "/complete",
                "{\"variables\":{\"accepted\":{\"value\":true,\"type\":\"Boolean\"},\"venueId\":{\"value\":\""
                        + venue("NY") + "\",\"type\":\"String\"}}}");
        assertThat(nyAnswer.getStatusCode()).as(nyAnswer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
        JsonNode asked = view("clerk", id);
        assertThat(asked.get("partners").findValuesAsText("status")).containsExactly("ACCEPTED", "ACCEPTED", "PENDING");
        assertThat(asked.get("seats")).as("drawn within 24 hours of the start (G10)").isEmpty();

        // 22 December 09:00: the draw. 8 experts, at least 60% from the partners: ZZ 3, LY 3, NY 2
        at("2026-12-22T09:00:00");
        JsonNode drawn = view("clerk", id);
        assertThat(drawn.get("seats")).hasSize(9);
        assertThat(drawn.get("seats").findValuesAsText("name")).as("sealed until sign-in").allMatch("null"::equals);
        Map<String, Long> byCentre = new java.util.TreeMap<>();
        drawn.get("seats").forEach(s -> byCentre.merge(s.get("centre").asText() + " " + s.get("role").asText(), 1L,
                Long::sum));
        assertThat(byCentre).containsEntry("ZZ EXPERT", 3L).containsEntry("LY EXPERT", 3L)
                .containsEntry("NY EXPERT", 2L).containsEntry("ZZ PURCHASER_REPRESENTATIVE", 1L);
        JsonNode draw = drawn.get("draws").get(0);
        assertThat(draw.get("seedHash").asText()).hasSize(64);
        assertThat(draw.get("seed").isNull()).as("the seed is not revealed to the centre before the result").isTrue();

        // the supervisor sees the seed, the snapshot and every exclusion with its article; none excluded is drawn
        JsonNode overseen = json(get("supervisor", "/api/remote-evaluations/" + id + "/draws/"
                + draw.get("id").asText()));
        List<String> excluded = overseen.get("exclusions").findValuesAsText("expertId");
        assertThat(overseen.get("exclusions").findValuesAsText("citation"))
                .contains("TBL 37; R12 11", "R12 12(四)", "R12 12(三); TBL 37");
        assertThat(excluded).contains(conflictedId);
        JsonNode verification = json(get("supervisor", "/api/remote-evaluations/" + id + "/draws/"
                + draw.get("id").asText() + "/verification"));
        assertThat(verification.get("commitmentHolds").asBoolean()).isTrue();
        assertThat(verification.get("snapshotHolds").asBoolean()).isTrue();
        assertThat(verification.get("sameResult").asBoolean()).isTrue();
        List<String> drawnExperts = new ArrayList<>();
        verification.get("result").forEach(venue -> venue.forEach(x -> drawnExperts.add(x.asText())));
        assertThat(drawnExperts).hasSize(8).doesNotContainAnyElementsOf(excluded);

        // anyone holding the seed and the snapshot re-runs it and gets the same experts
        JsonNode revealed = json(get("supervisor", "/api/remote-evaluations/" + id + "/draws/" + draw.get("id").asText()));
        String body = "{\"seed\":\"" + revealed.get("seed").asText() + "\",\"snapshot\":"
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(revealed.get("snapshot").asText()) + "}";
        JsonNode rerun = json(post("bidder", "/api/expert-draws/rerun", body));
        assertThat(rerun.get("drawn")).isEqualTo(verification.get("result"));
        assertThat(rerun.get("seedHash").asText()).isEqualTo(draw.get("seedHash").asText());

        // the venues prepare in parallel; each expert learns its own seat and signs in, witnessed at its venue
        prepareAll(id);
        assertThat(openTaskKeys(tenderId)).containsOnly("signIn");
        JsonNode lyBefore = view("lyclerk", id);
        assertThat(lyBefore.get("seats")).hasSize(3).allSatisfy(s -> assertThat(s.get("centre").asText()).isEqualTo("LY"));
        signInAll(id);
        JsonNode lyAfter = view("lyclerk", id);
        assertThat(lyAfter.get("seats").findValuesAsText("name")).doesNotContain("null");
        assertThat(lyAfter.get("seats").findValuesAsText("witnessedBy")).containsOnly("lyclerk");
        assertThat(view("clerk", id).get("status").asText()).isEqualTo("EVALUATING");

        // the committee evaluates: the chair reviews, every member scores and signs
        List<String> members = members(tenderId);
        assertThat(members).hasSize(9).contains("purchaser");
        reviewed(tenderId);
        scoredBy(tenderId, members);
        signedBy(tenderId, members);
        assertThat(openTaskKeys(tenderId)).containsExactly("confirmResult");

        // the main venue confirms: the lifecycle goes on to publicity; the partners hand their records back
        ResponseEntity<String> notLy = post("lyclerk", "/api/remote-evaluations/" + id + "/confirmation", null);
        assertThat(notLy.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        confirmed(id);
        assertThat(status(tenderId)).isEqualTo("PUBLICITY");
        assertThat(openTaskKeys(tenderId)).containsExactlyInAnyOrder("handBackRecords", "handBackRecords");

        handsBack("LY", id, "纸质评标资料1袋、电子资料光盘1张、音视频记录2段");
        JsonNode ny = view("nyclerk", id).get("partners").get(0);
        assertThat(ny.get("centre").asText()).isEqualTo("NY");
        String due = ny.get("recordsDue").asText();

        // NY is late: reminded when the 5 working days end, escalated after 2 more
        at(due.substring(0, 19));
        assertThat(view("clerk", id).get("partners").get(1).get("remindedAt").isNull()).isFalse();
        assertThat(view("clerk", id).get("partners").get(1).get("escalatedAt").isNull()).isTrue();
        at("2027-01-06T00:00:00");
        assertThat(view("clerk", id).get("partners").get(1).get("escalatedAt").isNull()).isFalse();
        handsBack("NY", id, "纸质评标资料1袋、音视频记录1段");

        // compensation by each agreement: per session, and per expert who sat at the partner's venue
        JsonNode settled = view("clerk", id);
        assertThat(settled.get("status").asText()).isEqualTo("SETTLED");
        assertThat(settled.get("partners").get(0).get("compensation").decimalValue()).isEqualByComparingTo("2900.00");
        assertThat(settled.get("partners").get(1).get("compensation").decimalValue()).isEqualByComparingTo("2100.00");
        assertThat(decisionKinds(tenderId)).contains("REMOTE_PLAN", "EXPERT_DRAW", "REMOTE_COMPENSATION");
    }

    @Test
    void only_the_commitment_leaves_the_server_before_the_draw_and_the_seed_revealed_after_verifies_it() {
        String tenderId = remoteTender();
        String id = evaluationOf(tenderId);
        ResponseEntity<String> planned = plan(id, 5, null);
        assertThat(planned.getStatusCode()).as(planned.getBody()).isEqualTo(HttpStatus.OK);

        // the seed the draw will run on, as the server keeps it; its commitment is what every party sees
        String seed = serverSeed(id);
        assertThat(seed).matches("[0-9a-f]{64}");
        String commitment = VerifiableDraw.commitment(seed);
        assertThat(json(planned).get("nextSeedHash").asText()).isEqualTo(commitment);
        assertThat(view("clerk", id).get("nextSeedHash").asText()).isEqualTo(commitment);
        List<String> answers = new ArrayList<>(List.of(planned.getBody()));
        answers.addAll(whatEveryoneSees(tenderId, id));
        accepts("LY", id);
        accepts("NY", id);
        answers.addAll(whatEveryoneSees(tenderId, id));
        assertThat(serverSeed(id)).as("still the seed committed at the plan").isEqualTo(seed);
        assertThat(answers).as("no answer before the draw shows the seed").noneMatch(body -> body.contains(seed));
        assertThat(audit.about(id)).as("nor does the audit trail")
                .noneMatch(e -> (e.path() + " " + e.detail()).contains(seed));

        // the draw runs on that seed and reveals it: anyone it is shown to checks it against the commitment
        at("2026-12-22T09:00:00");
        JsonNode draw = view("clerk", id).get("draws").get(0);
        assertThat(draw.get("seedHash").asText()).isEqualTo(commitment);
        String drawPath = "/api/remote-evaluations/" + id + "/draws/" + draw.get("id").asText();
        String revealed = json(get("supervisor", drawPath)).get("seed").asText();
        assertThat(revealed).isEqualTo(seed);
        assertThat(VerifiableDraw.commitment(revealed)).isEqualTo(draw.get("seedHash").asText());
        JsonNode verification = json(get("supervisor", drawPath + "/verification"));
        assertThat(verification.get("commitmentHolds").asBoolean()).isTrue();
        assertThat(verification.get("sameResult").asBoolean()).isTrue();
    }

    @Test
    void the_tenderers_own_staff_are_not_drawn_as_experts_under_the_Tendering_Law() {
        // two experts of Zhengzhou's pool work for the tenderer: one as employer on record, one by a current post
        String byEmployer = addExpert("zztenderer1", "410102198808080081", "\"employerId\":\"" + TENDERER + "\"");
        String byPost = addExpert("zztenderer2", "410102198909090092", "\"employment\":[{\"partyId\":\"" + TENDERER
                + "\",\"partyName\":\"招标人\",\"role\":\"EMPLOYEE\",\"startDate\":\"2018-03-01\"}]");
        String tenderId = remoteTender();
        String id = evaluationOf(tenderId);

        // the plan does not name the tenderer: the registration does (its organisation's credit code, TENDERER),
        // so the rules know whose staff they are
        drawn(tenderId);
        JsonNode draw = view("clerk", id).get("draws").get(0);
        String drawPath = "/api/remote-evaluations/" + id + "/draws/" + draw.get("id").asText();
        JsonNode overseen = json(get("supervisor", drawPath));
        for (String staff : List.of(byEmployer, byPost)) {
            List<JsonNode> why = new ArrayList<>();
            overseen.get("exclusions").forEach(x -> {
                if (x.get("expertId").asText().equals(staff)) {
                    why.add(x);
                }
            });
            assertThat(why).as("excluded once, with the rule and its article").singleElement().satisfies(x -> {
                assertThat(x.get("citation").asText()).isEqualTo("TBL 37; R12 9");
                assertThat(x.get("rule").asText()).contains("tenderer's own staff");
            });
        }
        List<String> drawnExperts = new ArrayList<>();
        json(get("supervisor", drawPath + "/verification")).get("result")
                .forEach(venue -> venue.forEach(x -> drawnExperts.add(x.asText())));
        assertThat(drawnExperts).hasSize(4).doesNotContain(byEmployer, byPost);
        assertThat(VerifiableDraw.parse(overseen.get("snapshot").asText()).groups())
                .allSatisfy(g -> assertThat(g.candidates()).as("not even a candidate").doesNotContain(byEmployer, byPost));
        assertThat(decision(tenderId, "EXPERT_DRAW").toString()).contains("TBL 37; R12 9");
    }

    /** Adds an expert of Zhengzhou's pool in the speciality, with more of the record; returns its id. */
    private String addExpert(String user, String idNo, String more) {
        ResponseEntity<String> created = post("demo", "/engine-rest/user/create", """
                {"profile":{"id":"%s","firstName":"%s","lastName":"(demo)"},"credentials":{"password":"%s"}}"""
                .formatted(user, user, user));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        exchange("demo", org.springframework.http.HttpMethod.PUT, "/engine-rest/group/evaluation-expert/members/"
                + user, null);
        ResponseEntity<String> added = post("supervisor", "/api/experts", """
                {"userId":"%s","name":"招标人职工","idNo":"%s","centreCode":"ZZ","regionCode":"410100",
                 "yearsInField":15,"seniorTitle":true,"specialities":["%s"],%s}""".formatted(user, idNo, SPECIALITY,
                more));
        assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(HttpStatus.CREATED);
        return json(added).get("id").asText();
    }

    /** The seed kept for the evaluation's next draw, read where the server keeps it. */
    private String serverSeed(String evaluationId) {
        return jdbc.sql("select next_seed from remote_evaluation where id = ?").param(evaluationId)
                .query(String.class).single();
    }

    /**
     * Every answer about the evaluation that its parties (centres, partners' systems, tenderer, experts, overseers,
     * the engine's administrator) can read: views, lists, steps, tasks, process variables, decision records.
     */
    private List<String> whatEveryoneSees(String tenderId, String id) {
        List<String> bodies = new ArrayList<>();
        for (String user : List.of("clerk", "lyclerk", "nyclerk", "lysystem", "supervisor", "demo", "purchaser")) {
            bodies.add(get(user, "/api/remote-evaluations/" + id).getBody());
            bodies.add(get(user, "/api/remote-evaluations").getBody());
            bodies.add(get(user, "/api/partner/steps").getBody());
        }
        for (String user : List.of("purchaser", "clerk", "demo")) {
            bodies.add(get(user, "/api/tenders/" + tenderId).getBody());
            bodies.add(get(user, "/api/tenders/" + tenderId + "/decisions").getBody());
        }
        for (String expert : List.of("expert1", "lyexpert1", "nyexpert1")) {
            bodies.add(get(expert, "/api/my/expert-assignments").getBody());
        }
        bodies.add(get("demo", "/engine-rest/task?processInstanceBusinessKey=" + tenderId).getBody());
        for (JsonNode instance : json(get("demo", "/engine-rest/process-instance?businessKey=" + tenderId))) {
            String pid = instance.get("id").asText();
            bodies.add(get("demo", "/engine-rest/process-instance/" + pid + "/variables").getBody());
            bodies.add(get("demo", "/engine-rest/history/variable-instance?processInstanceId=" + pid).getBody());
        }
        assertThat(bodies).as("answers read").allMatch(java.util.Objects::nonNull);
        return bodies;
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
}

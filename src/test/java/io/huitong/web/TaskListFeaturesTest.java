package io.huitong.web;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.shared.workflow.TaskDeadlines;
import io.huitong.support.LifecycleTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What clerks expect of a task list, through Camunda's REST API (Tasklist's buttons call the same): claim and
 * unclaim, delegate and transfer within the task's candidates, due dates from the legal periods, a reminder
 * when overdue and escalation where the model names a group.
 */
class TaskListFeaturesTest extends LifecycleTest {

    @Autowired
    TaskDeadlines deadlines;

    void user(String id, String group) {
        if (json(get("demo", "/engine-rest/user?id=" + id)).isEmpty()) {
            post("demo", "/engine-rest/user/create", """
                    {"profile":{"id":"%s","firstName":"%s","lastName":"(demo)"},"credentials":{"password":"%s"}}"""
                    .formatted(id, id, id));
        }
        exchange("demo", HttpMethod.PUT, "/engine-rest/group/" + group + "/members/" + id, null);
    }

    @Test
    void a_task_is_claimed_unclaimed_delegated_and_transferred_within_its_candidates() {
        user("clerk2", "registration-clerk");
        String id = json(post("purchaser", "/api/tenders", works().toString())).get("id").asText();
        String task = json(get("demo", "/api/tenders/" + id)).get("approval").get("openStep").get("taskId").asText();
        String path = "/engine-rest/task/" + task;

        assertThat(post("clerk", path + "/claim", "{\"userId\":\"clerk\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(json(get("clerk", path)).get("assignee").asText()).isEqualTo("clerk");
        assertThat(post("clerk2", path + "/claim", "{\"userId\":\"clerk2\"}").getStatusCode().is2xxSuccessful())
                .as("claimed already").isFalse();
        assertThat(post("clerk", path + "/unclaim", null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(json(get("clerk", path)).get("assignee").isNull()).isTrue();

        // delegated to another clerk of the group, who resolves it back; transferred within the group
        post("clerk", path + "/claim", "{\"userId\":\"clerk\"}");
        assertThat(post("clerk", path + "/delegate", "{\"userId\":\"clerk2\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode delegated = json(get("clerk2", path));
        assertThat(delegated.get("assignee").asText()).isEqualTo("clerk2");
        assertThat(delegated.get("owner").asText()).isEqualTo("clerk");
        assertThat(delegated.get("delegationState").asText()).isEqualTo("PENDING");
        assertThat(post("clerk2", path + "/resolve", "{}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(json(get("clerk", path)).get("assignee").asText()).isEqualTo("clerk");
        assertThat(post("clerk", path + "/assignee", "{\"userId\":\"clerk2\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        // never to someone outside the task's people
        ResponseEntity<String> outside = post("clerk2", path + "/assignee", "{\"userId\":\"bidder\"}");
        assertThat(outside.getStatusCode()).as(outside.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("clerk2", path + "/delegate", "{\"userId\":\"director\"}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(json(get("clerk2", path)).get("assignee").asText()).isEqualTo("clerk2");
        assertThat(post("bidder", path + "/claim", "{\"userId\":\"bidder\"}").getStatusCode().is2xxSuccessful())
                .as("not a candidate").isFalse();
    }

    @Test
    void a_members_own_task_stays_with_the_member() {
        String id = registerAndApprove(works());
        at("2026-12-01T08:00:00");
        bidAccepted(id, 1, "4800000.00", null, "LARGE");
        bidAccepted(id, 2, "4700000.00", null, "SMALL");
        bidAccepted(id, 3, "4761300.00", null, "MEDIUM");
        at("2026-12-21T09:30:00");
        committee(id);
        review(id);
        String scoring = json(get("expert2", "/engine-rest/task?assignee=expert2&processInstanceBusinessKey=" + id))
                .get(0).get("id").asText();
        ResponseEntity<String> passed = post("expert2", "/engine-rest/task/" + scoring + "/delegate",
                "{\"userId\":\"expert3\"}");
        assertThat(passed.getStatusCode()).as("scores are given in person").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(json(get("expert2", "/engine-rest/task/" + scoring)).get("assignee").asText()).isEqualTo("expert2");
    }

    @Test
    void an_overdue_task_is_reminded_once_and_escalated_where_the_model_says() {
        String id = registerAndApprove(works());
        at("2026-12-01T08:00:00");
        JsonNode objection = json(post("bidder2", "/api/tenders/" + id + "/objections",
                "{\"content\":\"资格条件限制潜在投标人\",\"party\":\"投标人2\"}"));
        runDueJobs();
        JsonNode task = openTask(id, "answerObjection");
        String taskId = task.get("taskId").asText();
        String due = json(get("purchaser", "/engine-rest/task/" + taskId)).get("due").asText();
        assertThat(due).as("the legal period (TBR 22: 3 days, to 24:00 of 4 December)").startsWith("2026-12-05T00:00:00");

        at("2026-12-04T23:59:00");
        assertThat(deadlines.sweep().reminded()).isZero();
        at("2026-12-05T00:00:01");
        TaskDeadlines.Sweep first = deadlines.sweep();
        assertThat(first.reminded()).isEqualTo(1);
        assertThat(deadlines.sweep().reminded()).as("once").isZero();
        assertThat(json(get("purchaser", "/engine-rest/task/" + taskId)).get("priority").asInt())
                .as("raised in the purchaser's list").isEqualTo(TaskDeadlines.OVERDUE_PRIORITY);
        JsonNode comments = json(get("demo", "/engine-rest/task/" + taskId + "/comment"));
        assertThat(comments.findValuesAsText("message")).anyMatch(m -> m.startsWith("逾期提醒"));
        assertThat(json(get("supervisor", "/engine-rest/task?processInstanceBusinessKey=" + id))).isEmpty();

        // a day later the supervisor gets it (escalateTo on answerObjection), and may answer it
        at("2026-12-06T00:00:01");
        assertThat(deadlines.sweep().escalated()).isEqualTo(1);
        assertThat(deadlines.notice(taskId).escalatedTo()).isEqualTo("supervisor");
        assertThat(json(get("supervisor", "/engine-rest/task?processInstanceBusinessKey=" + id))).hasSize(1);
        assertThat(deadlines.sweep().escalated()).isZero();
        assertThat(objection.get("id").asText()).isNotBlank();
        assertThat(Map.of("status", status(id))).containsEntry("status", "SUSPENDED");
    }

    /** What a PUT of a task updates (Camunda's TaskDto#updateTask). */
    static final List<String> UPDATED = List.of("name", "description", "priority", "assignee", "owner",
            "delegationState", "due", "followUp", "parentTaskId", "caseInstanceId", "tenantId");

    /** The task as Camunda's REST API shows it, with one property changed: what a PUT of the task sends. */
    String changed(String taskId, String property, Object value) {
        com.fasterxml.jackson.databind.node.ObjectNode body = (com.fasterxml.jackson.databind.node.ObjectNode)
                json(get("purchaser", "/engine-rest/task/" + taskId));
        body.retain(UPDATED);
        body.putPOJO(property, value);
        return body.toString();
    }

    @Test
    void a_due_date_from_the_legal_periods_is_not_moved_by_the_people_of_the_task() {
        String id = registerAndApprove(works());
        at("2026-12-01T08:00:00");
        post("bidder2", "/api/tenders/" + id + "/objections", "{\"content\":\"资格条件限制潜在投标人\",\"party\":\"投标人2\"}");
        runDueJobs();
        String taskId = openTask(id, "answerObjection").get("taskId").asText();
        String path = "/engine-rest/task/" + taskId;
        JsonNode before = json(get("purchaser", path));
        assertThat(before.get("due").asText()).startsWith("2026-12-05T00:00:00");

        // neither the legal dates nor what the model names are the people's to change
        for (Map.Entry<String, Object> change : Map.<String, Object>of("due", "2027-06-01T00:00:00.000+0800",
                "followUp", "2027-06-01T00:00:00.000+0800", "name", "可以不办 Need not be done",
                "description", "不急 No hurry").entrySet()) {
            ResponseEntity<String> saved = exchange("purchaser", HttpMethod.PUT, path,
                    changed(taskId, change.getKey(), change.getValue()));
            assertThat(saved.getStatusCode()).as(change + ": " + saved.getBody())
                    .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(json(saved).get("violations").findValuesAsText("field")).containsExactly(change.getKey());
        }
        ResponseEntity<String> inTasklist = new WebappSession("purchaser", "tasklist").put(
                "/camunda/api/engine/engine/default/task/" + taskId, changed(taskId, "due", "2027-06-01T00:00:00.000+0800"));
        assertThat(inTasklist.getStatusCode()).as(inTasklist.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode after = json(get("purchaser", path));
        for (String property : new String[] {"due", "followUp", "name", "description"}) {
            assertThat(after.get(property)).as(property).isEqualTo(before.get(property));
        }

        // so the sweep still reminds when the legal period ends, and the reminder is not lowered away
        at("2026-12-05T00:00:01");
        deadlines.sweep();
        assertThat(deadlines.notice(taskId).remindedAt()).as("reminded when the legal period ended").isNotNull();
        ResponseEntity<String> lowered = exchange("purchaser", HttpMethod.PUT, path, changed(taskId, "priority", 0));
        assertThat(lowered.getStatusCode()).as(lowered.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(lowered).get("violations").findValuesAsText("field")).containsExactly("priority");
        assertThat(json(get("purchaser", path)).get("priority").asInt()).isEqualTo(TaskDeadlines.OVERDUE_PRIORITY);
        // raising it is harmless: one's own way to flag a task as urgent
        ResponseEntity<String> raised = exchange("purchaser", HttpMethod.PUT, path, changed(taskId, "priority", 90));
        assertThat(raised.getStatusCode()).as(raised.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(json(get("purchaser", path)).get("priority").asInt()).isEqualTo(90);

        // and escalated to the supervisor a day later, as the model says
        at("2026-12-06T00:00:01");
        deadlines.sweep();
        assertThat(deadlines.notice(taskId).escalatedTo()).isEqualTo("supervisor");
    }

    /**
     * Every entry of Tasklist's list says which tender its task is for: the shared filter names the tender's number
     * and title, and the list (Tasklist's request, as the user) carries them for a step of each model a group
     * works in: the registration's route (a clerk), the lifecycle (the purchaser), the evaluation (a clerk, the
     * chair).
     */
    @Test
    void every_entry_of_the_task_list_names_its_tender() {
        JsonNode filter = allTasksFilter("clerk");
        assertThat(filter.at("/properties/variables").findValuesAsText("name")).contains("tenderNo", "tenderTitle");
        assertThat(filter.at("/properties/variables").findValuesAsText("label"))
                .contains("项目编号 Tender no.", "项目名称 Title");

        String pending = json(post("purchaser", "/api/tenders", works().toString())).get("id").asText();
        String approval = json(get("demo", "/api/tenders/" + pending)).get("approval").get("openStep").get("taskId")
                .asText();
        assertThat(shownInTasklist("clerk", pending, approval))
                .containsEntry("tenderNo", pending).containsEntry("tenderTitle", "郑州市某道路改造工程施工");

        String id = registerAndApprove(works());
        String evaluated = registerAndApprove(works());
        at("2026-12-01T08:00:00");
        String objection = json(post("bidder2", "/api/tenders/" + id + "/objections",
                "{\"content\":\"资格条件限制潜在投标人\",\"party\":\"投标人2\"}")).get("id").asText();
        runDueJobs();
        String answer = openTask(id, "answerObjection").get("taskId").asText();
        assertThat(shownInTasklist("purchaser", id, answer))
                .containsEntry("tenderNo", id).containsEntry("tenderTitle", "郑州市某道路改造工程施工");
        // answered: no step of this test is left to fall due in another's
        ResponseEntity<String> answered = post("purchaser", "/api/tenders/" + id + "/objections/" + objection
                + "/answer", "{\"answer\":\"资格条件符合法律规定\"}");
        assertThat(answered.getStatusCode().is2xxSuccessful()).as(answered.getBody()).isTrue();
        runDueJobs();

        bidAccepted(evaluated, 1, "4800000.00", null, "LARGE");
        bidAccepted(evaluated, 2, "4700000.00", null, "SMALL");
        bidAccepted(evaluated, 3, "4761300.00", null, "MEDIUM");
        at("2026-12-21T09:30:00");
        String record = openTask(evaluated, "recordCommittee").get("taskId").asText();
        assertThat(shownInTasklist("clerk", evaluated, record))
                .containsEntry("tenderNo", evaluated).containsEntry("tenderTitle", "郑州市某道路改造工程施工");
        committee(evaluated);
        String review = openTask(evaluated, "reviewQualifications").get("taskId").asText();
        assertThat(shownInTasklist("expert1", evaluated, review))
                .containsEntry("tenderNo", evaluated).containsEntry("tenderTitle", "郑州市某道路改造工程施工");
    }

    /** The shared filter Tasklist opens with, as the user reads it. */
    JsonNode allTasksFilter(String user) {
        for (JsonNode filter : json(get(user, "/engine-rest/filter?resourceType=Task"))) {
            if (filter.get("name").asText().equals("全部任务 All tasks")) {
                return filter;
            }
        }
        throw new AssertionError("no shared filter for " + user);
    }

    /** The variables Tasklist's list shows with the task: the filter's list as Tasklist asks it (HAL), as the user. */
    Map<String, String> shownInTasklist(String user, String tenderId, String taskId) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(java.util.List.of(MediaType.parseMediaType("application/hal+json")));
        ResponseEntity<String> list = http.exchange("/engine-rest/filter/" + allTasksFilter(user).get("id").asText()
                + "/list?firstResult=0&maxResults=50", HttpMethod.POST,
                new HttpEntity<>("{\"processInstanceBusinessKey\":\"" + tenderId + "\"}", headers), String.class);
        assertThat(list.getStatusCode()).as(list.getBody()).isEqualTo(HttpStatus.OK);
        for (JsonNode task : json(list).at("/_embedded/task")) {
            if (task.get("id").asText().equals(taskId)) {
                Map<String, String> shown = new java.util.LinkedHashMap<>();
                task.at("/_embedded/variable").forEach(v -> shown.put(v.get("name").asText(), v.get("value").asText()));
                return shown;
            }
        }
        throw new AssertionError("task " + taskId + " not in " + user + "'s list: " + list.getBody());
    }
}

package io.huitong.web;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The engine guards a task whatever door it is worked through: Camunda's REST API (with or without a trailing
 * slash), Tasklist's own API, a BPMN error or escalation, its identity links. A task takes only the inputs its
 * model declares, ends only the way its model says, and never leaves its own people; a refusal is a 4xx
 * problem, not an error in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class TaskGuardsTest extends ApiTest {

    /** A registration of 5,000,000: two steps, the registration clerk's, then the centre director's. */
    String register() {
        ResponseEntity<String> created = post("purchaser", "/api/tenders", works().toString());
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        return json(created).get("id").asText();
    }

    JsonNode tender(String id) {
        ResponseEntity<String> response = get("demo", "/api/tenders/" + id);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json(response);
    }

    String openStep(String id) {
        return tender(id).get("approval").get("openStep").get("taskId").asText();
    }

    /** Nothing happened to the route: the clerk's step is open, none recorded, the tender pending. */
    void untouched(String id, String task) {
        JsonNode tender = tender(id);
        assertThat(tender.get("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(tender.get("approval").get("steps")).isEmpty();
        assertThat(tender.get("approval").get("openStep").get("taskId").asText()).isEqualTo(task);
        assertThat(tender.get("approval").get("openStep").get("group").asText()).isEqualTo("registration-clerk");
        assertThat(engine.getRuntimeService().getVariable(
                engine.getTaskService().createTaskQuery().taskId(task).singleResult().getExecutionId(), "approved"))
                .as("nothing written to the process").isNull();
    }

    static final String SKIP_THE_DIRECTOR = """
            {"variables":{"approved":{"value":true,"type":"Boolean"},"nrOfInstances":{"value":1,"type":"Integer"}}}""";

    @Test
    void a_step_takes_only_its_declared_inputs_through_every_door() {
        String id = register();
        String task = openStep(id);
        List<String> doors = new ArrayList<>(List.of("/engine-rest/task/" + task + "/complete/",
                "/engine-rest/task/" + task + "/submit-form/", "/engine-rest/task/" + task + "/complete",
                "/engine-rest/task/" + task + "/submit-form", "/engine-rest/task/" + task + "//complete",
                "/engine-rest/task/" + task + "/complete;x=1"));
        for (String door : doors) {
            ResponseEntity<String> refused = post("clerk", door, SKIP_THE_DIRECTOR);
            assertThat(refused.getStatusCode()).as(door + ": " + refused.getBody())
                    .isIn(HttpStatus.UNPROCESSABLE_ENTITY, HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND);
            untouched(id, task);
        }
        ResponseEntity<String> refused = post("clerk", "/engine-rest/task/" + task + "/complete/", SKIP_THE_DIRECTOR);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(refused).get("violations").findValuesAsText("field")).containsExactly("variables.nrOfInstances");

        // Tasklist's own API, from a logged-in session
        WebappSession tasklist = new WebappSession("clerk", "tasklist");
        for (String door : List.of("/camunda/api/engine/engine/default/task/" + task + "/submit-form/",
                "/camunda/api/engine/engine/default/task/" + task + "/complete/")) {
            ResponseEntity<String> inTasklist = tasklist.post(door, SKIP_THE_DIRECTOR);
            assertThat(inTasklist.getStatusCode()).as(door + ": " + inTasklist.getBody())
                    .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            untouched(id, task);
        }

        // the declared inputs pass, through the trailing slash too; the director's step follows
        ResponseEntity<String> approved = post("clerk", "/engine-rest/task/" + task + "/complete/", """
                {"variables":{"approved":{"value":true},"comment":{"value":"材料齐全"}}}""");
        assertThat(approved.getStatusCode()).as(approved.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode after = tender(id);
        assertThat(after.get("approval").get("steps")).hasSize(1);
        assertThat(after.get("approval").get("openStep").get("group").asText()).isEqualTo("centre-director");
    }

    /**
     * Tasklist's own API (Camunda's JAX-RS application inside the webapp), called as the browser calls it (session
     * cookie and CSRF token), answers the engine's refusals with the same problem as {@code /engine-rest}: inputs the
     * step does not declare, a guard listener's refusal (a return without reasons), an error the model does not
     * catch, a link outside the task's people.
     */
    @Test
    void tasklists_own_api_answers_a_refusal_with_the_problem_engine_rest_gives() {
        String id = register();
        String task = openStep(id);
        WebappSession tasklist = new WebappSession("clerk", "tasklist");
        String inTasklist = "/camunda/api/engine/engine/default/task/" + task;
        String inEngineRest = "/engine-rest/task/" + task;
        for (String[] refusal : List.of(new String[] {"/submit-form", SKIP_THE_DIRECTOR, "422"},
                new String[] {"/submit-form", "{\"variables\":{\"approved\":{\"value\":false}}}", "422"},
                new String[] {"/complete", "{\"variables\":{\"approved\":{\"value\":false}}}", "422"},
                new String[] {"/bpmnError", "{\"errorCode\":\"skip\"}", "422"},
                new String[] {"/identity-links", "{\"groupId\":\"purchaser\",\"type\":\"candidate\"}", "403"})) {
            ResponseEntity<String> browser = tasklist.post(inTasklist + refusal[0], refusal[1]);
            assertThat(browser.getStatusCode().value()).as(refusal[0] + ": " + browser.getBody())
                    .isEqualTo(Integer.parseInt(refusal[2]));
            assertThat(browser.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            ResponseEntity<String> api = post("clerk", inEngineRest + refusal[0], refusal[1]);
            JsonNode expected = json(api);
            JsonNode given = json(browser);
            for (String field : List.of("type", "title", "status", "detail", "message", "violations")) {
                assertThat(given.path(field)).as(refusal[0] + " " + field).isEqualTo(expected.path(field));
            }
            assertThat(given.path("message").asText()).as("what Tasklist shows").isNotBlank()
                    .doesNotContain("ENGINE-").doesNotContain("Exception");
            untouched(id, task);
        }
    }

    @Test
    void a_step_ends_by_a_BPMN_error_or_escalation_only_where_its_model_catches_one() {
        String id = register();
        String task = openStep(id);
        for (String body : List.of("""
                {"errorCode":"skip","variables":{"approved":{"value":true}}}""", """
                {"errorCode":"skip"}""")) {
            ResponseEntity<String> error = post("clerk", "/engine-rest/task/" + task + "/bpmnError", body);
            assertThat(error.getStatusCode()).as(error.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            untouched(id, task);
        }
        ResponseEntity<String> escalation = post("clerk", "/engine-rest/task/" + task + "/bpmnEscalation",
                "{\"escalationCode\":\"skip\"}");
        assertThat(escalation.getStatusCode()).as(escalation.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        untouched(id, task);
    }

    @Test
    void a_task_is_never_handed_out_of_its_own_people() {
        String id = register();
        String task = openStep(id);
        String links = "/engine-rest/task/" + task + "/identity-links";
        for (String link : List.of("{\"groupId\":\"purchaser\",\"type\":\"candidate\"}",
                "{\"userId\":\"purchaser\",\"type\":\"candidate\"}", "{\"userId\":\"bidder\",\"type\":\"participant\"}",
                "{\"groupId\":\"purchaser\",\"type\":\"participant\"}", "{\"userId\":\"purchaser\",\"type\":\"owner\"}")) {
            ResponseEntity<String> added = post("clerk", links, link);
            assertThat(added.getStatusCode()).as(link + ": " + added.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        }
        ResponseEntity<String> removed = post("clerk", links + "/delete",
                "{\"groupId\":\"registration-clerk\",\"type\":\"candidate\"}");
        assertThat(removed.getStatusCode()).as(removed.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(json(get("demo", links)).findValuesAsText("groupId")).containsExactly("registration-clerk");
        assertThat(json(get("demo", links)).findValues("userId")).allMatch(JsonNode::isNull);
        assertThat(post("purchaser", "/engine-rest/task/" + task + "/complete", "{\"variables\":{\"approved\":"
                + "{\"value\":true}}}").getStatusCode().is2xxSuccessful()).isFalse();
        untouched(id, task);

        // within its people: one of its group's members as a candidate user
        ResponseEntity<String> colleague = post("clerk", links, "{\"userId\":\"clerk\",\"type\":\"candidate\"}");
        assertThat(colleague.getStatusCode()).as(colleague.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** What a PUT of a task updates (Camunda's TaskDto#updateTask). */
    static final List<String> UPDATED = List.of("name", "description", "priority", "assignee", "owner",
            "delegationState", "due", "followUp", "parentTaskId", "caseInstanceId", "tenantId");

    /** The task as Camunda's REST API shows it, with one property changed: what a PUT of the task sends. */
    String changed(String task, String property, String value) {
        com.fasterxml.jackson.databind.node.ObjectNode body = (com.fasterxml.jackson.databind.node.ObjectNode)
                json(get("demo", "/engine-rest/task/" + task));
        body.retain(UPDATED);
        body.put(property, value);
        return body.toString();
    }

    @Test
    void a_task_saved_whole_is_never_handed_out_of_its_own_people() {
        String id = register();
        String task = openStep(id);
        String path = "/engine-rest/task/" + task;
        // the owner would get TASK_WORK and could complete the step; an assignee likewise
        for (String property : List.of("owner", "assignee")) {
            ResponseEntity<String> saved = exchange("clerk", HttpMethod.PUT, path, changed(task, property, "purchaser"));
            assertThat(saved.getStatusCode()).as(property + ": " + saved.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(json(get("demo", path)).get(property).isNull()).as(property).isTrue();
        }
        WebappSession tasklist = new WebappSession("clerk", "tasklist");
        ResponseEntity<String> inTasklist = tasklist.put("/camunda/api/engine/engine/default/task/" + task,
                changed(task, "owner", "purchaser"));
        assertThat(inTasklist.getStatusCode()).as(inTasklist.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(json(get("demo", path)).get("owner").isNull()).isTrue();
        ResponseEntity<String> outsider = post("purchaser", path + "/complete",
                "{\"variables\":{\"approved\":{\"value\":true},\"comment\":{\"value\":\"ok\"}}}");
        assertThat(outsider.getStatusCode().is2xxSuccessful()).as(outsider.getBody()).isFalse();
        untouched(id, task);

        // within its people: the clerk owns it
        ResponseEntity<String> own = exchange("clerk", HttpMethod.PUT, path, changed(task, "owner", "clerk"));
        assertThat(own.getStatusCode()).as(own.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(json(get("demo", path)).get("owner").asText()).isEqualTo("clerk");
    }

    @Test
    void a_step_takes_plain_values_only_never_objects_the_engine_would_deserialize() {
        String id = register();
        String task = openStep(id);
        for (String approved : List.of("""
                {"value":"true","type":"Object","valueInfo":{"objectTypeName":"java.lang.Boolean",
                "serializationDataFormat":"application/json"}}""", """
                {"value":"{}","type":"Object","valueInfo":{"objectTypeName":"java.util.HashMap",
                "serializationDataFormat":"application/json"}}""", """
                {"value":"true","type":"Json"}""", """
                {"value":{"approved":true}}""")) {
            ResponseEntity<String> refused = post("clerk", "/engine-rest/task/" + task + "/complete",
                    "{\"variables\":{\"approved\":" + approved + ",\"comment\":{\"value\":\"材料齐全\"}}}");
            assertThat(refused.getStatusCode()).as(approved + ": " + refused.getBody())
                    .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(json(refused).get("violations").findValuesAsText("field")).containsExactly("variables.approved");
            untouched(id, task);
        }
        WebappSession tasklist = new WebappSession("clerk", "tasklist");
        ResponseEntity<String> inTasklist = tasklist.post("/camunda/api/engine/engine/default/task/" + task
                + "/submit-form", """
                {"variables":{"approved":{"value":"true","type":"Object","valueInfo":{"objectTypeName":
                "java.lang.Boolean","serializationDataFormat":"application/json"}},"comment":{"value":"ok"}}}""");
        assertThat(inTasklist.getStatusCode()).as(inTasklist.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        untouched(id, task);
        // what the engine reads back as an object is only of the classes it allows
        assertThat(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration()).isDeserializationTypeValidationEnabled()).isTrue();

        // plain values pass, typed or not
        ResponseEntity<String> approved = post("clerk", "/engine-rest/task/" + task + "/complete", """
                {"variables":{"approved":{"value":true,"type":"Boolean"},"comment":{"value":"材料齐全","type":"String"}}}""");
        assertThat(approved.getStatusCode()).as(approved.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(tender(id).get("approval").get("steps")).hasSize(1);
    }

    @Test
    void bad_ids_and_messages_on_the_engine_REST_API_get_4xx_problems() {
        String id = register();
        String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id)
                .singleResult().getId();
        ResponseEntity<String> message = post("demo", "/engine-rest/execution/" + instance
                + "/messageSubscriptions/tenderTerminated/trigger", "{}");
        assertThat(message.getStatusCode().is4xxClientError()).as(message.getBody()).isTrue();
        ResponseEntity<String> variables = get("demo", "/engine-rest/process-instance/no-such-instance/variables");
        assertThat(variables.getStatusCode()).as(variables.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<String> member = exchange("demo", HttpMethod.PUT,
                "/engine-rest/group/purchaser/members/no-such-user", null);
        assertThat(member.getStatusCode().is4xxClientError()).as(member.getBody()).isTrue();
    }

    static final String ENGINE_CONTEXT = "org.camunda.bpm.engine.context";

    @Test
    void a_refused_step_is_not_an_error_in_the_log(CapturedOutput output) {
        String id = register();
        String task = openStep(id);
        // the test profile silences the engine's context logger; here it logs as in production
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        LogLevel configured = logging.getLoggerConfiguration(ENGINE_CONTEXT).getConfiguredLevel();
        logging.setLogLevel(ENGINE_CONTEXT, LogLevel.INFO);
        try {
            // a return without reasons (the step's listener) and an undeclared input (the engine's guard)
            ResponseEntity<String> refused = post("clerk", "/engine-rest/task/" + task + "/complete",
                    "{\"variables\":{\"approved\":{\"value\":false}}}");
            assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(json(refused).get("violations").findValuesAsText("field")).containsExactly("comment");
            assertThat(post("clerk", "/engine-rest/task/" + task + "/complete", SKIP_THE_DIRECTOR).getStatusCode())
                    .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(output.getAll()).doesNotContain("ENGINE-16004").doesNotContain("Exception while closing");
            // an error that is one still is
            var commands = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
                    .getProcessEngineConfiguration()).getCommandExecutorTxRequired();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> commands.execute(context -> {
                throw new IllegalStateException("a real failure");
            })).hasMessage("a real failure");
            assertThat(output.getAll()).contains("ENGINE-16004");
        } finally {
            logging.setLogLevel(ENGINE_CONTEXT, configured);
        }
        untouched(id, task);
    }
}

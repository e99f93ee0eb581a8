package io.huitong.tender.workflow;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.support.ApiTest;
import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * Every path of {@code processes/tender-registration.bpmn}, started through the REST API as a purchaser would;
 * steps are decided through the API, or through the engine as Camunda Tasklist does.
 */
class RegistrationProcessTest extends ApiTest {

    @Autowired
    IdentityService identity;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    /** Registers a project of the given estimate; returns the tender as the API answers. */
    JsonNode register(String estimate) {
        var response = post("purchaser", "/api/tenders", works().with("estimatedAmount", new BigDecimal(estimate))
                .with("budgetFunds", new BigDecimal(estimate)).with("totalInvestment", new BigDecimal("90000000.00"))
                .toString());
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        return json(response);
    }

    ProcessInstance instanceOf(JsonNode tender) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(tender.get("id").asText()).singleResult();
    }

    JsonNode decide(String user, JsonNode tender, boolean approved, String comment) {
        String body = comment == null ? "{\"approved\":" + approved + "}"
                : "{\"approved\":" + approved + ",\"comment\":\"" + comment + "\"}";
        var response = post(user, "/api/tenders/" + tender.get("id").asText() + "/approval", body);
        assertThat(response.getStatusCode()).as(response.getBody()).isIn(HttpStatus.OK, HttpStatus.ACCEPTED);
        return json(response);
    }

    /** The service task after the route runs as a job (asyncBefore): run it as the job executor would. */
    void runJobs(ProcessInstance instance) {
        List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).list();
        jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }

    JsonNode reread(JsonNode tender) {
        return json(get("demo", "/api/tenders/" + tender.get("id").asText()));
    }

    @Test
    void an_approver_deciding_a_step_someone_decided_meanwhile_gets_409_and_changes_nothing() {
        JsonNode tender = register("5000000.00");
        String seen = tender.get("approval").get("openStep").get("taskId").asText();
        decide("clerk", tender, true, "材料齐全");
        var stale = post("clerk", "/api/tenders/" + tender.get("id").asText() + "/approval",
                "{\"approved\":false,\"comment\":\"退回\",\"taskId\":\"" + seen + "\"}");
        assertThat(stale.getStatusCode()).as(stale.getBody()).isEqualTo(HttpStatus.CONFLICT);
        JsonNode now = reread(tender);
        assertThat(now.get("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(now.get("approval").get("steps")).hasSize(1);
        assertThat(now.get("approval").get("openStep").get("group").asText()).isEqualTo("centre-director");
    }

    @Test
    void approved_by_every_step_in_order() {
        JsonNode tender = register("5000000.00");
        ProcessInstance instance = instanceOf(tender);
        BpmnAwareTests.assertThat(instance).isWaitingAt("approveRegistration");
        assertThat(BpmnAwareTests.task(instance)).satisfies(task ->
                BpmnAwareTests.assertThat(task).hasCandidateGroup("registration-clerk"));

        var first = post("clerk", "/api/tenders/" + tender.get("id").asText() + "/approval",
                "{\"approved\":true,\"comment\":\"材料齐全\"}");
        assertThat(first.getStatusCode()).as("a step with another after it: the state after the step")
                .isEqualTo(HttpStatus.OK);
        assertThat(json(first).get("approval").get("openStep").get("group").asText()).isEqualTo("centre-director");
        BpmnAwareTests.assertThat(BpmnAwareTests.task(instance)).hasCandidateGroup("centre-director");
        var last = post("director", "/api/tenders/" + tender.get("id").asText() + "/approval", "{\"approved\":true}");
        assertThat(last.getStatusCode()).as("the route has ended, the approval follows as a job: 202, not a 200 "
                + "that still says PENDING_APPROVAL").isEqualTo(HttpStatus.ACCEPTED);
        assertThat(last.getHeaders().getLocation()).hasToString("/api/tenders/" + tender.get("id").asText());
        assertThat(json(last).get("approval").get("openStep").isNull()).isTrue();
        runJobs(instance);

        BpmnAwareTests.assertThat(instance).isEnded()
                .hasPassedInOrder("registered", "approveRegistration", "decision", "markApproved", "approvedEnd")
                .hasNotPassed("markReturned");
        JsonNode after = reread(tender);
        assertThat(after.get("status").asText()).isEqualTo("APPROVED");
        JsonNode steps = after.get("approval").get("steps");
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).get("group").asText()).isEqualTo("registration-clerk");
        assertThat(steps.get(0).get("decidedBy").asText()).isEqualTo("clerk");
        assertThat(steps.get(0).get("comment").asText()).isEqualTo("材料齐全");
        assertThat(steps.get(1).get("group").asText()).isEqualTo("centre-director");
        assertThat(after.get("approval").get("openStep").isNull()).isTrue();
    }

    @Test
    void an_approver_sees_in_Tasklist_why_the_route_came_to_their_step() {
        JsonNode tender = register("5000000.00");
        String taskId = tender.get("approval").get("openStep").get("taskId").asText();
        var guide = get("clerk", "/engine-rest/task/" + taskId + "/localVariables/guide");
        assertThat(guide.getStatusCode()).as(guide.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json(guide).get("value").asText()).as("the step's guide, from the task's own candidate group")
                .contains("审批路线 Approval route：registration-clerk → centre-director",
                        "本步骤（registration-clerk）由规则 「", "规则集版本 Rule-set version：");
    }

    @Test
    void returned_at_the_second_step_with_reasons() {
        JsonNode tender = register("5000000.00");
        ProcessInstance instance = instanceOf(tender);
        decide("clerk", tender, true, null);
        decide("director", tender, false, "预算资金来源证明不全");
        runJobs(instance);

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("markReturned", "returnedEnd")
                .hasNotPassed("markApproved");
        JsonNode after = reread(tender);
        assertThat(after.get("status").asText()).isEqualTo("RETURNED");
        assertThat(after.get("returnReason").asText()).isEqualTo("预算资金来源证明不全");
    }

    @Test
    void a_return_at_the_first_step_ends_the_route() {
        JsonNode tender = register("60000000.00");
        assertThat(tender.get("decisions").get("approvalRoute")).hasSize(3);
        ProcessInstance instance = instanceOf(tender);
        decide("clerk", tender, false, "不属于本中心受理范围");
        runJobs(instance);
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("returnedEnd");
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .count()).isEqualTo(1);
    }

    @Test
    void a_one_step_route() {
        JsonNode tender = register("3000000.00");
        assertThat(tender.get("decisions").get("approvalRoute")).hasSize(1);
        ProcessInstance instance = instanceOf(tender);
        decide("clerk", tender, true, null);
        runJobs(instance);
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("approvedEnd");
    }

    @Test
    void a_step_completed_in_Tasklist_is_recorded_with_its_user() {
        JsonNode tender = register("3000000.00");
        ProcessInstance instance = instanceOf(tender);
        Task task = BpmnAwareTests.task(instance);
        identity.setAuthentication("clerk", List.of("registration-clerk"));
        try {
            engine.getTaskService().complete(task.getId(),
                    Variables.createVariables().putValue("approved", true).putValue("comment", "同意"));
        } finally {
            identity.clearAuthentication();
        }
        JsonNode step = reread(tender).get("approval").get("steps").get(0);
        assertThat(step.get("decidedBy").asText()).isEqualTo("clerk");
        assertThat(step.get("comment").asText()).isEqualTo("同意");
    }

    @Test
    void the_engine_refuses_a_step_without_a_decision_or_by_an_outsider() {
        JsonNode tender = register("3000000.00");
        Task task = BpmnAwareTests.task(instanceOf(tender));
        identity.setAuthentication("clerk", List.of("registration-clerk"));
        try {
            assertThatThrownBy(() -> engine.getTaskService().complete(task.getId())).hasMessageContaining("Approve or return");
            assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(),
                    Variables.createVariables().putValue("approved", false))).hasMessageContaining("reasons");
        } finally {
            identity.clearAuthentication();
        }
        identity.setAuthentication("director", List.of("centre-director"));
        try {
            // Camunda's authorizations: only the candidate group may work on the task
            assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(),
                    Variables.createVariables().putValue("approved", true))).isInstanceOf(AuthorizationException.class);
        } finally {
            identity.clearAuthentication();
        }
        BpmnAwareTests.assertThat(BpmnAwareTests.task(instanceOf(tender))).isNotNull();
        assertThat(reread(tender).get("approval").get("steps")).isEmpty();
    }

    @Test
    void the_API_refuses_outsiders_returns_without_reasons_and_decided_tenders() {
        JsonNode tender = register("3000000.00");
        String path = "/api/tenders/" + tender.get("id").asText() + "/approval";
        assertThat(post("director", path, "{\"approved\":true}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("clerk", path, "{\"approved\":false}").getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        decide("clerk", tender, true, null);
        assertThat(post("clerk", path, "{\"approved\":true}").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }
}

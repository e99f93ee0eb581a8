package io.huitong.lifecycle;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.support.LifecycleTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Tenders in flight on the flat lifecycle of earlier versions (one model, every step in it) still complete:
 * Camunda keeps each version, and the steps the flat model calls ({@code lifecycle}, {@code guards},
 * {@code timers}) keep working. The flat model is deployed as the latest {@code tender-lifecycle} and a tender
 * runs on it from registration to archive; its own context, so that no other test starts on the old version.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LegacyLifecycleTest extends LifecycleTest {

    private static final String FLAT = "legacy/tender-lifecycle-flat.bpmn";

    @Test
    void a_tender_started_on_the_flat_lifecycle_runs_to_its_archive() {
        RepositoryService repository = engine.getRepositoryService();
        Deployment flat = repository.createDeployment().name("legacy-flat-lifecycle").addClasspathResource(FLAT)
                .deploy();
        try {
            ProcessDefinition legacy = repository.createProcessDefinitionQuery().deploymentId(flat.getId())
                    .singleResult();
            assertThat(legacy.getKey()).isEqualTo(LifecycleProcess.KEY);
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(LifecycleProcess.KEY)
                    .latestVersion().singleResult().getId()).as("the flat model is the latest version")
                    .isEqualTo(legacy.getId());

            String id = registerAndApprove(works().with("bidBondAmount", new java.math.BigDecimal("100000.00")));
            List<HistoricProcessInstance> lifecycles = engine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(id).processDefinitionKey(LifecycleProcess.KEY).list();
            assertThat(lifecycles).singleElement().satisfies(
                    p -> assertThat(p.getProcessDefinitionId()).isEqualTo(legacy.getId()));

            at("2026-12-01T08:00:00");
            assertThat(status(id)).isEqualTo("BIDDING");
            bidAccepted(id, 1, "4800000.00", "100000.00 E_GUARANTEE", "LARGE");
            bidAccepted(id, 2, "4663200.00", "100000.00 E_GUARANTEE", "MEDIUM");
            bidAccepted(id, 3, "4900000.00", "100000.00 E_GUARANTEE", "SMALL");
            // a bid withdrawn while bidding: the flat model's own event subprocess refunds its bond
            String fourth = json(bid(id, 4, "4500000.00", "100000.00 E_GUARANTEE", "SMALL")).get("id").asText();
            ResponseEntity<String> withdrawn = exchange(bidderUser(4), HttpMethod.DELETE, "/api/tenders/" + id
                    + "/bids/" + fourth, null);
            assertThat(withdrawn.getStatusCode()).as(withdrawn.getBody()).isEqualTo(HttpStatus.OK);
            runDueJobs();
            assertThat(openTaskKeys(id)).containsExactly("refundWithdrawnBond");
            completeTask(id, "finance", "refundWithdrawnBond");

            at("2026-12-21T09:31:00");
            assertThat(status(id)).isEqualTo("EVALUATING");
            committee(id);
            assertThat(review(id)).isEqualTo(3);
            scoreAll(id, Map.of("投标人1", 50, "投标人2", 52, "投标人3", 45));
            signReport(id);
            assertThat(status(id)).isEqualTo("PUBLICITY");

            at("2026-12-28T00:00:00");
            assertThat(openTaskKeys(id)).containsExactly("chooseWinner");
            String rankOne = bids(id).entrySet().stream()
                    .filter(b -> b.getValue().path("candidateRank").asInt() == 1).map(Map.Entry::getKey)
                    .findFirst().orElseThrow();
            award(id, rankOne, null);
            assertThat(status(id)).isEqualTo("AWARDED");
            assertThat(openTaskKeys(id)).containsExactlyInAnyOrder("signContract", "reportToSupervisor");

            ResponseEntity<String> signed = post("purchaser", "/api/tenders/" + id + "/contract", "{}");
            assertThat(signed.getStatusCode()).as(signed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
            runDueJobs();
            assertThat(status(id)).isEqualTo("CONTRACTED");
            completeTask(id, "finance", "refundBonds");
            ResponseEntity<String> report = post("purchaser", "/api/tenders/" + id + "/supervisor-report", "{}");
            assertThat(report.getStatusCode()).as(report.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
            runDueJobs();

            JsonNode archived = tender(id);
            assertThat(archived.get("status").asText()).isEqualTo("ARCHIVED");
            assertThat(archived.get("openTasks")).isEmpty();
            HistoricProcessInstance lifecycle = engine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(id).processDefinitionKey(LifecycleProcess.KEY).singleResult();
            assertThat(lifecycle.getEndTime()).as("the flat lifecycle ended").isNotNull();
            assertThat(lifecycle.getProcessDefinitionId()).isEqualTo(legacy.getId());
            List<String> stages = new ArrayList<>();
            engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(id).list()
                    .forEach(p -> stages.add(p.getProcessDefinitionKey()));
            assertThat(stages).as("no stage model was called").doesNotContainAnyElementsOf(LifecycleProcess.STAGES);
            assertThat(passed(id)).contains("announce", "openBids", "award", "archive", "archived");
            List<String> tags = new ArrayList<>();
            json(get("bidder", "/api/tenders/" + id + "/ocds")).get("releases")
                    .forEach(r -> tags.add(r.get("tag").get(0).asText()));
            assertThat(tags).as("the award is found in the flat model's history").containsExactly("tender", "award",
                    "contract");
        } finally {
            repository.deleteDeployment(flat.getId(), true);
        }
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(LifecycleProcess.KEY).latestVersion().singleResult().getResourceName())
                .isEqualTo("tender-lifecycle.bpmn");
    }
}

package io.huitong.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.huitong.support.RemoteTest;
import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Remote evaluations already running on the previous version of {@code remote-evaluation.bpmn} (whose stage
 * {@code evaluationStage} copied the committee's work instead of calling {@code local-evaluation}) still complete:
 * every expression that version calls ({@code remote.reviewed}, {@code remote.markReviewed},
 * {@code evaluation.chair}, {@code evaluation.yetToScore}, …) still works. The copy of that version is deployed as
 * the latest for this test only, one evaluation runs through it, pausing for a link failure and resuming without a
 * second review, and the deployment is deleted; the context is discarded afterwards.
 */
@DirtiesContext
class LegacyRemoteModelTest extends RemoteTest {

    static final String LEGACY = "legacy/remote-evaluation-copied-stage.bpmn";

    Deployment legacy;

    @BeforeEach
    void deployTheCopiedStageVersion() throws Exception {
        BpmnAwareTests.init(engine);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(LEGACY)) {
            assertThat(in).as(LEGACY).isNotNull();
            legacy = engine.getRepositoryService().createDeployment().name("legacy remote-evaluation")
                    .addInputStream("remote-evaluation.bpmn", in).deploy();
        }
    }

    @AfterEach
    void deleteIt() {
        if (legacy != null) {
            engine.getRepositoryService().deleteDeployment(legacy.getId(), true);
        }
        ProcessDefinition current = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(RemoteProcess.KEY).latestVersion().singleResult();
        assertThat(current.getDeploymentId()).as("the current model is the latest again").isNotEqualTo(legacy.getId());
    }

    @Test
    void an_evaluation_running_on_the_copied_stage_version_completes() {
        String tenderId = remoteTender();
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(tenderId).processDefinitionKey(RemoteProcess.KEY).singleResult();
        ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionId(instance.getProcessDefinitionId()).singleResult();
        assertThat(definition.getDeploymentId()).as("running on the previous version").isEqualTo(legacy.getId());

        String id = drawn(tenderId);
        prepareAll(id);
        signInAll(id);
        reviewed(tenderId);
        List<String> members = members(tenderId);
        scoredBy(tenderId, members.subList(0, 2));
        at("2026-12-23T10:00:00");
        String failure = linkDown("NY", id, partnerVenue(id, "NY"));
        at("2026-12-23T11:00:00");
        linkBack("NY", id, failure);
        assertThat(openTaskKeys(tenderId)).as("resumed with those yet to score, no second review")
                .hasSize(members.size() - 2).containsOnly("scoreBids");
        scoredBy(tenderId, members.subList(2, members.size()));
        signedBy(tenderId, members);
        confirmed(id);

        assertThat(status(tenderId)).isEqualTo("PUBLICITY");
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("reviewQualifications", "markReviewed",
                "alreadyReviewed", "linkDownDuring", "unlockDuring", "signReport", "confirmResult", "concluded");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(tenderId)
                .processDefinitionKey("local-evaluation").count()).as("the copied stage calls nothing").isZero();
    }
}

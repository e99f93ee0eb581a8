package io.huitong.shared.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The engine answers a query and, where it should, its job executor runs: part of readiness
 * (/actuator/health/readiness).
 */
@Component("engine")
class EngineHealth implements HealthIndicator {

    private final ProcessEngine engine;
    private final boolean jobsExpected;

    EngineHealth(ProcessEngine engine,
            @org.springframework.beans.factory.annotation.Value("${camunda.bpm.job-execution.enabled:true}")
            boolean jobsExpected) {
        this.engine = engine;
        this.jobsExpected = jobsExpected;
    }

    @Override
    public Health health() {
        try {
            long definitions = engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().count();
            var executor = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
                    .getProcessEngineConfiguration()).getJobExecutor();
            // a job executor switched off on purpose (tests drive jobs) is no fault; one that stopped is
            boolean jobs = !jobsExpected || executor == null || executor.isActive();
            return (jobs ? Health.up() : Health.down()).withDetail("name", engine.getName())
                    .withDetail("processDefinitions", definitions)
                    .withDetail("jobExecutor", executor == null ? "none" : executor.isActive() ? "active" : "stopped")
                    .build();
        } catch (RuntimeException e) {
            return Health.down(e).build();
        }
    }
}

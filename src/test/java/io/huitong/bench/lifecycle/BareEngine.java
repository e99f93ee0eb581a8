package io.huitong.bench.lifecycle;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * The same models on a bare Camunda engine: the same database (H2 in a file, a Hikari pool), the same history
 * level (full), the same JSON serialization, but every expression Huitong's beans answer is a no-op returning
 * what lets the happy path go on. It is driven through the same steps, with the same variables, as Huitong's
 * lifecycle: what remains is the engine's own cost.
 */
final class BareEngine implements AutoCloseable {

    final ProcessEngine engine;
    final HikariDataSource dataSource;

    BareEngine(Path dir, Path processes) throws Exception {
        Files.createDirectories(dir);
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:file:" + dir.toAbsolutePath().resolve("bare")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        dataSource.setUsername("sa");
        dataSource.setPassword("");
        StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
        config.setDataSource(dataSource);
        config.setDatabaseSchemaUpdate("true");
        config.setHistory("full");
        config.setJobExecutorActivate(false);
        config.setProcessEngineName("bare");
        config.setDefaultSerializationFormat("application/json");
        config.setHistoryTimeToLive("P3650D");
        config.setMetricsEnabled(false);
        config.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
        Map<Object, Object> beans = new HashMap<>();
        NoOpLifecycle lifecycle = new NoOpLifecycle();
        beans.put("lifecycle", lifecycle);
        beans.put("timers", new NoOpTimers());
        beans.put("guards", new NoOpGuards());
        beans.put("evaluation", new NoOpEvaluation());
        beans.put("evaluationGuards", new NoOpGuards());
        NoOpApprovals approvals = new NoOpApprovals();
        beans.put("approvalService", approvals);
        config.setBeans(beans);
        engine = config.buildProcessEngine();
        approvals.runtime = engine.getRuntimeService();
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("bare")
                .enableDuplicateFiltering(true);
        for (String model : List.of("tender-registration.bpmn", "tender-lifecycle.bpmn", "tender-bidding.bpmn",
                "tender-opening.bpmn", "tender-award.bpmn", "tender-contract.bpmn", "tender-after-failure.bpmn",
                "local-evaluation.bpmn")) {
            deployment.addString(model, Files.readString(processes.resolve(model)));
        }
        deployment.deploy();
    }

    /**
     * Runs n lifecycles through the same steps as {@link HuitongLifecycles}: the approval route given, the
     * announcement, the deadline, the decryption's end, the committee of five, publicity, award, contract,
     * refunds, report. Returns the tender ids (business keys).
     */
    List<String> run(Lockstep steps, int n, List<String> route) throws Exception {
        var tasks = engine.getTaskService();
        var runtime = engine.getRuntimeService();
        List<String> tenders = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tenders.add(java.util.UUID.randomUUID().toString());
        }
        Lockstep.clockAt("2026-11-27T10:00:00");
        steps.each(tenders, id -> {
            runtime.startProcessInstanceByKey("tender-registration", id, Variables.createVariables()
                    .putValue("tenderId", id).putValue("approvalRoute", new ArrayList<>(route)));
            for (int step = 0; step < route.size(); step++) {
                complete(id, "approveRegistration", null,
                        Variables.createVariables().putValue("approved", true).putValue("comment", null));
            }
        });
        steps.runDueJobs();
        steps.lap("register+approve");
        Lockstep.clockAt("2026-12-01T08:00:00");
        steps.runDueJobs();
        steps.lap("announce+bid");
        Lockstep.clockAt("2026-12-21T09:30:00");
        steps.runDueJobs();
        Lockstep.clockAt("2026-12-21T09:31:00");
        steps.each(tenders, id -> runtime.createMessageCorrelation("bidsDecrypted").processInstanceBusinessKey(id)
                .correlateAllWithResult());
        steps.runDueJobs();
        steps.each(tenders, id -> {
            complete(id, "recordCommittee", null, Variables.createVariables()
                    .putValue("members", new ArrayList<>(HuitongLifecycles.MEMBERS))
                    .putValue("chair", HuitongLifecycles.MEMBERS.get(0)));
            complete(id, "reviewQualifications", null, Variables.createVariables().putValue("qualifiedCount", 5)
                    .putValue("enoughQualified", true));
            for (String member : HuitongLifecycles.MEMBERS) {
                complete(id, "scoreBids", member, Map.of());
            }
            for (String member : HuitongLifecycles.MEMBERS) {
                complete(id, "signReport", member, Map.of());
            }
        });
        steps.runDueJobs();
        steps.lap("open+evaluate");
        Lockstep.clockAt("2026-12-26T00:00:00");
        steps.runDueJobs();
        steps.each(tenders, id -> complete(id, "chooseWinner", null, Variables.createVariables()
                .putValue("winnerBidId", "bid-1").putValue("reason", null)));
        steps.runDueJobs();
        steps.each(tenders, id -> {
            complete(id, "signContract", null, Map.of());
            complete(id, "refundBonds", null, Map.of());
            complete(id, "reportToSupervisor", null, Map.of());
        });
        steps.runDueJobs();
        steps.lap("award..archive");
        return tenders;
    }

    private void complete(String tenderId, String taskKey, String assignee, Map<String, Object> variables) {
        var query = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(tenderId)
                .taskDefinitionKey(taskKey);
        if (assignee != null) {
            query.taskAssignee(assignee);
        }
        List<Task> open = query.list();
        if (open.isEmpty()) {
            throw new IllegalStateException("bare engine: no open task " + taskKey + " for " + tenderId + " ("
                    + assignee + ")");
        }
        engine.getTaskService().complete(open.get(0).getId(), variables);
    }

    /** Whether the tender's lifecycle ended. */
    boolean ended(String tenderId) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(tenderId)
                .processDefinitionKey("tender-lifecycle").completed().count() == 1;
    }

    @Override
    public void close() {
        engine.close();
        dataSource.close();
    }

    // ---- the no-op beans: the names and methods the models call -----------------------------------------------

    public static final class NoOpApprovals {
        RuntimeService runtime;

        public void startStep(DelegateTask task) {
        }

        public void recordStep(DelegateTask task) {
        }

        /** Huitong starts the lifecycle here (an event of the approval): so does the bare run, same variables. */
        public void approved(String tenderId) {
            runtime.startProcessInstanceByKey("tender-lifecycle", tenderId, Variables.createVariables()
                    .putValue("tenderId", tenderId).putValue("law", "TENDERING_LAW").putValue("round", 1)
                    .putValue("minimumBids", 3).putValue("evaluationProcess", "local-evaluation")
                    .putValue("methodChangeApprover", "project-approval-authority"));
        }

        public void returned(String tenderId, String comment) {
        }
    }

    public static final class NoOpTimers {
        private static Date china(String localDateTime) {
            return Date.from(ZonedDateTime.parse(localDateTime + "+08:00[Asia/Shanghai]").toInstant());
        }

        public Date at(String tenderId, String name) {
            return switch (name) {
                case "documentIssue" -> china("2026-12-01T00:00:00");
                case "bidDeadline" -> china("2026-12-21T09:30:00");
                case "decryptionWindow" -> china("2026-12-21T10:30:00");
                case "publicity" -> Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(3)));
                default -> Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(30)));
            };
        }

        public Date due(String tenderId, String name) {
            return at(tenderId, name);
        }
    }

    public static final class NoOpLifecycle {
        /** As in Huitong when the registrant is a purchaser: the registrant is the candidate, no group. */
        public List<String> tendererGroups(String tenderId) {
            return List.of();
        }

        public List<String> tendererUsers(String tenderId) {
            return List.of("purchaser");
        }

        public void announce(DelegateExecution execution) {
        }

        public void rescheduleBidding(String tenderId) {
        }

        public void resumeBidding(String tenderId) {
        }

        public int closeBidding(String tenderId) {
            return 5;
        }

        public int open(String tenderId) {
            return 5;
        }

        public void fail(DelegateExecution execution) {
        }

        public void startRound(DelegateExecution execution) {
        }

        public void changeMethod(DelegateExecution execution) {
        }

        public void publishCandidates(String tenderId) {
        }

        public void resumePublicity(String tenderId) {
        }

        public void startAwarding(String tenderId) {
        }

        public String rankOne(String tenderId) {
            return "bid-1";
        }

        public void award(DelegateExecution execution) {
        }

        public void contractOverdue(String tenderId) {
        }

        public void recordContract(String tenderId) {
        }

        public boolean bondsHeld(String tenderId) {
            return true;
        }

        public void taskDone(DelegateTask task) {
        }

        public void archive(String tenderId) {
        }

        public void terminate(DelegateExecution execution) {
        }
    }

    public static final class NoOpEvaluation {
        public void begin(String tenderId) {
        }

        public String outcome(String tenderId, String outcome) {
            return outcome;
        }

        public int aggregate(String tenderId) {
            return 5;
        }

        public int openFlags(String tenderId) {
            return 0;
        }

        public String chair(String tenderId) {
            return HuitongLifecycles.MEMBERS.get(0);
        }

        public java.util.List<String> yetToScore(String tenderId) {
            return new ArrayList<>(HuitongLifecycles.MEMBERS);
        }

        public java.util.List<String> yetToSign(String tenderId) {
            return new ArrayList<>(HuitongLifecycles.MEMBERS);
        }
    }

    /** Guards of both models: they refuse nothing. */
    public static final class NoOpGuards {
        public void methodChangeDecided(DelegateTask task) {
        }

        public void nextStepDecided(DelegateTask task) {
        }

        public void objectionsAnswered(DelegateTask task) {
        }

        public void winnerChosen(DelegateTask task) {
        }

        public void flagsReviewed(DelegateTask task) {
        }

        public void rejectAllDecided(DelegateTask task) {
        }

        public void reviewed(DelegateTask task) {
        }

        public void scored(DelegateTask task) {
        }

        public void signed(DelegateTask task) {
        }

        public void memberStepOpened(DelegateTask task, String kind) {
        }
    }
}

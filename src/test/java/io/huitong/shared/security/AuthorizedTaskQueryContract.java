package io.huitong.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Huitong's task query answers exactly as the engine's own: two engines on one database, one with
 * {@link AuthorizedTaskQuery} and one without, asked the same queries by users whose grants reach tasks in every way
 * the engine allows — on the task, through a group, on the process definition's key, on '*', globally, with
 * permissions that do not include reading, with and without a revoke — and the lists, pages and counts compared.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuthorizedTaskQueryContract {

    private ProcessEngine engines;
    private ProcessEngine huitong;
    /** Tasks t0..t11 of processes p1 (even) and p2 (odd), then standalone s0..s2. */
    private final List<String> tasks = new ArrayList<>();

    /** Points an engine's configuration at the database both engines share. */
    abstract void database(ProcessEngineConfigurationImpl configuration);

    /** Whether the grants are asked as a union of index lookups on this database (fragment grantedByIndex). */
    abstract boolean grantsByIndex();

    /** After both engines have closed. */
    void closed() throws Exception {
    }

    /** A user and the groups the user is authenticated with. */
    record User(String id, List<String> groups) {
    }

    static final List<User> USERS = List.of(new User("ann", List.of("clerks")), new User("ann", List.of()),
            new User("ann", List.of("clerks", "auditors")), new User("bob", List.of()), new User("cat", List.of()),
            new User("dan", List.of()), new User("eve", List.of("auditors", "other")), new User("zed", List.of()),
            new User("zed", List.of("clerks")), new User("rita", List.of("readers")));

    @BeforeAll
    void engines() {
        engines = configuration("engine", "create-drop").buildProcessEngine();
        ProcessEngineConfigurationImpl ours = configuration("huitong", "false");
        ours.getProcessEnginePlugins().add(new AuthorizedTaskQuery());
        huitong = ours.buildProcessEngine();

        engines.getRepositoryService().createDeployment()
                .addModelInstance("p1.bpmn", Bpmn.createExecutableProcess("p1").startEvent().userTask("a").name("A")
                        .endEvent().done())
                .addModelInstance("p2.bpmn", Bpmn.createExecutableProcess("p2").startEvent().userTask("b").name("B")
                        .endEvent().done())
                .deploy();
        long now = System.currentTimeMillis() - 3_600_000L;
        for (int i = 0; i < 12; i++) {
            ClockUtil.setCurrentTime(new Date(now + i * 60_000L));
            String instance = engines.getRuntimeService().startProcessInstanceByKey(i % 2 == 0 ? "p1" : "p2",
                    Variables.putValue("rank", 12 - i)).getId();
            tasks.add(engines.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId());
        }
        for (int i = 0; i < 3; i++) {
            ClockUtil.setCurrentTime(new Date(now + (12 + i) * 60_000L));
            Task standalone = engines.getTaskService().newTask("s" + i);
            standalone.setName("S");
            engines.getTaskService().saveTask(standalone);
            tasks.add(standalone.getId());
        }
        ClockUtil.reset();
        engines.getTaskService().addCandidateGroup(task(1), "clerks");
        engines.getTaskService().addCandidateGroup(task(6), "clerks");
        engines.getTaskService().addCandidateGroup(task(13), "clerks");
        // rows the joins repeat: two candidate groups of one task, a candidate user, and a task-local variable of
        // the name a query sorts by
        engines.getTaskService().addCandidateGroup(task(1), "other");
        engines.getTaskService().addCandidateUser(task(9), "ann");
        engines.getTaskService().setVariableLocal(task(0), "rank", 99);

        grantUser("ann", Resources.TASK, task(0), Permissions.READ);
        grantGroup("clerks", Resources.TASK, task(2), Permissions.READ, Permissions.UPDATE);
        grantGroup("clerks", Resources.TASK, task(12), Permissions.READ);
        grantGroup("clerks", Resources.TASK, task(3), Permissions.UPDATE);
        grantGroup("other", Resources.TASK, task(4), Permissions.READ);
        grantGroup("auditors", Resources.PROCESS_DEFINITION, "p2", Permissions.READ_TASK);
        grantUser("bob", Resources.TASK, Authorization.ANY, Permissions.READ);
        grantUser("cat", Resources.PROCESS_DEFINITION, "p1", Permissions.READ);
        grantUser("dan", Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ_TASK);
        grantUser("zed", Resources.TASK, "p1", Permissions.READ);
        grantUser(Authorization.ANY, Resources.TASK, task(7), Permissions.READ);
        grantGroup("readers", Resources.TASK, Authorization.ANY, Permissions.READ);
        Authorization everyone = engines.getAuthorizationService()
                .createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        everyone.setResource(Resources.TASK);
        everyone.setResourceId(task(5));
        everyone.addPermission(Permissions.READ);
        engines.getAuthorizationService().saveAuthorization(everyone);
    }

    private ProcessEngineConfigurationImpl configuration(String name, String schema) {
        ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        database(configuration);
        configuration.setDatabaseSchemaUpdate(schema);
        configuration.setAuthorizationEnabled(true);
        configuration.setJobExecutorActivate(false);
        configuration.setHistory("none");
        configuration.setDbMetricsReporterActivate(false);
        configuration.setProcessEnginePlugins(new ArrayList<>());
        return configuration;
    }

    @AfterAll
    void close() throws Exception {
        huitong.close();
        engines.close();
        closed();
    }

    @Test
    void huitong_asks_its_own_statements() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) huitong
                .getProcessEngineConfiguration();
        AuthorizedTaskQuery.STATEMENTS.forEach((engine, ours) -> {
            assertThat(configuration.getDbSqlSessionFactory().mapStatement(engine)).isEqualTo(ours);
            assertThat(configuration.getSqlSessionFactory().getConfiguration().hasStatement(ours, false)).isTrue();
        });
        String granted = configuration.getSqlSessionFactory().getConfiguration().getSqlFragments()
                .get(AuthorizedTaskQuery.NAMESPACE + "." + AuthorizedTaskQuery.GRANTED).toString();
        assertThat(granted.contains("union all")).as(granted).isEqualTo(grantsByIndex());
        assertThat(configuration.getDbSqlSessionFactory().mapStatement("selectAuthorizedGroupIds"))
                .isEqualTo(AuthorizedTaskQuery.GROUP_STATEMENTS.get("selectAuthorizedGroupIds"));
        assertThat(((ProcessEngineConfigurationImpl) engines.getProcessEngineConfiguration()).getDbSqlSessionFactory()
                .mapStatement("selectTaskByQueryCriteria")).isEqualTo("selectTaskByQueryCriteria");
    }

    @Test
    void finds_the_groups_with_authorizations_as_the_engine() {
        assertThat(authorizedGroups(huitong)).isEqualTo(authorizedGroups(engines))
                .containsExactlyInAnyOrder("auditors", "clerks", "other", "readers");
    }

    /** What the engine asks before each authorized command, nulls dropped as the engine drops them. */
    private Set<String> authorizedGroups(ProcessEngine engine) {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(context -> {
                    List<?> groups = context.getDbEntityManager().selectList("selectAuthorizedGroupIds");
                    return groups.stream().filter(Objects::nonNull).map(String.class::cast)
                            .collect(Collectors.toSet());
                });
    }

    @Test
    void sees_what_the_grants_say() {
        assertThat(ids(huitong, new User("bob", List.of()), TaskQuery::list)).hasSize(tasks.size());
        assertThat(ids(huitong, new User("zed", List.of()), TaskQuery::list))
                .as("a task grant on the key p1 reaches p1's tasks, as in the engine; and the global grant")
                .containsExactlyInAnyOrder(task(0), task(2), task(4), task(5), task(6), task(7), task(8), task(10));
        assertThat(ids(huitong, new User("eve", List.of("auditors", "other")), TaskQuery::list))
                .containsExactlyInAnyOrder(task(1), task(3), task(4), task(5), task(7), task(9), task(11));
        assertThat(ids(huitong, new User("cat", List.of()), TaskQuery::list))
                .as("reading the definition is not reading its tasks; grants to everyone are")
                .containsExactlyInAnyOrder(task(5), task(7));
        assertThat(ids(huitong, new User("ann", List.of("clerks")), TaskQuery::list))
                .as("UPDATE alone does not show t3; a candidate group is granted READ by the engine")
                .containsExactlyInAnyOrder(task(0), task(1), task(2), task(5), task(6), task(7), task(9), task(12),
                        task(13));
        assertThat(ids(huitong, new User("rita", List.of("readers")), TaskQuery::list)).hasSize(tasks.size());
    }

    @Test
    void answers_every_query_as_the_engine() {
        compareAll();
    }

    @Test
    void answers_as_the_engine_when_a_revoke_exists() {
        AuthorizationService authorizations = engines.getAuthorizationService();
        Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
        revoke.setUserId("ann");
        revoke.setResource(Resources.TASK);
        revoke.setResourceId(task(2));
        revoke.removePermission(Permissions.READ);
        authorizations.saveAuthorization(revoke);
        try {
            assertThat(ids(huitong, new User("ann", List.of("clerks")), TaskQuery::list))
                    .as("ann's own revoke outweighs her group's grant").doesNotContain(task(2)).contains(task(0));
            compareAll();
        } finally {
            authorizations.deleteAuthorization(revoke.getId());
        }
    }

    private void compareAll() {
        List<Function<TaskQuery, Object>> queries = List.of(
                q -> ids(q.list()),
                TaskQuery::count,
                q -> ids(q.orderByTaskCreateTime().desc().listPage(0, 4)),
                q -> ids(q.orderByTaskCreateTime().desc().listPage(4, 4)),
                q -> ids(q.taskCandidateGroup("clerks").orderByTaskCreateTime().asc().list()),
                q -> q.taskCandidateGroup("clerks").count(),
                q -> ids(q.taskCandidateGroupIn(List.of("clerks", "other")).includeAssignedTasks()
                        .orderByTaskId().asc().list()),
                q -> ids(q.processDefinitionKey("p2").orderByTaskCreateTime().asc().list()),
                q -> ids(q.or().taskName("S").processDefinitionKey("p1").endOr().orderByTaskCreateTime().desc()
                        .list()),
                q -> q.or().taskName("S").processDefinitionKey("p1").endOr().count(),
                q -> ids(q.orderByProcessVariable("rank", org.camunda.bpm.engine.variable.type.ValueType.INTEGER)
                        .asc().orderByTaskId().asc().list()),
                q -> ids(q.taskCandidateUser("ann").list()),
                q -> ids(q.taskInvolvedUser("ann").orderByTaskId().asc().list()),
                q -> ids(q.withCandidateUsers().list()),
                q -> ids(q.or().taskCandidateGroup("clerks").taskName("S").endOr().orderByTaskId().asc().list()),
                q -> ids(q.taskCandidateGroupIn(List.of("clerks", "other")).orderByTaskCreateTime().desc()
                        .listPage(0, 3)),
                q -> q.taskCandidateGroupIn(List.of("clerks", "other")).count(),
                q -> ids(q.active().taskNameLike("%").orderByTaskName().asc().orderByTaskId().asc().list()),
                q -> q.withoutCandidateGroups().count());
        for (User user : USERS) {
            for (int i = 0; i < queries.size(); i++) {
                Function<TaskQuery, Object> query = queries.get(i);
                Object expected = ask(engines, user, query);
                assertThat(ask(huitong, user, query)).as("%s, query %d", user, i).isEqualTo(expected);
            }
        }
    }

    private Object ask(ProcessEngine engine, User user, Function<TaskQuery, Object> query) {
        engine.getIdentityService().setAuthentication(user.id(), user.groups());
        try {
            return query.apply(engine.getTaskService().createTaskQuery());
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private List<String> ids(ProcessEngine engine, User user, Function<TaskQuery, List<Task>> query) {
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) ask(engine, user, q -> ids(query.apply(q)));
        return ids;
    }

    private static List<String> ids(List<Task> tasks) {
        return tasks.stream().map(Task::getId).toList();
    }

    private String task(int i) {
        return tasks.get(i);
    }

    private void grantUser(String user, Resource resource, String id, Permission... permissions) {
        grant(user, null, resource, id, permissions);
    }

    private void grantGroup(String group, Resource resource, String id, Permission... permissions) {
        grant(null, group, resource, id, permissions);
    }

    private void grant(String user, String group, Resource resource, String id, Permission... permissions) {
        AuthorizationService authorizations = engines.getAuthorizationService();
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setUserId(user);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(id);
        for (Permission permission : permissions) {
            grant.addPermission(permission);
        }
        authorizations.saveAuthorization(grant);
    }
}

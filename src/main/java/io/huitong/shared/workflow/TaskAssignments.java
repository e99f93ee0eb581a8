package io.huitong.shared.workflow;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What clerks expect of a task list — claim, unclaim, delegate, transfer — within the task's own people. A
 * task's candidates may work on it ({@code TASK_WORK}) and hand it to someone ({@code TASK_ASSIGN}), never write
 * to its process; the one it is handed to must be a candidate of the task (a member of one of its candidate
 * groups), so no task leaves its centre. A task given to one person (a member's scores) stays with that person.
 */
@Component
public class TaskAssignments extends AbstractProcessEnginePlugin {

    /** The assignee a task was created for (tasks without candidates keep it). */
    public static final String CREATED_FOR = "createdFor";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new DefaultAuthorizationProvider() {
            @Override
            protected AuthorizationEntity[] createOrUpdateAuthorizations(Task task, String userId, String groupId) {
                AuthorizationEntity[] granted = super.createOrUpdateAuthorizations(task, userId, groupId);
                for (AuthorizationEntity authorization : granted) {
                    authorization.addPermission(Permissions.TASK_ASSIGN);
                }
                return granted;
            }
        });
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        TaskListener created = task -> task.setVariableLocal(CREATED_FOR, task.getAssignee());
        TaskListener assigned = TaskAssignments::check;
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, created);
                    behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, assigned);
                }
            }
        });
    }

    static void check(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee == null || ofItsPeople(task, assignee)) {
            return;
        }
        if (candidates(task).isEmpty()) {
            Object createdFor = task.getVariableLocal(CREATED_FOR);
            throw new AccessDeniedException("该任务只能由 " + createdFor + " 本人办理 / Only " + createdFor
                    + " works on this task");
        }
        throw new AccessDeniedException("只能交给本任务的候选人办理 / A task goes only to one of its candidates: "
                + assignee + " is not");
    }

    /**
     * Whether the user is one of the task's own people: a candidate user or a member of a candidate group; for a
     * task without candidates, the one it was created for.
     */
    static boolean ofItsPeople(DelegateTask task, String userId) {
        List<IdentityLink> candidates = candidates(task);
        if (candidates.isEmpty()) {
            Object createdFor = task.getVariableLocal(CREATED_FOR);
            return createdFor == null || userId.equals(createdFor);
        }
        var identity = task.getProcessEngineServices().getIdentityService();
        return candidates.stream().anyMatch(l -> userId.equals(l.getUserId()) || l.getGroupId() != null
                && identity.createUserQuery().userId(userId).memberOfGroup(l.getGroupId()).count() > 0);
    }

    /** The task's candidate groups. */
    static List<String> candidateGroups(DelegateTask task) {
        return candidates(task).stream().map(IdentityLink::getGroupId).filter(g -> g != null).toList();
    }

    private static List<IdentityLink> candidates(DelegateTask task) {
        return task.getCandidates().stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType())).toList();
    }
}

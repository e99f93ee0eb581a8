package io.huitong.shared.workflow;

import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.NotFoundException;
import io.huitong.shared.web.RuleRefusalException;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.bpmn.parser.ErrorEventDefinition;
import org.camunda.bpm.engine.impl.bpmn.parser.EscalationEventDefinition;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskDescriptionCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskDueDateCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskFollowUpDateCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskNameCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.event.EventType;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Guards inside the engine, which every door passes — Camunda's REST API whatever its URL looks like, Tasklist's
 * own API, Java — rather than in front of some of its URLs:
 * <ul>
 * <li>a task is completed (complete, submit-form, resolve) only with the inputs its model declares, and
 * only with plain values, which nothing deserializes; a user sets no other kind on a task either
 * ({@link TaskInputs});</li>
 * <li>a task ends by a BPMN error or escalation only where its model catches that code (a boundary event on the
 * task or an enclosing scope, an event subprocess, a call activity calling its process), and with declared
 * inputs only; an uncaught error would end the process with nothing recorded;</li>
 * <li>someone working on a task changes its identity links only within its own people: a candidate user or an
 * owner is one of them, a candidate group stays one of its own and none is removed ({@link TaskAssignments});</li>
 * <li>someone saving a task whole or setting one of its properties hands it only to its own people and changes
 * neither its legal dates nor what its model names ({@link TaskEdits});</li>
 * <li>a message is delivered to an execution only if it waits for that message (404 otherwise).</li>
 * </ul>
 * A refusal is a business outcome: the engine logs it at debug level, not as {@code ENGINE-16004} error.
 */
@Component
class EngineGuards extends AbstractProcessEnginePlugin {

    private static final Field COMPLETE_TASK = field(CompleteTaskCmd.class, "taskId");
    private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables");
    private static final Field FORM_TASK = field(SubmitTaskFormCmd.class, "taskId");
    private static final Field FORM_VARIABLES = field(SubmitTaskFormCmd.class, "properties");
    private static final Field ERROR_TASK = field(HandleTaskBpmnErrorCmd.class, "taskId");
    private static final Field ERROR_CODE = field(HandleTaskBpmnErrorCmd.class, "errorCode");
    private static final Field ERROR_VARIABLES = field(HandleTaskBpmnErrorCmd.class, "variables");
    private static final Field ESCALATION_TASK = field(HandleTaskEscalationCmd.class, "taskId");
    private static final Field ESCALATION_CODE = field(HandleTaskEscalationCmd.class, "escalationCode");
    private static final Field ESCALATION_VARIABLES = field(HandleTaskEscalationCmd.class, "variables");
    private static final Field LINK_TASK = field(AbstractSetTaskPropertyCmd.class, "taskId");
    private static final Field LINK_USER = field(AbstractAddIdentityLinkCmd.class, "userId");
    private static final Field LINK_GROUP = field(AbstractAddIdentityLinkCmd.class, "groupId");
    private static final Field LINK_TYPE = field(AbstractAddIdentityLinkCmd.class, "type");
    private static final Field UNLINK_TASK = field(DeleteIdentityLinkCmd.class, "taskId");
    private static final Field UNLINK_GROUP = field(DeleteIdentityLinkCmd.class, "groupId");
    private static final Field UNLINK_TYPE = field(DeleteIdentityLinkCmd.class, "type");
    private static final Field SAVED_TASK = field(SaveTaskCmd.class, "task");
    private static final Field PROPERTY_VALUE = field(AbstractSetTaskPropertyCmd.class, "value");
    private static final Field VARIABLES_TASK = field(AbstractVariableCmd.class, "entityId");
    private static final Field VARIABLES = field(AbstractSetVariableCmd.class, "variables");
    private static final Field PATCH_TASK = field(AbstractPatchVariablesCmd.class, "entityId");
    private static final Field PATCH_VARIABLES = field(AbstractPatchVariablesCmd.class, "variables");
    private static final Field MESSAGE_EXECUTION = field(MessageEventReceivedCmd.class, "executionId");
    private static final Field MESSAGE_NAME = field(MessageEventReceivedCmd.class, "messageName");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandInterceptor guard = new Guard();
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequired().add(guard);
        if (configuration.getCustomPostCommandInterceptorsTxRequiresNew() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequiresNew(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequiresNew().add(new Guard());
        CommandContextFactory contexts = new CommandContextFactory() {
            @Override
            public CommandContext createCommandContext() {
                return new CommandContext(processEngineConfiguration) {
                    @Override
                    protected boolean shouldLogFine(Throwable exception) {
                        return super.shouldLogFine(exception) || isRefusal(exception);
                    }
                };
            }
        };
        // the engine sets itself on a factory only when it makes the factory
        contexts.setProcessEngineConfiguration(configuration);
        configuration.setCommandContextFactory(contexts);
    }

    /** A refusal of Huitong's (a guard, a task listener, this class), wherever the engine wrapped it. */
    static boolean isRefusal(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ValidationException || t instanceof RuleRefusalException || t instanceof ConflictException
                    || t instanceof NotFoundException || t instanceof AccessDeniedException) {
                return true;
            }
        }
        return false;
    }

    /** Runs inside the command's context (after Camunda's own interceptors), before the command. */
    private static final class Guard extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (command instanceof CompleteTaskCmd) {
                task(get(COMPLETE_TASK, command)).ifPresent(task -> inputs(task, get(COMPLETE_VARIABLES, command)));
            } else if (command instanceof SubmitTaskFormCmd) {
                task(get(FORM_TASK, command)).ifPresent(task -> inputs(task, get(FORM_VARIABLES, command)));
            } else if (command instanceof HandleTaskBpmnErrorCmd) {
                task(get(ERROR_TASK, command)).ifPresent(task -> {
                    caught(task, (String) get(ERROR_CODE, command), false);
                    inputs(task, get(ERROR_VARIABLES, command));
                });
            } else if (command instanceof HandleTaskEscalationCmd) {
                task(get(ESCALATION_TASK, command)).ifPresent(task -> {
                    caught(task, (String) get(ESCALATION_CODE, command), true);
                    inputs(task, get(ESCALATION_VARIABLES, command));
                });
            } else if (command instanceof SetTaskVariablesCmd && actor() != null) {
                task(get(VARIABLES_TASK, command)).ifPresent(task -> TaskInputs.checkTypes(task,
                        (Map<?, ?>) get(VARIABLES, command)));
            } else if (command instanceof PatchTaskVariablesCmd && actor() != null) {
                task(get(PATCH_TASK, command)).ifPresent(task -> TaskInputs.checkTypes(task,
                        (Map<?, ?>) get(PATCH_VARIABLES, command)));
            } else if (command instanceof SaveTaskCmd && actor() != null) {
                // a task saved whole (PUT /task/{id}, Tasklist): compared with the task as stored
                TaskEntity changed = (TaskEntity) get(SAVED_TASK, command);
                TaskEntity stored = changed == null ? null : TaskEdits.stored(changed.getId());
                if (stored != null) {
                    TaskEdits.saved(stored, changed);
                }
            } else if (PROPERTIES.containsKey(command.getClass()) && actor() != null) {
                task(get(LINK_TASK, command)).ifPresent(task -> TaskEdits.set(task,
                        PROPERTIES.get(command.getClass()), get(PROPERTY_VALUE, command)));
            } else if (command instanceof AbstractAddIdentityLinkCmd && actor() != null) {
                task(get(LINK_TASK, command)).ifPresent(task -> link(task, (String) get(LINK_USER, command),
                        (String) get(LINK_GROUP, command), (String) get(LINK_TYPE, command)));
            } else if (command instanceof DeleteIdentityLinkCmd && actor() != null) {
                task(get(UNLINK_TASK, command)).ifPresent(task -> unlink(task, (String) get(UNLINK_GROUP, command),
                        (String) get(UNLINK_TYPE, command)));
            } else if (command instanceof MessageEventReceivedCmd) {
                subscribed((String) get(MESSAGE_EXECUTION, command), (String) get(MESSAGE_NAME, command));
            }
            return next.execute(command);
        }
    }

    /** The task properties a command sets one at a time, by the name the REST API gives them. */
    private static final Map<Class<?>, String> PROPERTIES = Map.of(SetTaskDueDateCmd.class, TaskEdits.DUE,
            SetTaskFollowUpDateCmd.class, TaskEdits.FOLLOW_UP, SetTaskNameCmd.class, TaskEdits.NAME,
            SetTaskDescriptionCmd.class, TaskEdits.DESCRIPTION, SetTaskPriorityCmd.class, TaskEdits.PRIORITY);

    /** The variables a task is completed with: declared by its model, plain values. */
    private static void inputs(TaskEntity task, Object variables) {
        TaskInputs.check(task, names(variables));
        if (variables instanceof Map<?, ?> map) {
            TaskInputs.checkTypes(task, map);
        }
    }

    private static java.util.Optional<TaskEntity> task(Object taskId) {
        if (!(taskId instanceof String id)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(Context.getCommandContext().getTaskManager().findTaskById(id));
    }

    private static List<String> names(Object variables) {
        return variables instanceof Map<?, ?> map ? map.keySet().stream().map(String::valueOf).toList() : List.of();
    }

    /** The user who acts, if any: Huitong itself (a job, a sweep) acts as the platform, unauthenticated. */
    private static String actor() {
        Authentication authentication = Context.getCommandContext().getAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    /**
     * Whether the model catches the error (or escalation) thrown from the task: a boundary event of the task or
     * of an enclosing scope, an event subprocess around it, or the same around the call activity that called its
     * process. An uncaught one would end the process (error) or fail (escalation): refused.
     */
    static void caught(TaskEntity task, String code, boolean escalation) {
        ExecutionEntity execution = task.getExecution();
        ActivityImpl activity = task.getProcessDefinitionId() == null ? null
                : task.getProcessDefinition().findActivity(task.getTaskDefinitionKey());
        while (activity != null) {
            for (ScopeImpl scope = activity; scope != null;
                    scope = scope instanceof ActivityImpl a ? a.getFlowScope() : null) {
                if (escalation ? scope.getProperties().get(BpmnProperties.ESCALATION_EVENT_DEFINITIONS).stream()
                        .map(EscalationEventDefinition::getEscalationCode).anyMatch(c -> c == null || c.equals(code))
                        : scope.getProperties().get(BpmnProperties.ERROR_EVENT_DEFINITIONS).stream()
                                .anyMatch(d -> d.catchesError(code))) {
                    return;
                }
            }
            // the process was called: the call activity's boundary events and scopes catch too
            ExecutionEntity caller = execution == null ? null : execution.getProcessInstance().getSuperExecution();
            execution = caller;
            activity = caller == null ? null : caller.getActivity();
        }
        String field = escalation ? "escalationCode" : "errorCode";
        throw new ValidationException(List.of(Violation.of(field, "validation.task-" + (escalation ? "escalation"
                : "error"), null, null, code, "该步骤的流程模型不处理此" + (escalation ? "升级" : "错误") + "，不能以此结束",
                "The model of " + task.getTaskDefinitionKey() + " catches no " + (escalation ? "escalation" : "error")
                        + " " + code + ": the step does not end that way")));
    }

    /** A link added while someone works on the task: only to its own people. */
    static void link(TaskEntity task, String userId, String groupId, String type) {
        if (IdentityLinkType.ASSIGNEE.equals(type) || userId == null && groupId == null) {
            // the assignee is checked by TaskAssignments' assignment listener; clearing an owner hands out nothing
            return;
        }
        if (groupId != null) {
            if (IdentityLinkType.CANDIDATE.equals(type) && TaskAssignments.candidateGroups(task).contains(groupId)) {
                return;
            }
            throw new AccessDeniedException("任务的候选组由流程模型确定，不能添加 " + groupId + " / A task's candidate groups are "
                    + "its model's: " + groupId + " cannot be added");
        }
        if (!TaskAssignments.ofItsPeople(task, userId)) {
            throw new AccessDeniedException("只能交给本任务的候选人 / A task goes only to one of its candidates: " + userId
                    + " is not");
        }
    }

    /** A link removed while someone works on the task: never one of its candidate groups. */
    static void unlink(TaskEntity task, String groupId, String type) {
        if (groupId != null && IdentityLinkType.CANDIDATE.equals(type)) {
            throw new AccessDeniedException("任务的候选组由流程模型确定，不能移除 " + groupId + " / A task's candidate groups are "
                    + "its model's: " + groupId + " cannot be removed");
        }
    }

    /** A message goes to an execution that waits for it; otherwise 404 (nothing waits for it there). */
    static void subscribed(String executionId, String messageName) {
        if (executionId == null || messageName == null) {
            return;
        }
        if (Context.getCommandContext().getEventSubscriptionManager().findEventSubscriptionsByNameAndExecution(
                EventType.MESSAGE.name(), messageName, executionId, false).isEmpty()) {
            throw new NotFoundException("执行 " + executionId + " 没有等待消息 " + messageName + " / Execution "
                    + executionId + " does not wait for message " + messageName);
        }
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            // the engine was upgraded and renamed what the guard reads: fail at start, never guard nothing
            throw new IllegalStateException("Camunda's " + type.getName() + " has no field " + name, e);
        }
    }

    private static Object get(Field field, Object command) {
        try {
            return field.get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}

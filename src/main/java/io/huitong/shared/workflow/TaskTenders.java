package io.huitong.shared.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Which tender a task is for, where Tasklist's list can show it. Every process that has user tasks carries the
 * tender's number and title as process variables ({@link #TENDER_NO}, {@link #TENDER_TITLE}), set when it starts
 * (the registration's route, the lifecycle) or handed to it by its caller (the evaluations); Tasklist's filters
 * name them ({@code TasklistFilters}).
 * <p>
 * Tasklist reads a filter's variables with the user's own permissions, and a group working on a task may read that
 * task, not its whole process instance (which holds bids, scores, seeds). So every user task, when created, gets
 * the two as task-local copies, readable to whoever may read the task. The tender's title does not change once
 * registered (a {@code Tender}'s title is final), so the copies never go stale. Like the guide they are derived,
 * and write no history ({@link TaskGuides.WithoutGuideHistory}).
 */
@Component
public class TaskTenders extends AbstractProcessEnginePlugin {

    /** The tender's number: its id, the business key of every process of the tender. */
    public static final String TENDER_NO = "tenderNo";
    /** The tender's title, as registered. */
    public static final String TENDER_TITLE = "tenderTitle";
    /** The two, in order, with the labels Tasklist shows in its list. */
    public static final List<Map.Entry<String, String>> LABELS = List.of(Map.entry(TENDER_NO, "项目编号 Tender no."),
            Map.entry(TENDER_TITLE, "项目名称 Title"));

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        TaskListener listener = TaskTenders::copy;
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
                }
            }
        });
    }

    static void copy(DelegateTask task) {
        if (task.getExecution() == null) {
            return;
        }
        Object number = task.getExecution().getVariable(TENDER_NO);
        if (number == null) {
            // a process started before the variables were: its business key is the tender's id
            number = task.getExecution().getProcessBusinessKey();
        }
        if (number != null) {
            task.setVariableLocal(TENDER_NO, number);
        }
        Object title = task.getExecution().getVariable(TENDER_TITLE);
        if (title != null) {
            task.setVariableLocal(TENDER_TITLE, title);
        }
    }

    /** Whether a task-local variable is one of the copies (no history is kept for them). */
    static boolean isCopy(String name) {
        return TENDER_NO.equals(name) || TENDER_TITLE.equals(name);
    }
}

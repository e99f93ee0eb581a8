package io.huitong.shared.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every user task, when created, gets a task-local {@code guide}: what the step is (its documentation in the
 * model) and what the rules decided that matters to it, from each feature's {@link TaskGuide}. The forms in
 * {@code processes/forms} show it above their fields.
 * <p>
 * The guide is derived text (the model's documentation and decisions that are kept in their own records), so no
 * history is written for it: with full history every task would otherwise add a historic variable and a detail
 * row, the largest share of what Huitong writes to the engine's history beyond the bare engine (the benchmark's
 * lifecycle section).
 */
@Component
public class TaskGuides extends AbstractProcessEnginePlugin {

    public static final String GUIDE = "guide";

    private final ObjectProvider<TaskGuide> guides;

    TaskGuides(ObjectProvider<TaskGuide> guides) {
        this.guides = guides;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        // history of every event but the guide's: the default database handler, filtered
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        List<HistoryEventHandler> handlers = new ArrayList<>();
        handlers.add(new WithoutGuideHistory());
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        configuration.setCustomHistoryEventHandlers(handlers);
        TaskListener listener = this::guide;
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
                }
            }
        });
    }

    void guide(DelegateTask task) {
        List<String> parts = new ArrayList<>();
        if (task.getDescription() != null && !task.getDescription().isBlank()) {
            parts.add(task.getDescription().strip());
        }
        guides.orderedStream().map(g -> g.explain(task)).filter(text -> text != null && !text.isBlank())
                .forEach(parts::add);
        task.setVariableLocal(GUIDE, String.join("\n\n", parts));
    }

    /**
     * The engine's database history handler, skipping the variable events of the task-local guide and of the
     * tender's number and title copied to each task ({@link TaskTenders}).
     */
    static final class WithoutGuideHistory extends DbHistoryEventHandler {
        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
                    && (GUIDE.equals(variable.getVariableName()) || TaskTenders.isCopy(variable.getVariableName()))) {
                return;
            }
            super.handleEvent(event);
        }
    }
}

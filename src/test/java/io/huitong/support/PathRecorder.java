package io.huitong.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Records, for the whole test run, every sequence flow the engines take and every activity they start, as
 * {@code processKey:elementId}: {@code BranchCoverageTest} reads it to show each branch has a path test.
 */
@Component
public class PathRecorder extends AbstractProcessEnginePlugin {

    private static final Set<String> TAKEN = ConcurrentHashMap.newKeySet();
    private static final Set<String> STARTED = ConcurrentHashMap.newKeySet();

    public static Set<String> taken() {
        return Set.copyOf(TAKEN);
    }

    public static Set<String> started() {
        return Set.copyOf(STARTED);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseSequenceFlow(Element flow, ScopeImpl scope, TransitionImpl transition) {
                String id = ((ProcessDefinitionEntity) scope.getProcessDefinition()).getKey() + ":" + transition.getId();
                transition.addListener(ExecutionListener.EVENTNAME_TAKE, execution -> TAKEN.add(id));
            }

            @Override
            public void parseRootElement(Element root, List<ProcessDefinitionEntity> definitions) {
                for (var definition : definitions) {
                    record(definition.getKey(), definition.getActivities());
                }
            }

            private void record(String key, List<ActivityImpl> activities) {
                for (ActivityImpl activity : activities) {
                    String id = key + ":" + activity.getId();
                    activity.addListener(ExecutionListener.EVENTNAME_START, execution -> STARTED.add(id));
                    record(key, activity.getActivities());
                }
            }
        });
    }
}

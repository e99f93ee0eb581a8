package io.huitong.tender.workflow;

import io.huitong.shared.workflow.TaskTenders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Starts a registration's approval route: one process instance per tender, the tender id as business key. */
@Component
public class RegistrationWorkflow {

    private final RuntimeService runtime;

    RegistrationWorkflow(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /**
     * Starts the route; returns the process instance id. Joins the caller's transaction. The tender's number and
     * title go with it, for Tasklist's list ({@link TaskTenders}).
     */
    public String startApproval(String tenderId, String title, List<String> route) {
        Map<String, Object> variables = Variables.createVariables()
                .putValue(RegistrationProcess.TENDER_ID, tenderId)
                .putValue(TaskTenders.TENDER_NO, tenderId)
                .putValue(TaskTenders.TENDER_TITLE, title)
                .putValue(RegistrationProcess.APPROVAL_ROUTE, new ArrayList<>(route));
        return runtime.startProcessInstanceByKey(RegistrationProcess.KEY, tenderId, variables).getId();
    }
}
